import { existsSync } from 'node:fs';
import {
  besidePaths,
  buildBeside,
  installReady,
  lockReadModels,
  openServices,
  ReadModelsInUseError,
  siblingPath,
  type ReadModelsLock,
} from '@xinfang/api';
import { CheckpointConflictError, logBoundsProjection, worldProjections, type Progress } from '@xinfang/projections';
import { CliError, messageOf } from '../errors';
import { note, say, stderrLogger } from '../output';
import { inUseError } from '../in-use';
import { progressBar } from '../progress';
import { existingStore, parseAnyStore, postgresLog, type AnyStoreLocation } from '../store-location';

/*
 * `xinfang rebuild [--projection NAME]`, with a progress bar.
 *
 * Every projection (no NAME): built beside the served read models, into `x.read.next.db`, in one pass over
 * the log, then marked ready (see read-models-beside.ts in @xinfang/api). A running server swaps to them
 * itself — it catches them up, then switches in one step, so no query sees part of the old read models and
 * part of the new — and rebuild waits until it has; with no server running, rebuild puts them in place
 * itself. A crash half-way leaves the served read models as they were.
 *
 * One projection (NAME): rebuilt in place, which needs the read models' lock: refused while a server runs.
 */

/** The projections `openServices` runs, in its order. */
export const projectionNames: readonly string[] = [...worldProjections, logBoundsProjection].map((p) => p.name);
const projections = [...worldProjections, logBoundsProjection];

/** How often rebuild looks whether the server has taken the read models built beside it. */
const WAIT_POLL_MS = 200;

export const rebuild = async (options: { projection?: string; store: string }): Promise<void> => {
  const { projection } = options;
  if (projection !== undefined && !projectionNames.includes(projection)) {
    throw new CliError(`没有这个投影 / no projection named "${projection}": expected one of ${projectionNames.join(', ')}`);
  }
  const location = existingStore(parseAnyStore(options.store));
  const started = Date.now();
  const position = projection === undefined ? await rebuildAllBeside(location) : await rebuildInPlace(location, projection);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const name of projection === undefined ? projectionNames : [projection])
    say(`已重建 / rebuilt ${name}: 至位置 up to position ${position} (${seconds} s)`);
};

/** Runs a rebuild under a progress bar, its failure said in the office's words. */
const withProgress = async (label: string, run: (onProgress: (progress: Progress) => void) => Promise<number>): Promise<number> => {
  const bar = progressBar(`重建 ${label}`, '事件 events');
  try {
    return await run((progress) => bar.update(progress.position, progress.head));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`重建 ${label} 失败 / rebuilding ${label} failed: ${messageOf(error)}`);
  } finally {
    bar.stop();
  }
};

const rebuildAllBeside = async (location: AnyStoreLocation): Promise<number> => {
  const storePath = location.path;
  const position = await withProgress('全部 all', async (onProgress) => {
    try {
      return await buildBeside({ storePath, ...postgresLog(location), projections, onProgress });
    } catch (error) {
      if (error instanceof ReadModelsInUseError)
        throw new CliError('另一个重建正在进行，请等它结束 / another rebuild is running: wait for it to finish');
      throw error;
    }
  });
  const paths = besidePaths(storePath);
  for (let told = false; existsSync(paths.ready); ) {
    if (existsSync(paths.deferred)) {
      say(
        '运行中的服务是另一版本：新读模型将在服务以本版本重启时启用 / the running server is of another version: ' +
          'the new read models are taken when it restarts with this one',
      );
      break;
    }
    // No server: rebuild keeps the read models for a moment and puts the new ones in place itself.
    let lock: ReadModelsLock | undefined;
    try {
      lock = lockReadModels(siblingPath(storePath, '.read.lock'));
    } catch (error) {
      if (!(error instanceof ReadModelsInUseError)) throw error;
    }
    if (lock !== undefined) {
      try {
        installReady(paths);
      } finally {
        lock.release();
      }
      break;
    }
    if (!told) note('等待服务切换到新建的读模型 / waiting for the server to switch to the new read models');
    told = true;
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
  if (existsSync(paths.refused))
    throw new CliError('服务未能切换到新建的读模型，原因见服务日志 / the server could not switch to the new read models: see its log');
  return position;
};

const rebuildInPlace = async (location: AnyStoreLocation, projection: string): Promise<number> => {
  let services: Awaited<ReturnType<typeof openServices>>;
  try {
    services = await openServices({ storePath: location.path, ...postgresLog(location), firstSlotOnly: true, logger: stderrLogger('warn') });
  } catch (error) {
    // A server keeps the read models: refused before anything is touched.
    if (error instanceof ReadModelsInUseError) throw inUseError({ zh: '重建', en: 'rebuild' });
    throw error;
  }
  try {
    return await withProgress(projection, async (onProgress) => {
      try {
        return await services.runner.rebuild(projection, onProgress);
      } catch (error) {
        if (error instanceof CheckpointConflictError) {
          throw new CliError(
            `另一个进程（服务？）正在写读模型，请先停止它再重建 / another process (a server?) is writing the read models: stop it, then rebuild again`,
          );
        }
        throw error;
      }
    });
  } finally {
    await services.close().catch((error: unknown) => note(`关闭时出错 / while closing: ${messageOf(error)}`));
  }
};

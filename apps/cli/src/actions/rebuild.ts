import { openServices, ReadModelsInUseError } from '@xinfang/api';
import { CheckpointConflictError, logBoundsProjection, worldProjections, type Progress } from '@xinfang/projections';
import { CliError, messageOf } from '../errors';
import { note, say, stderrLogger } from '../output';
import { inUseError } from '../in-use';
import { progressBar } from '../progress';
import { existingStore, parseStore } from '../store-location';

/*
 * `xinfang rebuild [--projection NAME]`: throws read models away and builds them again from the log, with a
 * progress bar. The read models are the server's (`.read.db`): while a server runs it holds their lock, and
 * rebuild refuses before it touches anything (resetting them under a server would leave its ledgers with
 * the few cases it committed afterwards). Stop the server first.
 */

/** The projections `openServices` runs, in its order. */
export const projectionNames: readonly string[] = [...worldProjections, logBoundsProjection].map((p) => p.name);

export const rebuild = async (options: { projection?: string; store: string }): Promise<void> => {
  const names = options.projection === undefined ? projectionNames : [options.projection];
  for (const name of names) {
    if (!projectionNames.includes(name)) {
      throw new CliError(`没有这个投影 / no projection named "${name}": expected one of ${projectionNames.join(', ')}`);
    }
  }
  const location = existingStore(parseStore(options.store));
  let services: Awaited<ReturnType<typeof openServices>>;
  try {
    services = await openServices({ storePath: location.path, logger: stderrLogger('warn') });
  } catch (error) {
    // A server keeps the read models: refused before anything is touched.
    if (error instanceof ReadModelsInUseError) throw inUseError({ zh: '重建', en: 'rebuild' });
    throw error;
  }
  /** Runs a rebuild under a progress bar, its failure said in the office's words. */
  const withProgress = async (label: string, run: (onProgress: (progress: Progress) => void) => Promise<number>): Promise<number> => {
    const bar = progressBar(`重建 ${label}`, '事件 events');
    try {
      return await run((progress) => bar.update(progress.position, progress.head));
    } catch (error) {
      if (error instanceof CheckpointConflictError) {
        throw new CliError(
          `另一个进程（服务？）正在写读模型，请先停止它再重建 / another process (a server?) is writing the read models: stop it, then rebuild again`,
        );
      }
      throw new CliError(`重建 ${label} 失败 / rebuilding ${label} failed: ${messageOf(error)}`);
    } finally {
      bar.stop();
    }
  };
  try {
    const started = Date.now();
    const { projection } = options;
    // Every projection at once when none is named: one pass over the log.
    const position =
      projection === undefined
        ? await withProgress('全部 all', (onProgress) => services.runner.rebuildAll(onProgress))
        : await withProgress(projection, (onProgress) => services.runner.rebuild(projection, onProgress));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    for (const name of names) say(`已重建 / rebuilt ${name}: 至位置 up to position ${position} (${seconds} s)`);
  } finally {
    await services.close().catch((error: unknown) => note(`关闭时出错 / while closing: ${messageOf(error)}`));
  }
};

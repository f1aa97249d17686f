import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { aggregatesProjection, logBoundsProjection, worldProjections } from '@xinfang/projections';
import { openServices } from './open-services';
import { besidePaths, buildBeside } from './read-models-beside';

/*
 * The read models beside a log that is not the one they were built from — an older backup of the log
 * restored, the log file deleted — on real files, through the app: what the server lists is what the log
 * holds, never what the read models remember.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const MISMATCH = 'the read models do not follow the log';

/** Opens the store as a server does; `warnings` are the runner's log lines of read models rebuilt. */
const open = async (storePath: string, besidePollMs?: number) => {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
  const services = await openServices({
    storePath,
    clock: { now: () => '2024-10-08T18:00:00+08:00' },
    logger,
    ...(besidePollMs === undefined ? {} : { besidePollMs }),
  });
  const app = createApp(services);
  const { token } = await services.database.tokens.create({ kind: 'office' }, 'test', '2024-09-01T08:00:00+08:00');
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  return {
    services,
    request,
    registerCase: async (caseId: string) =>
      (
        await request('POST', '/cases', {
          caseId,
          origin: 'screening',
          communityId: 'qinghua',
          category: 'wageArrears',
          summary: `欠薪 ${caseId}`,
          registeredAt: '2024-09-16T09:00:00+08:00',
          petitioners: [{ name: '李四' }],
        })
      ).status,
    caseIds: async () => ((await request('GET', '/ledgers/disputes')).body.rows as { caseId: string }[]).map((row) => row.caseId).sort(),
    warnings: () => lines.filter((line) => line.includes(MISMATCH)),
    lines,
  };
};

const newStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinfang-open-'));
  dirs.push(dir);
  return { dir, path: join(dir, 'x.db') };
};

const setUp = async (path: string, caseIds: readonly string[]) => {
  const first = await open(path);
  expect(
    (await first.request('POST', '/communities', { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] })).status,
  ).toBe(201);
  for (const caseId of caseIds) expect(await first.registerCase(caseId)).toBe(201);
  await first.services.close();
};

describe('read models beside their log', () => {
  it('are kept across a normal restart: the checkpoint is trusted, nothing is rebuilt', async () => {
    const { path } = newStore();
    await setUp(path, ['c-1', 'c-2']);
    const again = await open(path);
    try {
      expect(again.warnings()).toEqual([]);
      expect(await again.caseIds()).toEqual(['c-1', 'c-2']);
      expect((await again.services.readModels.checkpoint('aggregates'))?.position).toBe(await again.services.store.headPosition());
    } finally {
      await again.services.close();
    }
  });

  it('are rebuilt beside an older backup of the log restored under them: listed is what the log holds, new cases are found', async () => {
    const { dir, path } = newStore();
    await setUp(path, ['c-1', 'c-2']);
    copyFileSync(path, join(dir, 'backup.db')); // closed: the WAL is folded into the file
    const later = await open(path);
    expect(await later.registerCase('c-3')).toBe(201);
    expect(await later.registerCase('c-4')).toBe(201);
    expect(await later.caseIds()).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
    await later.services.close();

    copyFileSync(join(dir, 'backup.db'), path); // the read models (x.read.db) stay as the newer log left them
    const restored = await open(path);
    try {
      expect(restored.warnings()).toHaveLength(1);
      expect(restored.warnings()[0]).toMatch(/beyond the log's head/);
      expect(await restored.caseIds()).toEqual(['c-1', 'c-2']);
      expect((await restored.request('GET', '/cases/c-3')).status).toBe(404);
      // A case acknowledged now is found (the read models follow the restored log, not their old checkpoint).
      expect(await restored.registerCase('c-5')).toBe(201);
      expect((await restored.request('GET', '/cases/c-5')).status).toBe(200);
      expect(await restored.caseIds()).toEqual(['c-1', 'c-2', 'c-5']);
    } finally {
      await restored.services.close();
    }
    const restarted = await open(path);
    try {
      expect(restarted.warnings()).toEqual([]);
      expect(await restarted.caseIds()).toEqual(['c-1', 'c-2', 'c-5']);
    } finally {
      await restarted.services.close();
    }
  });

  it('are emptied beside a log file that was deleted and made anew', async () => {
    const { path } = newStore();
    await setUp(path, ['c-1', 'c-2']);
    rmSync(path);
    const fresh = await open(path);
    try {
      expect(fresh.warnings()).toHaveLength(1);
      expect(fresh.warnings()[0]).toMatch(/another log/);
      expect(await fresh.services.store.headPosition()).toBe(0);
      expect(await fresh.caseIds()).toEqual([]);
      expect((await fresh.request('GET', '/cases/c-1')).status).toBe(404);
      expect(await fresh.services.readModels.checkpoint('aggregates')).toBeUndefined();
      expect(await fresh.services.readModels.logId()).toBe(await fresh.services.store.storeId());
    } finally {
      await fresh.services.close();
    }
  });
});

describe('read models built beside', () => {
  const projections = [...worldProjections, logBoundsProjection];
  const servedAt = (path: string) => statSync(join(path, '..', 'x.read.db')).ino;

  it('are taken by a server that starts and finds them ready, and caught up with what the log gained since', async () => {
    const { path } = newStore();
    await setUp(path, ['c-1', 'c-2']);
    const paths = besidePaths(path);
    const position = await buildBeside({ storePath: path, projections });
    expect(position).toBeGreaterThan(2);
    expect(existsSync(paths.ready)).toBe(true);
    expect(existsSync(paths.building)).toBe(false);
    const built = statSync(paths.ready).ino;
    // The log gains a case the ready read models miss (the served ones keep it too).
    const between = await open(path);
    expect(await between.registerCase('c-3')).toBe(201);
    await between.services.close();
    const started = await open(path);
    try {
      expect(existsSync(paths.ready)).toBe(false);
      expect(servedAt(path)).toBe(built); // the ready file, renamed into place
      expect(await started.caseIds()).toEqual(['c-1', 'c-2', 'c-3']);
      expect(started.warnings()).toEqual([]);
      const head = await started.services.store.headPosition();
      expect(head).toBeGreaterThan(position);
      expect((await started.services.readModels.checkpoint('aggregates'))?.position).toBe(head);
    } finally {
      await started.services.close();
    }
  });

  it('of other projection versions (a newer app) are left for a server of those versions; this one serves its own, and starts on its own', async () => {
    const { path } = newStore();
    await setUp(path, ['c-1']);
    const paths = besidePaths(path);
    const newer = projections.map((p) => (p.name === aggregatesProjection.name ? { ...p, version: p.version + 1 } : p));
    const serving = await open(path, 10);
    const inode = servedAt(path);
    try {
      await buildBeside({ storePath: path, projections: newer });
      await expect.poll(() => existsSync(paths.deferred), { timeout: 10_000 }).toBe(true);
      expect(readFileSync(paths.deferred, 'utf8')).toMatch(/"aggregates" is built at version 2, this version of the app has 1/);
      expect(serving.lines.some((line) => line.includes('the read models built beside are for another version'))).toBe(true);
      expect(existsSync(paths.ready)).toBe(true);
      expect(await serving.registerCase('c-2')).toBe(201);
      expect(await serving.caseIds()).toEqual(['c-1', 'c-2']);
      expect(servedAt(path)).toBe(inode);
    } finally {
      await serving.services.close();
    }
    const restarted = await open(path);
    try {
      expect(existsSync(paths.ready)).toBe(true); // still waiting for its version
      expect(servedAt(path)).toBe(inode);
      expect(await restarted.caseIds()).toEqual(['c-1', 'c-2']);
      expect(restarted.warnings()).toEqual([]);
    } finally {
      await restarted.services.close();
    }
  });
});

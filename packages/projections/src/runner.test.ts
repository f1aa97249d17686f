import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dutyStream, type Instant } from '@xinfang/domain';
import { upcastingStore, type EventStore, type NewEvent } from '@xinfang/event-store';
import { createMemoryReadModels } from './memory-read-models';
import { defineProjection, type AnyProjection } from './projection';
import { hashAt } from './log-match';
import type { Checkpoint, ReadModelStore } from './read-model-store';
import { createProjectionRunner, ProjectionFailedError, type Progress } from './runner';
import { createSqliteReadModels } from './sqlite-read-models';
import { createSwitchableReadModels } from './switchable-read-models';
import { createScenario, type Scenario } from './test-scenario';
import { buildWorld } from './world';
import {
  aggregatesProjection,
  findDutyStreams,
  findPersonIds,
  loadWorld,
  StaleReadModelError,
  worldProjections,
} from './world-projection';

// ——— fixtures ———

/** The checkpoint a runner commits at `position`: with the hash of the log's event there. */
const checkpointOf = async (store: EventStore, position: number, version = 1): Promise<Checkpoint> => ({
  position,
  version,
  hash: (await hashAt(store, position)) ?? expect.fail(`no event at ${position}`),
});

const at = (day: number, hour = 9): Instant =>
  `2024-09-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;
const sealed = { keyId: 'key-1', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' };
const DIGEST_A = 'a1'.repeat(32);
const DIGEST_B = 'b2'.repeat(32);
const WEEK_38 = dutyStream('subdistrict', '2024-09-18');
const WEEK_39 = dutyStream('subdistrict', '2024-09-25');

/** Reference data, two people, a duty week with a missed slot, a case: 13 events. */
const seed = async (s: Scenario): Promise<void> => {
  await s.run(
    'community',
    'community-dongfeng',
    { type: 'RegisterCommunity', data: { communityId: 'dongfeng', name: '东风社区', grids: [{ gridId: 'g1', name: '第一网格' }] } },
    at(2),
  );
  for (const leaderId of ['l1', 'l2'])
    await s.run(
      'leader',
      `leader-${leaderId}`,
      { type: 'RegisterLeader', data: { leaderId, name: '李明', position: '副主任', portfolio: '信访', unit: 'subdistrict' } },
      at(2),
    );
  await s.run('person', 'person-p1', { type: 'RegisterPerson', data: { personId: 'p1', registeredAt: at(16), sealed, idNumberDigest: DIGEST_A } }, at(16));
  await s.run('person', 'person-p2', { type: 'RegisterPerson', data: { personId: 'p2', registeredAt: at(16), sealed, idNumberDigest: DIGEST_B } }, at(16));
  await s.run('duty', WEEK_38, { type: 'ScheduleDuty', data: { dutyId: 'd1', date: '2024-09-18', leaderId: 'l1', location: '接待室', unit: 'subdistrict' } }, at(14));
  await s.run('duty', WEEK_38, { type: 'ScheduleDuty', data: { dutyId: 'd2', date: '2024-09-19', leaderId: 'l2', location: '接待室', unit: 'subdistrict' } }, at(14));
  await s.run('duty', WEEK_38, { type: 'AnnounceRoster', data: { unit: 'subdistrict', weekOf: '2024-09-16', publishedAt: at(14, 10), channel: '公告栏' } }, at(14, 10));
  await s.run(
    'case',
    'case-c1',
    {
      type: 'RegisterCase',
      data: { caseId: 'c1', origin: 'screening', communityId: 'dongfeng', category: 'neighbour', summary: '邻里噪音纠纷', registeredAt: at(18), petitioners: [{ personId: 'p1' }] },
    },
    at(18),
  );
  await s.run('duty', WEEK_38, { type: 'MarkDutyMissed', data: { dutyId: 'd1', at: at(18, 8), reason: '开会', substituteLeaderId: 'l2' } }, at(18, 12));
  await s.run('case', 'case-c1', { type: 'DecideAcceptance', data: { caseId: 'c1', decision: 'accepted', at: at(19) } }, at(19));
  await s.run('person', 'person-p2', { type: 'ErasePerson', data: { personId: 'p2', at: at(20) } }, at(20));
};

/** More of the same week and the next: 6 events. */
const more = async (s: Scenario): Promise<void> => {
  await s.run('person', 'person-p3', { type: 'RegisterPerson', data: { personId: 'p3', registeredAt: at(21), sealed, idNumberDigest: DIGEST_A } }, at(21));
  await s.run('duty', WEEK_39, { type: 'ScheduleDuty', data: { dutyId: 'd3', date: '2024-09-25', leaderId: 'l1', location: '接待室', unit: 'subdistrict' } }, at(21));
  await s.run(
    'case',
    'case-c1',
    {
      type: 'AssignCase',
      data: { caseId: 'c1', responsibleUnit: '东风社区', responsibleLeaderId: 'l1', responsiblePerson: '王芳', measures: '上门调解', deadline: '2024-10-10', at: at(21, 10) },
    },
    at(21, 10),
  );
  await s.run(
    'case',
    'case-c1',
    { type: 'ResolveCase', data: { caseId: 'c1', at: at(22), method: 'mediation', level: 'community', outcome: 'solved', summary: '调解成功' } },
    at(22),
  );
  await s.run('person', 'person-p1', { type: 'ErasePerson', data: { personId: 'p1', at: at(23) } }, at(23));
  await s.run('case', 'case-c1', { type: 'CloseCase', data: { caseId: 'c1', at: at(24) } }, at(24));
};

/** Counts the events of each stream, and remembers every position it applied. */
const counting = (options: { name?: string; version?: number; factor?: number; failAt?: number } = {}) => {
  const applied: number[] = [];
  const projection = defineProjection<{ events: number }>({
    name: options.name ?? 'counts',
    version: options.version ?? 1,
    keysOf: (event) => [event.meta.streamId],
    apply: (doc, event) => {
      if (event.meta.position === options.failAt) throw new Error('the projection has a bug');
      applied.push(event.meta.position);
      return { events: (doc?.events ?? 0) + (options.factor ?? 1) };
    },
  });
  return { projection: projection as AnyProjection, applied };
};

const docsOf = async (readModels: ReadModelStore, projection: string): Promise<Record<string, unknown>> => {
  const docs: Record<string, unknown> = {};
  for await (const [key, doc] of readModels.all(projection)) docs[key] = doc;
  return docs;
};

/** The counts read model as a full replay computes it. */
const expectedCounts = async (store: EventStore, upTo = Infinity, factor = 1): Promise<Record<string, unknown>> => {
  const counts: Record<string, { events: number }> = {};
  for await (const event of store.readAll())
    if (event.meta.position <= upTo) counts[event.meta.streamId] = { events: (counts[event.meta.streamId]?.events ?? 0) + factor };
  return counts;
};

const until = async (condition: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 500 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(await condition()).toBe(true);
};

// ——— the read-model stores under test ———

const dirs: string[] = [];
const dbs: Database.Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Target {
  readonly readModels: ReadModelStore;
  /** The same read models as a restarted process sees them (SQLite: a new connection to the file). */
  readonly reopen: () => ReadModelStore;
}
const targets: readonly { name: string; open: () => Target }[] = [
  {
    name: 'memory',
    open: () => {
      const readModels = createMemoryReadModels();
      return { readModels, reopen: () => readModels };
    },
  },
  {
    name: 'sqlite',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'xinfang-runner-'));
      dirs.push(dir);
      const file = join(dir, 'read-models.db');
      const connect = (): ReadModelStore => {
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        dbs.push(db);
        return createSqliteReadModels(db);
      };
      return { readModels: connect(), reopen: connect };
    },
  },
];

describe.each(targets)('the projection runner, read models in $name', ({ open }) => {
  it('catches up every projection with the log, in batches', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    const head = await s.store.headPosition();
    const progress: Progress[] = [];
    const runner = createProjectionRunner({ store: s.store, readModels, projections: worldProjections, batchSize: 5 });
    expect(await runner.catchUp((p) => progress.push(p))).toBe(head);
    expect(progress).toEqual([
      { position: 0, head },
      { position: 5, head },
      { position: 10, head },
      { position: head, head },
    ]);
    expect(runner.position()).toBe(head);
    for (const { name } of worldProjections) expect(await readModels.checkpoint(name)).toEqual(await checkpointOf(s.store, head));

    expect(await loadWorld(readModels)).toEqual(await buildWorld(s.store.readAll()));
    expect(await findDutyStreams(readModels, 'd1')).toEqual([WEEK_38]);
    expect(await findDutyStreams(readModels, 'nope')).toEqual([]);
    expect(await findPersonIds(readModels, DIGEST_A)).toEqual(['p1']);
    expect(await findPersonIds(readModels, DIGEST_B)).toEqual([]); // p2 was erased
    expect(await readModels.load('personIndex', ['person:p1', 'person:p2'])).toEqual(
      new Map([
        ['person:p1', { status: 'registered', idNumberDigest: DIGEST_A }],
        ['person:p2', { status: 'erased' }],
      ]),
    );
    // Caught up: nothing more to do.
    expect(await runner.catchUp()).toBe(head);
  });

  it('follows the log live once started, and stops', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    const runner = createProjectionRunner({ store: s.store, readModels, projections: worldProjections });
    await runner.start();
    await expect(runner.start()).rejects.toThrow(/already running/);
    await more(s);
    const head = await s.store.headPosition();
    await runner.waitFor(head);
    expect(runner.position()).toBe(head);
    expect(await loadWorld(readModels)).toEqual(await buildWorld(s.store.readAll()));
    expect(await findDutyStreams(readModels, 'd3')).toEqual([WEEK_39]);
    expect(await findPersonIds(readModels, DIGEST_A)).toEqual(['p3']); // p1 registered first, then erased

    await runner.stop();
    await s.run('case', 'case-c2', { type: 'RegisterCase', data: { caseId: 'c2', origin: 'phone', communityId: 'dongfeng', category: 'labour', summary: '欠薪', registeredAt: at(25), petitioners: [{ personId: 'p3' }] } }, at(25));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await readModels.checkpoint('aggregates')).toEqual(await checkpointOf(s.store, head));
    expect(await readModels.load('aggregates', ['case-c2'])).toEqual(new Map());
  });

  it('hands over from catch-up to live without losing or repeating an event appended meanwhile', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    const { projection, applied } = counting();
    const runner = createProjectionRunner({ store: s.store, readModels, projections: [projection], batchSize: 2 });
    const starting = runner.start();
    await more(s); // appended while the runner catches up
    await starting;
    await runner.waitFor(await s.store.headPosition());
    await runner.stop();
    const head = await s.store.headPosition();
    expect(applied).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store));
  });

  it('continues after a restart from the checkpoint, applying nothing twice', async () => {
    const s = createScenario();
    await seed(s);
    const target = open();
    const first = counting();
    await createProjectionRunner({ store: s.store, readModels: target.readModels, projections: [first.projection], batchSize: 3 }).catchUp();
    const seeded = await s.store.headPosition();
    expect(first.applied).toHaveLength(seeded);

    await more(s);
    const second = counting();
    const mismatches: string[] = [];
    const restarted = createProjectionRunner({
      store: s.store,
      readModels: target.reopen(),
      projections: [second.projection],
      batchSize: 4,
      onMismatch: (reason) => mismatches.push(reason),
    });
    expect(restarted.position()).toBe(0); // not known before it has read the checkpoints
    const head = await restarted.catchUp();
    expect(second.applied).toEqual(Array.from({ length: head - seeded }, (_, i) => seeded + i + 1));
    expect(await docsOf(target.reopen(), 'counts')).toEqual(await expectedCounts(s.store));
    expect(mismatches).toEqual([]); // the same log: the checkpoint is trusted, nothing rebuilt
  });

  describe('beside a log that is not the one its read models were built from', () => {
    /** Read models caught up with `built`, then a runner (with every world projection) on `log`. */
    const reopenBeside = async (built: EventStore, log: EventStore, target = open()) => {
      await createProjectionRunner({ store: built, readModels: target.readModels, projections: [...worldProjections, counting().projection] }).catchUp();
      const mismatches: string[] = [];
      const counts = counting();
      const readModels = target.reopen();
      const head = await createProjectionRunner({
        store: log,
        readModels,
        projections: [...worldProjections, counts.projection],
        onMismatch: (reason) => mismatches.push(reason),
      }).catchUp();
      return { mismatches, applied: counts.applied, readModels, head };
    };
    /** The same log (its id) as it stood earlier, or as it went on otherwise: what a restored backup is. */
    const sameLog = (store: EventStore, as: EventStore): EventStore => ({ ...store, storeId: () => as.storeId() });

    it('rebuilds read models ahead of the log (an older backup restored beside them), to what the log holds', async () => {
      const newer = createScenario();
      await seed(newer);
      await more(newer);
      const older = createScenario();
      await seed(older);
      const log = sameLog(older.store, newer.store);
      const [ahead, seeded] = [await newer.store.headPosition(), await older.store.headPosition()];
      const { mismatches, applied, readModels, head } = await reopenBeside(newer.store, log);
      expect(mismatches).toEqual([`read model "aggregates" is at position ${ahead}, beyond the log's head (${seeded})`]);
      expect(head).toBe(seeded);
      expect(applied).toEqual(Array.from({ length: seeded }, (_, i) => i + 1));
      expect(await readModels.checkpoint('aggregates')).toEqual(await checkpointOf(log, seeded));
      expect(await loadWorld(readModels)).toEqual(await buildWorld(log.readAll()));
      expect(await readModels.load('aggregates', ['duty-subdistrict-2024-W39'])).toEqual(new Map()); // only in the newer log
      expect(await findPersonIds(readModels, DIGEST_A)).toEqual(['p1']);
    });

    it('rebuilds read models whose checkpoint event is not the log’s (the restored log went on otherwise)', async () => {
      const first = createScenario();
      await seed(first);
      await more(first);
      const other = createScenario();
      await seed(other);
      for (const day of [21, 22, 23, 24, 25, 26])
        await other.run('person', `person-q${day}`, { type: 'RegisterPerson', data: { personId: `q${day}`, registeredAt: at(day), sealed } }, at(day));
      const log = sameLog(other.store, first.store);
      expect(await log.headPosition()).toBe(await first.store.headPosition());
      const { mismatches, readModels } = await reopenBeside(first.store, log);
      expect(mismatches).toEqual([`read model "aggregates" was built from other events than the log's up to position ${await log.headPosition()}`]);
      expect(await loadWorld(readModels)).toEqual(await buildWorld(log.readAll()));
      expect(await findPersonIds(readModels, DIGEST_A)).toEqual(['p1']); // p3 is not in this log
    });

    it('empties read models built from another log (the log file deleted and made anew)', async () => {
      const old = createScenario();
      await seed(old);
      const fresh = createScenario();
      const { mismatches, applied, readModels } = await reopenBeside(old.store, fresh.store);
      expect(mismatches).toEqual([expect.stringMatching(/built from another log/)]);
      expect(applied).toEqual([]);
      expect(await readModels.checkpoint('aggregates')).toBeUndefined();
      expect(await docsOf(readModels, 'aggregates')).toEqual({});
      expect(await loadWorld(readModels)).toEqual(await buildWorld([]));
      expect(await readModels.logId()).toBe(await fresh.store.storeId());
    });

    it('does not trust a checkpoint that records no hash (read models of an earlier version)', async () => {
      const s = createScenario();
      await seed(s);
      const { readModels, reopen } = open();
      await readModels.commit('counts', 1, new Map([['case-c1', { events: 99 }]]), await s.store.headPosition());
      const mismatches: string[] = [];
      await createProjectionRunner({ store: s.store, readModels: reopen(), projections: [counting().projection], onMismatch: (r) => mismatches.push(r) }).catchUp();
      expect(mismatches).toEqual([expect.stringMatching(/"counts" does not record the hash/)]);
      expect(await docsOf(reopen(), 'counts')).toEqual(await expectedCounts(s.store));
    });
  });

  it('rebuilds a projection whose version changed, and only that one', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    const v1 = counting({ version: 1 });
    const other = counting({ name: 'others' });
    await createProjectionRunner({ store: s.store, readModels, projections: [v1.projection, other.projection] }).catchUp();
    await more(s);

    const v2 = counting({ version: 2, factor: 10 });
    const otherAgain = counting({ name: 'others' });
    const head = await createProjectionRunner({ store: s.store, readModels, projections: [v2.projection, otherAgain.projection] }).catchUp();
    expect(v2.applied).toHaveLength(head); // from the first event
    expect(otherAgain.applied).toHaveLength(head - v1.applied.length); // only what is new
    expect(await readModels.checkpoint('counts')).toEqual(await checkpointOf(s.store, head, 2));
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store, Infinity, 10));
    expect(await docsOf(readModels, 'others')).toEqual(await expectedCounts(s.store));
  });

  it('rebuilds one projection on demand, reporting its progress', async () => {
    const s = createScenario();
    await seed(s);
    await more(s);
    const { readModels } = open();
    const head = await s.store.headPosition();
    const counts = counting();
    const runner = createProjectionRunner({ store: s.store, readModels, projections: [...worldProjections, counts.projection], batchSize: 7 });
    await runner.catchUp();
    const progress: Progress[] = [];
    expect(await runner.rebuild('counts', (p) => progress.push(p))).toBe(head);
    expect(progress).toEqual([
      { position: 0, head },
      { position: 7, head },
      { position: 14, head },
      { position: head, head },
    ]);
    expect(counts.applied).toHaveLength(2 * head);
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store));
    await expect(runner.rebuild('nope')).rejects.toThrow(/no projection named "nope"/);
  });

  it('stops at a projection that throws, keeping the last committed batch, and resumes once it is fixed', async () => {
    const s = createScenario();
    await seed(s);
    await more(s);
    const target = open();
    const head = await s.store.headPosition();
    const buggy = counting({ failAt: 7 });
    const runner = createProjectionRunner({ store: s.store, readModels: target.readModels, projections: [buggy.projection], batchSize: 4 });
    const failure: unknown = await runner.catchUp().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProjectionFailedError);
    expect(failure).toMatchObject({ projection: 'counts', event: { meta: { position: 7 } } });
    expect((failure as Error).message).toMatch(/"counts" failed on the event at position 7 .*the projection has a bug/);
    // Positions 5 and 6 were applied in memory, but their batch (5–8) was never committed.
    expect(buggy.applied).toEqual([1, 2, 3, 4, 5, 6]);
    const afterCrash = target.reopen();
    expect(await afterCrash.checkpoint('counts')).toEqual(await checkpointOf(s.store, 4));
    expect(await docsOf(afterCrash, 'counts')).toEqual(await expectedCounts(s.store, 4));

    const fixed = counting();
    await createProjectionRunner({ store: s.store, readModels: afterCrash, projections: [fixed.projection], batchSize: 4 }).catchUp();
    expect(fixed.applied).toEqual(Array.from({ length: head - 4 }, (_, i) => i + 5));
    expect(await docsOf(afterCrash, 'counts')).toEqual(await expectedCounts(s.store));
  });

  it('keeps nothing of a failed batch in memory: the same runner, once the projection is fixed, counts each event once', async () => {
    const s = createScenario();
    await seed(s);
    await more(s);
    const { readModels } = open();
    let broken = true;
    const counts = defineProjection<{ events: number }>({
      name: 'counts',
      version: 1,
      keysOf: (event) => [event.meta.streamId],
      apply: (doc, event) => {
        if (broken && event.meta.position === 7) throw new Error('the projection has a bug');
        return { events: (doc?.events ?? 0) + 1 };
      },
    });
    const runner = createProjectionRunner({ store: s.store, readModels, projections: [counts], batchSize: 4 });
    await expect(runner.catchUp()).rejects.toBeInstanceOf(ProjectionFailedError);
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store, 4));
    broken = false;
    expect(await runner.catchUp()).toBe(await s.store.headPosition());
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store));
  });

  it('reads and applies a batch a page at a time and commits it whole; a failure half-way through a batch leaves nothing of it', async () => {
    const s = createScenario();
    await seed(s);
    await more(s);
    const { readModels } = open();
    const head = await s.store.headPosition();
    const committed: number[] = [];
    let failAt: number | undefined = 9;
    const watched: ReadModelStore = {
      ...readModels,
      commitMany: async (parts) => {
        committed.push(...new Set(parts.map((part) => part.position)));
        await readModels.commitMany(parts);
      },
    };
    const counts = defineProjection<{ events: number }>({
      name: 'counts',
      version: 1,
      keysOf: (event) => [event.meta.streamId],
      apply: (doc, event) => {
        if (event.meta.position === failAt) throw new Error('the projection has a bug');
        return { events: (doc?.events ?? 0) + 1 };
      },
    });
    const projections = [...worldProjections, counts as AnyProjection];
    const progress: Progress[] = [];
    const runner = createProjectionRunner({ store: s.store, readModels: watched, projections, batchSize: 6, pageSize: 2 });
    // Pages 1–2 and 3–4 are applied and 5–6 too, then the batch is committed; the next fails at 9, in its second page.
    await expect(runner.catchUp((p) => progress.push(p))).rejects.toBeInstanceOf(ProjectionFailedError);
    expect(committed).toEqual([6]);
    expect(progress).toEqual([0, 2, 4, 6, 8].map((position) => ({ position, head })));
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store, 6));
    for (const { name } of projections) expect(await readModels.checkpoint(name)).toEqual(await checkpointOf(s.store, 6));

    failAt = undefined;
    committed.length = 0;
    progress.length = 0;
    expect(await runner.catchUp((p) => progress.push(p))).toBe(head);
    const pages = Array.from({ length: Math.ceil((head - 6) / 2) }, (_, i) => Math.min(6 + 2 * (i + 1), head));
    expect(progress).toEqual([6, ...pages].map((position) => ({ position, head })));
    // Every 6 events and at the head: one commit for the three pages of each batch.
    expect(committed).toEqual([...pages.filter((position) => (position - 6) % 6 === 0 && position < head), head]);
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store));
    expect(await loadWorld(readModels)).toEqual(await buildWorld(s.store.readAll()));
  });

  it('live, commits the events that arrive together in one transaction for all projections', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    const commits: string[][] = [];
    const counted: ReadModelStore = {
      ...readModels,
      commit: () => expect.fail('the runner commits every projection at once'),
      commitMany: async (parts) => {
        commits.push(parts.map((part) => part.projection));
        await readModels.commitMany(parts);
      },
    };
    const runner = createProjectionRunner({ store: s.store, readModels: counted, projections: worldProjections });
    await runner.start();
    commits.length = 0;
    const seeded = await s.store.headPosition();
    // 30 cases registered in one append, as case c1 was.
    const registered = (await s.store.readStream('case-c1'))[0] ?? expect.fail('no case c1');
    const cases = Array.from({ length: 30 }, (_, i) => ({
      streamId: `case-n${i}`,
      expectedRevision: 0,
      events: [
        {
          type: registered.type,
          data: { ...(registered.data as object), caseId: `n${i}` },
          meta: { ...registered.meta, eventId: `n${i}`, commandId: `n${i}` },
        },
      ],
    }));
    expect((await s.store.appendMany(cases))._tag).toBe('Right');
    await runner.waitFor(seeded + 30);
    await runner.stop();
    expect(commits.length).toBeLessThan(10); // one per projection per event before: 120
    for (const part of commits) expect(part).toEqual(worldProjections.map((p) => p.name));
    expect(await loadWorld(readModels)).toEqual(await buildWorld(s.store.readAll()));
  });

  it('live, after a costly commit, commits the events that come one by one meanwhile together, unless a position is awaited', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    const commits: number[] = [];
    // Every live commit takes 300 ms (the document of a long stream, say): the next waits 600 ms for more.
    const slow: ReadModelStore = {
      ...readModels,
      commitMany: async (parts) => {
        commits.push(parts[0]?.position ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await readModels.commitMany(parts);
      },
    };
    const { projection, applied } = counting();
    const runner = createProjectionRunner({ store: s.store, readModels: slow, projections: [projection] });
    await runner.start();
    const seeded = await s.store.headPosition();
    const register = (id: string) =>
      s.run('person', `person-${id}`, { type: 'RegisterPerson', data: { personId: id, registeredAt: at(21), sealed } }, at(21));
    await register('q0');
    await runner.waitFor(seeded + 1);
    commits.length = 0;
    // Three commands one after another, nobody waiting for the read models: one commit.
    for (const id of ['q1', 'q2', 'q3']) await register(id);
    // Polled, not awaited: waitFor would end the pause.
    while (runner.position() < seeded + 4) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(commits).toEqual([seeded + 4]);
    // Each awaited: no pause, one commit each.
    commits.length = 0;
    for (const id of ['q4', 'q5']) {
      await register(id);
      await runner.waitFor(await s.store.headPosition());
    }
    expect(commits).toEqual([seeded + 5, seeded + 6]);
    await runner.stop();
    expect(applied.slice(-6)).toEqual([1, 2, 3, 4, 5, 6].map((i) => seeded + i));
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store));
  });

  it('catches up with one commit per batch for every projection, each from its own checkpoint', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    // "behind" has committed up to 6, "ahead" up to the seeded head; then more events come.
    const seeded = await createProjectionRunner({ store: s.store, readModels, projections: [counting({ name: 'ahead' }).projection] }).catchUp();
    await more(s);
    const head = await s.store.headPosition();
    await readModels.commit('behind', 1, new Map(Object.entries(await expectedCounts(s.store, 6))), 6, await hashAt(s.store, 6));
    const commits: { projection: string; position: number }[][] = [];
    const counted: ReadModelStore = {
      ...readModels,
      commit: () => expect.fail('the runner commits every projection at once'),
      commitMany: async (parts) => {
        commits.push(parts.map(({ projection, position }) => ({ projection, position })));
        await readModels.commitMany(parts);
      },
    };
    const [ahead, behind] = [counting({ name: 'ahead' }), counting({ name: 'behind' })];
    const runner = createProjectionRunner({ store: s.store, readModels: counted, projections: [ahead.projection, behind.projection], batchSize: 5 });
    expect(await runner.catchUp()).toBe(head);
    // Read once from 6 in batches of 5 (7–11, 12–16, 17–18); "ahead" joins at the batch holding its first new event.
    expect([seeded, head]).toEqual([12, 18]);
    expect(commits).toEqual([
      [{ projection: 'behind', position: 11 }],
      [{ projection: 'ahead', position: 16 }, { projection: 'behind', position: 16 }],
      [{ projection: 'ahead', position: head }, { projection: 'behind', position: head }],
    ]);
    expect(ahead.applied).toEqual(Array.from({ length: head - seeded }, (_, i) => seeded + i + 1));
    expect(behind.applied).toEqual(Array.from({ length: head - 6 }, (_, i) => 7 + i));
    for (const name of ['ahead', 'behind']) {
      expect(await readModels.checkpoint(name)).toEqual(await checkpointOf(s.store, head));
      expect(await docsOf(readModels, name)).toEqual(await expectedCounts(s.store));
    }
  });

  it('rebuilds every projection in one pass over the log', async () => {
    const s = createScenario();
    await seed(s);
    await more(s);
    const { readModels } = open();
    const head = await s.store.headPosition();
    let reads = 0;
    const store: EventStore = {
      ...s.store,
      readAll: (options) => {
        reads++;
        return s.store.readAll(options);
      },
    };
    // A counts read model gone wrong: a stray document, and the first event missing.
    await readModels.commit('counts', 1, new Map([['stray', { events: 99 }]]), 1, await hashAt(s.store, 1));
    const counts = counting();
    const runner = createProjectionRunner({ store, readModels, projections: [...worldProjections, counts.projection], batchSize: 8 });
    await runner.catchUp();
    expect(await docsOf(readModels, 'counts')).not.toEqual(await expectedCounts(s.store));
    reads = 0;
    const progress: Progress[] = [];
    expect(await runner.rebuildAll((p) => progress.push(p))).toBe(head);
    expect(reads).toBe(1);
    expect(progress).toEqual([
      { position: 0, head },
      { position: 8, head },
      { position: 16, head },
      { position: head, head },
    ]);
    expect(counts.applied).toHaveLength(head - 1 + head); // the catch-up from 1, the rebuild from 0
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store)); // the stray document is gone
    for (const { name } of worldProjections) expect(await readModels.checkpoint(name)).toEqual(await checkpointOf(s.store, head));
    expect(await loadWorld(readModels)).toEqual(await buildWorld(s.store.readAll()));
  });

  it('leaves nothing of a batch whose commit fails, in any projection, and the same runner goes on from the last commit', async () => {
    const s = createScenario();
    await seed(s);
    await more(s);
    const { readModels } = open();
    let failing = true;
    const flaky: ReadModelStore = {
      ...readModels,
      commitMany: async (parts) => {
        if (failing && parts.some((part) => part.position > 8)) throw new Error('disk full');
        await readModels.commitMany(parts);
      },
    };
    const [a, b] = [counting({ name: 'a' }), counting({ name: 'b' })];
    const runner = createProjectionRunner({ store: s.store, readModels: flaky, projections: [a.projection, b.projection], batchSize: 4, cacheBytes: 1 << 20 });
    await expect(runner.catchUp()).rejects.toThrow(/disk full/);
    for (const name of ['a', 'b']) {
      expect(await readModels.checkpoint(name)).toEqual(await checkpointOf(s.store, 8));
      expect(await docsOf(readModels, name)).toEqual(await expectedCounts(s.store, 8));
    }
    expect(runner.position()).toBe(8);
    failing = false;
    expect(await runner.catchUp()).toBe(await s.store.headPosition());
    for (const name of ['a', 'b']) expect(await docsOf(readModels, name)).toEqual(await expectedCounts(s.store));
  });

  it('stops while a live batch is being committed: stop resolves once it is, and a restart goes on from there', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    let release: () => void = () => undefined;
    let committing: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const entered = new Promise<void>((resolve) => (committing = resolve));
    const seeded = await s.store.headPosition();
    const slow: ReadModelStore = {
      ...readModels,
      commitMany: async (parts) => {
        if (parts.some((part) => part.position > seeded)) {
          committing();
          await held;
        }
        await readModels.commitMany(parts);
      },
    };
    const first = counting();
    const runner = createProjectionRunner({ store: s.store, readModels: slow, projections: [first.projection] });
    await runner.start();
    const waiting = runner.waitFor(seeded + 6);
    const appending = more(s);
    await entered;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false); // the batch in progress is committed first
    release();
    await stopping;
    await appending;
    await expect(waiting).rejects.toThrow(/stopped/);
    const committed = (await readModels.checkpoint('counts'))?.position ?? expect.fail('no checkpoint');
    expect(committed).toBeGreaterThan(seeded);
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store, committed));

    const second = counting();
    const restarted = createProjectionRunner({ store: s.store, readModels, projections: [second.projection] });
    await restarted.start();
    await restarted.waitFor(await s.store.headPosition());
    await restarted.stop();
    expect(second.applied[0]).toBe(committed + 1);
    expect(await docsOf(readModels, 'counts')).toEqual(await expectedCounts(s.store));
  });

  it('swaps to read models built beside while live: forgets what it kept of the old ones, and goes on in the new ones', async () => {
    const s = createScenario();
    await seed(s);
    const [served, beside] = [open(), open()];
    const readModels = createSwitchableReadModels(served.readModels);
    const runner = createProjectionRunner({ store: s.store, readModels, projections: [counting().projection] });
    await runner.start();
    const seeded = await s.store.headPosition();
    // Built beside by another definition (ten per event), so that what the runner applies after the swap shows
    // whether it started from the new documents or from the old ones it kept in memory.
    await createProjectionRunner({ store: s.store, readModels: beside.readModels, projections: [counting({ factor: 10 }).projection] }).catchUp();
    await more(s);
    const head = await s.store.headPosition();
    await runner.waitFor(head);
    const waiting = runner.waitFor(head + 1);
    expect(await runner.replaceReadModels(() => readModels.switchTo(beside.readModels))).toBe(head);
    await s.run('person', 'person-p9', { type: 'RegisterPerson', data: { personId: 'p9', registeredAt: at(26), sealed } }, at(26));
    await waiting;
    await runner.stop();
    const expected: Record<string, { events: number }> = {};
    for await (const event of s.store.readAll()) {
      const id = event.meta.streamId;
      expected[id] = { events: (expected[id]?.events ?? 0) + (event.meta.position <= seeded ? 10 : 1) };
    }
    expect(await docsOf(beside.readModels, 'counts')).toEqual(expected);
    expect(await beside.readModels.checkpoint('counts')).toEqual(await checkpointOf(s.store, head + 1));
    // The served ones stay as they were at the swap.
    expect(await served.readModels.checkpoint('counts')).toEqual(await checkpointOf(s.store, head));
    expect(await docsOf(served.readModels, 'counts')).toEqual(await expectedCounts(s.store, head));
  });

  it('reports a live failure, stops, and fails those waiting for a position', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    const seeded = await s.store.headPosition();
    const buggy = counting({ failAt: seeded + 2 });
    const errors: unknown[] = [];
    const runner = createProjectionRunner({ store: s.store, readModels, projections: [buggy.projection], onError: (e) => errors.push(e) });
    await runner.start();
    const waiting = runner.waitFor(seeded + 3);
    await more(s);
    await expect(waiting).rejects.toBeInstanceOf(ProjectionFailedError);
    await until(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ projection: 'counts', event: { meta: { position: seeded + 2 } } });
    expect(await readModels.checkpoint('counts')).toEqual(await checkpointOf(s.store, seeded + 1));
    expect(runner.position()).toBe(seeded + 1);
    await runner.stop();
  });

  it('keeps the process alive while a position is awaited, and fails the waiters when stopped', async () => {
    const s = createScenario();
    await seed(s);
    const { readModels } = open();
    // A store that, like one appended to by another process, tells the runner nothing: only a poll would.
    const silent: EventStore = { ...s.store, subscribe: () => ({ close: async () => undefined }) };
    const runner = createProjectionRunner({ store: silent, readModels, projections: worldProjections });
    await runner.start();
    const seeded = await s.store.headPosition();
    const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const idle = timers();
    await runner.waitFor(seeded); // reached already: nothing held
    expect(timers()).toBe(idle);

    const waiting = runner.waitFor(seeded + 1);
    const second = runner.waitFor(seeded + 2);
    expect(timers()).toBe(idle + 1); // one hold, however many wait
    await runner.stop();
    await expect(waiting).rejects.toThrow(/stopped before reaching the position/);
    await expect(second).rejects.toThrow(/stopped/);
    expect(timers()).toBe(idle);
  });

  it('reads old event versions through the store as opened with upcasters; ignores streams of no aggregate', async () => {
    const store = createScenario().store;
    const noted = (n: number, text: string): NewEvent => ({
      type: 'Noted',
      data: { text },
      meta: {
        eventId: `e${n}`,
        occurredAt: at(18),
        actor: { id: 'tester', role: 'office' },
        commandId: `c${n}`,
        correlationId: `c${n}`,
        causationId: `c${n}`,
        schemaVersion: 1,
      },
    });
    await store.append('note-1', [noted(1, '一'), noted(2, '二')], { expectedRevision: 0 });
    const notes = defineProjection<unknown>({
      name: 'notes',
      version: 1,
      keysOf: (event) => (event.type === 'Noted' ? [event.meta.streamId] : []),
      apply: (_doc, event) => ({ data: event.data, schemaVersion: event.meta.schemaVersion }),
    });
    const { readModels } = open();
    await createProjectionRunner({
      store: upcastingStore(store, { Noted: { 1: (data) => ({ ...(data as object), words: 1 }) } }),
      readModels,
      projections: [notes, ...worldProjections],
    }).catchUp();
    expect(await docsOf(readModels, 'notes')).toEqual({ 'note-1': { data: { text: '二', words: 1 }, schemaVersion: 2 } });
    expect(await docsOf(readModels, 'aggregates')).toEqual({});
    expect(await readModels.checkpoint('aggregates')).toEqual(await checkpointOf(store, 2));
  });

  it('refuses to load a World from a read model of another version', async () => {
    const { readModels } = open();
    expect(await loadWorld(readModels)).toEqual(await buildWorld([]));
    await readModels.commit('aggregates', aggregatesProjection.version + 1, new Map(), 0);
    await expect(loadWorld(readModels)).rejects.toBeInstanceOf(StaleReadModelError);
  });
});

describe('the projection runner, misconfigured', () => {
  const store = createScenario().store;
  const readModels = createMemoryReadModels();
  it('refuses two projections of one name, a bad version or a bad batch size', () => {
    const { projection } = counting();
    expect(() => createProjectionRunner({ store, readModels, projections: [projection, projection] })).toThrow(/two projections/);
    expect(() => createProjectionRunner({ store, readModels, projections: [{ ...projection, version: 0 }] })).toThrow(RangeError);
    expect(() => createProjectionRunner({ store, readModels, projections: [], batchSize: 0 })).toThrow(RangeError);
  });
});

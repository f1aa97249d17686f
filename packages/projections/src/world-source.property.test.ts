import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochMs, type Instant } from '@xinfang/domain';
import type { EventStore } from '@xinfang/event-store';
import { feedLiveDocs, loadLiveDocs, observeReadModels } from './live-docs';
import { createMemoryReadModels } from './memory-read-models';
import { createProjectionRunner } from './runner';
import { createSqliteReadModels } from './sqlite-read-models';
import { createLog, intent, pick } from './test/random-history';
import { buildWorld } from './world';
import { worldProjections } from './world-projection';
import { createLiveWorldDocs, createWorldSource, LIVE_WORLD_PROJECTIONS, logBoundsProjection } from './world-source';
import type { TimeView } from './view';

/*
 * A past view answered from the indexed read models (the live states narrowed through the stream bounds)
 * equals a full replay of the log filtered to that view — for random legal histories whose business times
 * lag their recording times, and random views (asOf, knownAt) over and around their span. The same from
 * the documents kept in memory (fed by the runner's commits, part of the log caught up before they were
 * loaded from the store and the rest after), asked each view again (the states folded for it kept) and
 * again after more events (the kept states of streams that moved on are not used).
 */

const START = epochMs('2024-09-15T09:00:00+08:00');
const iso = (ms: number): Instant => new Date(ms).toISOString();

async function* readUpTo(store: EventStore, last: number, options?: Parameters<EventStore['readAll']>[0]) {
  for await (const event of store.readAll(options)) {
    if (event.meta.position > last) return;
    yield event;
  }
}

describe('a past view from the indexed read models', () => {
  it('equals a replay of the log filtered to the view', async () => {
    let narrowed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ intent, hours: fc.integer({ min: 0, max: 30 }), late: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 96 })) }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(fc.record({ asOf: fc.integer({ min: -100, max: 1900 }), knownAt: fc.integer({ min: -100, max: 1900 }) }), { minLength: 1, maxLength: 6 }),
        pick('memory', 'sqlite'),
        fc.array(fc.record({ intent, hours: fc.integer({ min: 0, max: 30 }), late: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 96 })) }), {
          maxLength: 10,
        }),
        async (steps, views, kind, more) => {
          const log = createLog();
          for (const { intent: i, hours, late } of steps) await log.run(i, hours, late);
          const db = kind === 'sqlite' ? new Database(':memory:') : undefined;
          try {
            const readModels = db === undefined ? createMemoryReadModels() : createSqliteReadModels(db, { pageSize: 4 });
            const projections = [...worldProjections, logBoundsProjection];
            // Half the log caught up before the live documents are loaded from the store, the rest through them.
            const half = Math.floor((await log.store.headPosition()) / 2);
            await createProjectionRunner({ store: log.store, readModels, projections }).catchUp();
            const source = createWorldSource({ store: log.store, readModels });
            const live = createLiveWorldDocs();
            const liveModels = db === undefined ? createMemoryReadModels() : createSqliteReadModels(new Database(':memory:'), { pageSize: 3 });
            const upToHalf = { ...log.store, readAll: (options?: Parameters<EventStore['readAll']>[0]) => readUpTo(log.store, half, options) };
            await createProjectionRunner({ store: upToHalf, readModels: liveModels, projections, batchSize: 7 }).catchUp();
            await loadLiveDocs(live, liveModels, LIVE_WORLD_PROJECTIONS);
            await createProjectionRunner({ store: log.store, readModels: observeReadModels(liveModels, feedLiveDocs(live)), projections, batchSize: 5 }).catchUp();
            const fromMemory = createWorldSource({ store: log.store, live });
            const empty = (await log.store.headPosition()) === 0; // nothing to index: the (empty) log is read
            for (const hours of views) {
              const view: TimeView = { asOf: iso(START + hours.asOf * 3_600_000), knownAt: iso(START + hours.knownAt * 3_600_000) };
              const { world, source: from } = await source.worldFor(view);
              if (!empty) expect(from).not.toBe('log');
              if (from === 'index') narrowed += 1;
              const replayed = await buildWorld(log.store.readAll(), view);
              expect(world).toEqual(replayed);
              const live = await fromMemory.worldFor(view);
              expect(live.source).toBe(from === 'log' ? 'readModel' : from);
              expect(live.world).toEqual(replayed);
              for (const name of Object.keys(replayed) as (keyof typeof replayed)[]) expect([...live.world[name].keys()]).toEqual([...world[name].keys()]);
            }
            // The same views again, with the states folded for them kept; then after more events have come.
            const pastViews = views.map((hours): TimeView => ({ asOf: iso(START + hours.asOf * 3_600_000), knownAt: iso(START + hours.knownAt * 3_600_000) }));
            for (const view of pastViews) expect((await fromMemory.worldFor(view)).world).toEqual(await buildWorld(log.store.readAll(), view));
            for (const { intent: i, hours, late } of more) await log.run(i, hours, late);
            await createProjectionRunner({ store: log.store, readModels: observeReadModels(liveModels, feedLiveDocs(live)), projections, batchSize: 3 }).catchUp();
            for (const view of pastViews) expect((await fromMemory.worldFor(view)).world).toEqual(await buildWorld(log.store.readAll(), view));
          } finally {
            db?.close();
          }
        },
      ),
      { numRuns: 150, seed: 20241031 },
    );
    expect(narrowed).toBeGreaterThan(100);
  });
});

import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventStore } from '@xinfang/event-store';
import { createMemoryReadModels } from './memory-read-models';
import { defineProjection, type AnyProjection } from './projection';
import type { ReadModelStore } from './read-model-store';
import { createProjectionRunner, ProjectionFailedError } from './runner';
import { createSqliteReadModels } from './sqlite-read-models';
import { buildWorld } from './world';
import { createLog, DIGESTS, intent, pick } from './test/random-history';
import { findDutyStreams, findPersonIds, loadWorld, worldProjections } from './world-projection';

/*
 * Random legal histories, written through the real deciders (refused commands are dropped), projected
 * incrementally by a succession of runners over one read-model store — each with its own batch size and
 * memory for documents, some catching up, some following the log live while commands arrive, some crashing
 * part-way, one resident runner catching up now and then while the others write between its turns — must
 * leave exactly the read models of one full rebuild: every document of every projection, the
 * checkpoints, and the World `loadWorld` reads back equals `buildWorld` of all the events.
 */

// ——— the projections under test ———

/** Not idempotent on purpose: an event applied twice (or skipped) shows in the count. */
const countsProjection = defineProjection<{ events: number; last: number }>({
  name: 'counts',
  version: 1,
  keysOf: (event) => [event.meta.streamId, 'all'],
  apply: (doc, event) => ({ events: (doc?.events ?? 0) + 1, last: event.meta.position }),
});
const projections: readonly AnyProjection[] = [...worldProjections, countsProjection];

/** The same projections, throwing after `applies` calls: a process that dies part-way through a batch. */
const crashingAfter = (applies: number): readonly AnyProjection[] => {
  let left = applies;
  return projections.map((p) => ({
    ...p,
    keysOf: (event, lookup) => p.keysOf(event, lookup),
    apply: (doc, event, key) => {
      if (left-- <= 0) throw new Error('crash');
      return p.apply(doc, event, key);
    },
  }));
};

const snapshot = async (readModels: ReadModelStore) => {
  const result: Record<string, { checkpoint: unknown; docs: [string, unknown][] }> = {};
  for (const { name } of projections) {
    const docs: [string, unknown][] = [];
    for await (const entry of readModels.all(name)) docs.push([...entry]);
    result[name] = { checkpoint: await readModels.checkpoint(name), docs };
  }
  return result;
};

const headOf = (store: EventStore) => store.headPosition();

// ——— the property ———

const segment = fc.record({
  steps: fc.array(fc.record({ intent, hours: fc.integer({ min: 0, max: 30 }) }), { maxLength: 25, size: 'medium' }),
  mode: pick('catchUp', 'catchUp', 'live', 'crash', 'resident', 'none'),
  batchSize: fc.integer({ min: 1, max: 7 }),
  // Events read and applied at a time within a batch (a batch of 7 in pages of 2: 2, 2, 2, 1).
  pageSize: fc.integer({ min: 1, max: 7 }),
  // None (every document loaded again for each batch), a few, or all of them kept between batches.
  cacheBytes: pick(0, 600, undefined),
  crashAfter: fc.integer({ min: 0, max: 40 }),
});

describe('projecting incrementally, with restarts and crashes, equals one full rebuild', () => {
  it('for random legal histories, on both read-model stores', async () => {
    let histories = 0;
    let events = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 6 }),
        pick('memory', 'sqlite'),
        fc.integer({ min: 1, max: 50 }),
        async (segments, kind, finalBatchSize) => {
          const log = createLog();
          const { store } = log;
          const db = kind === 'sqlite' ? new Database(':memory:') : undefined;
          try {
            const readModels = db === undefined ? createMemoryReadModels() : createSqliteReadModels(db, { pageSize: 4 });
            // Kept across segments: what it holds in memory must not outlive what the others commit meanwhile.
            const resident = createProjectionRunner({ store, readModels, projections, batchSize: 3, cacheBytes: 2_000 });
            for (const { steps, mode, batchSize, pageSize, cacheBytes: bytes, crashAfter } of segments) {
              const tuning = bytes === undefined ? { pageSize } : { cacheBytes: bytes, pageSize };
              const runSteps = async () => {
                for (const { intent: i, hours } of steps) await log.run(i, hours);
              };
              if (mode === 'live') {
                // Commands arrive while the runner catches up and then while it follows the log.
                const runner = createProjectionRunner({ store, readModels, projections, batchSize, ...tuning });
                const starting = runner.start();
                await runSteps();
                await starting;
                await runner.waitFor(await headOf(store));
                await runner.stop();
              } else {
                await runSteps();
                if (mode === 'catchUp') {
                  await createProjectionRunner({ store, readModels, projections, batchSize, ...tuning }).catchUp();
                } else if (mode === 'resident') {
                  await resident.catchUp();
                } else if (mode === 'crash') {
                  const crashing = createProjectionRunner({ store, readModels, projections: crashingAfter(crashAfter), batchSize, ...tuning });
                  await crashing.catchUp().catch((error: unknown) => {
                    if (!(error instanceof ProjectionFailedError)) throw error;
                  });
                }
              }
            }
            const head = await createProjectionRunner({ store, readModels, projections, batchSize: finalBatchSize }).catchUp();
            expect(head).toBe(await headOf(store));

            const reference = createMemoryReadModels();
            await createProjectionRunner({ store, readModels: reference, projections, batchSize: 1000 }).catchUp();
            expect(await snapshot(readModels)).toEqual(await snapshot(reference));

            const world = await buildWorld(store.readAll());
            expect(await loadWorld(readModels)).toEqual(world);

            // The indexes say what the World says.
            for (const digest of DIGESTS) {
              const people = [...world.person.values()].flatMap((p) =>
                p.status === 'registered' && p.idNumberDigest === digest ? [p.personId] : [],
              );
              expect(await findPersonIds(readModels, digest)).toEqual(people);
            }
            for (const dutyId of ['d1', 'd2', 'd3']) {
              const streams = [...world.duty].flatMap(([streamId, d]) =>
                d.status === 'planned' && d.slots.some((slot) => slot.dutyId === dutyId) ? [streamId] : [],
              );
              expect([...(await findDutyStreams(readModels, dutyId))].sort()).toEqual(streams.sort());
            }
            histories += 1;
            events += head;
          } finally {
            db?.close();
          }
        },
      ),
      { numRuns: 120 },
    );
    // The generator must produce real histories, not mostly refusals.
    expect(events / histories).toBeGreaterThan(10);
  });
});

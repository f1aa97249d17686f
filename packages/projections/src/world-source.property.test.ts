import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochMs, type Instant } from '@xinfang/domain';
import { createMemoryReadModels } from './memory-read-models';
import { createProjectionRunner } from './runner';
import { createSqliteReadModels } from './sqlite-read-models';
import { createLog, intent, pick } from './test/random-history';
import { buildWorld } from './world';
import { worldProjections } from './world-projection';
import { createWorldSource, logBoundsProjection } from './world-source';
import type { TimeView } from './view';

/*
 * A past view answered from the indexed read models (the live states narrowed through the stream bounds)
 * equals a full replay of the log filtered to that view — for random legal histories whose business times
 * lag their recording times, and random views (asOf, knownAt) over and around their span.
 */

const START = epochMs('2024-09-15T09:00:00+08:00');
const iso = (ms: number): Instant => new Date(ms).toISOString();

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
        async (steps, views, kind) => {
          const log = createLog();
          for (const { intent: i, hours, late } of steps) await log.run(i, hours, late);
          const db = kind === 'sqlite' ? new Database(':memory:') : undefined;
          try {
            const readModels = db === undefined ? createMemoryReadModels() : createSqliteReadModels(db, { pageSize: 4 });
            await createProjectionRunner({ store: log.store, readModels, projections: [...worldProjections, logBoundsProjection] }).catchUp();
            const source = createWorldSource({ store: log.store, readModels });
            const empty = (await log.store.headPosition()) === 0; // nothing to index: the (empty) log is read
            for (const hours of views) {
              const view: TimeView = { asOf: iso(START + hours.asOf * 3_600_000), knownAt: iso(START + hours.knownAt * 3_600_000) };
              const { world, source: from } = await source.worldFor(view);
              if (!empty) expect(from).not.toBe('log');
              if (from === 'index') narrowed += 1;
              const replayed = await buildWorld(log.store.readAll(), view);
              expect(world).toEqual(replayed);
            }
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

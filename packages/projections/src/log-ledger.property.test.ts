import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochMs, type Instant } from '@xinfang/domain';
import { readAllUpTo } from '@xinfang/event-store';
import { backlogPlan } from './backlog-ledger';
import { caseLedger, type CaseEntry, type CaseLedgerPlan } from './case-ledger';
import { disputesPlan } from './disputes-ledger';
import { dutiesLedger } from './duties-ledger';
import { openLogWorld, streamCaseLedger } from './log-ledger';
import { plainPersonalData } from './personal-data';
import { createLog, intent, pick, type Intent } from './test/random-history';
import type { TimeView } from './view';
import { visitsPlan } from './visits-ledger';
import { buildWorld } from './world';

/*
 * A case ledger made from the log one stream at a time (what `xinfang export` writes) lists the same rows, in
 * the same order, as the ledger over the whole World replayed up to the same head for the same view — for
 * random legal histories whose business times lag their recording times, random views, heads and filters —
 * while the World it makes rows from never holds more cases than one chunk of entries.
 */

const START = epochMs('2024-09-15T09:00:00+08:00');
const iso = (ms: number): Instant => new Date(ms).toISOString();

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const caseId = pick('k1', 'k2', 'k3', 'k4', 'k5');
const person = pick('p1', 'p2', 'p3', 'p4');
const caseFirst: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ k: pick('register' as const), caseId, person }),
  fc.record({ k: pick('visit' as const), caseId, visitId: pick('v1', 'v2', 'v3'), person, existing: fc.boolean() }),
  fc.record({ k: pick('person' as const), id: person, digest: pick(undefined) }),
);

const plans = [disputesPlan, backlogPlan, visitsPlan] as unknown as readonly CaseLedgerPlan<{ communityId?: string; limit?: number }, CaseEntry, object>[];

describe('a case ledger streamed from the log', () => {
  it('equals the ledger over the World replayed up to the same head, a chunk of cases at a time', async () => {
    let chunked = 0;
    await fc.assert(
      fc.asyncProperty(
        // Cases registered and visited first (the random intents alone seldom make more than one), then anything.
        fc.array(fc.record({ intent: caseFirst, hours: fc.integer({ min: 0, max: 30 }), late: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 96 })) }), {
          minLength: 2,
          maxLength: 8,
        }),
        fc.array(fc.record({ intent, hours: fc.integer({ min: 0, max: 30 }), late: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 96 })) }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(fc.record({ asOf: fc.integer({ min: -100, max: 1900 }), knownAt: fc.integer({ min: -100, max: 1900 }) }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 3 }),
        pick(undefined, 'c1', 'c2'),
        async (first, steps, views, headShare, chunkSize, communityId) => {
          const log = createLog();
          for (const { intent: i, hours, late } of [...first, ...steps]) await log.run(i, hours, late);
          const head = Math.round((await log.store.headPosition()) * headShare);
          const query: { communityId?: string; limit?: number } = communityId === undefined ? {} : { communityId };
          for (const hours of views) {
            const view: TimeView = { asOf: iso(START + hours.asOf * 3_600_000), knownAt: iso(START + hours.knownAt * 3_600_000) };
            const world = await buildWorld(readAllUpTo(log.store, head), view);
            const fromLog = await openLogWorld(log.store, head, view);
            expect({ ...fromLog.world, case: world.case, person: world.person }).toEqual(world);
            expect(fromLog.world.case.size + fromLog.world.person.size).toBe(0);
            expect(dutiesLedger(fromLog.world, view, {})).toEqual(dutiesLedger(world, view, {}));
            for (const plan of plans) {
              let largest = 0;
              const rows = await collect(
                streamCaseLedger(fromLog, plan, view, query, plainPersonalData, { chunkSize, onChunk: (chunk) => (largest = Math.max(largest, chunk.case.size)) }),
              );
              expect(rows).toEqual(caseLedger(plan)(world, view, query, plainPersonalData).rows);
              expect(largest).toBeLessThanOrEqual(chunkSize);
              if (rows.length > chunkSize) chunked += 1;
            }
          }
        },
      ),
      { seed: 20241031, numRuns: 60 },
    );
    // Rows were made over several chunks often enough to mean something.
    expect(chunked).toBeGreaterThan(10);
  });
});

import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregates,
  caseStream,
  communityStream,
  dutyStream,
  epochMs,
  incidentStream,
  inspectionStream,
  leaderStream,
  mondayOf,
  personStream,
  screeningStream,
  type AggregateName,
  type Instant,
} from '@xinfang/domain';
import { createMemoryEventStore, handleCommand, type EventStore } from '@xinfang/event-store';
import { createMemoryReadModels } from './memory-read-models';
import { defineProjection, type AnyProjection } from './projection';
import type { ReadModelStore } from './read-model-store';
import { createProjectionRunner, ProjectionFailedError } from './runner';
import { createSqliteReadModels } from './sqlite-read-models';
import { buildWorld } from './world';
import { findDutyStreams, findPersonIds, loadWorld, worldProjections } from './world-projection';

/*
 * Random legal histories, written through the real deciders (refused commands are dropped), projected
 * incrementally by a succession of runners over one read-model store — each with its own batch size,
 * some catching up, some following the log live while commands arrive, some crashing part-way — must
 * leave exactly the read models of one full rebuild: every document of every projection, the
 * checkpoints, and the World `loadWorld` reads back equals `buildWorld` of all the events.
 */

// ——— random commands, from small pools so that they often meet ———

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const person = pick('p1', 'p2', 'p3', 'p4');
const caseId = pick('k1', 'k2', 'k3');
const leader = pick('l1', 'l2', 'l3');
const unit = pick('subdistrict', 'c1');
const date = pick('2024-09-16', '2024-09-18', '2024-09-20', '2024-09-25', '2024-09-27');
const DIGESTS = ['ab'.repeat(16), 'cd'.repeat(32)];

const intent = fc.oneof(
  { weight: 1, arbitrary: fc.record({ k: pick('community' as const), id: pick('c1', 'c2') }) },
  { weight: 1, arbitrary: fc.record({ k: pick('leader' as const), id: leader, unit, principal: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: pick('person' as const), id: person, digest: pick(...DIGESTS, undefined) }) },
  { weight: 1, arbitrary: fc.record({ k: pick('erase' as const), id: person }) },
  { weight: 3, arbitrary: fc.record({ k: pick('schedule' as const), dutyId: pick('d1', 'd2', 'd3'), unit, date, leader }) },
  { weight: 3, arbitrary: fc.record({ k: pick('missed' as const), dutyId: pick('d1', 'd2', 'd3'), unit, date, substitute: pick('l1', 'l2', undefined) }) },
  { weight: 1, arbitrary: fc.record({ k: pick('announce' as const), unit, date }) },
  { weight: 2, arbitrary: fc.record({ k: pick('register' as const), caseId, person }) },
  { weight: 1, arbitrary: fc.record({ k: pick('visit' as const), caseId, visitId: pick('v1', 'v2', 'v3'), person, existing: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ k: pick('accept' as const), caseId, decision: pick('accepted', 'accepted', 'rejected') }) },
  { weight: 3, arbitrary: fc.record({ k: pick('assign' as const), caseId, days: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ k: pick('resolve' as const), caseId }) },
  // The main line of a case in one go (each command still accepted or refused on its own), so that
  // resolved, reopened and closed cases are common.
  { weight: 3, arbitrary: fc.record({ k: pick('work' as const), caseId, close: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: pick('repeat' as const), caseId }) },
  { weight: 1, arbitrary: fc.record({ k: pick('reopen' as const), caseId }) },
  { weight: 1, arbitrary: fc.record({ k: pick('close' as const), caseId }) },
  { weight: 1, arbitrary: fc.record({ k: pick('escalate' as const), caseId, level: pick('city', 'province', 'beijing') }) },
  { weight: 1, arbitrary: fc.record({ k: pick('screening' as const), community: pick('c1', 'c2'), date, cases: fc.uniqueArray(caseId, { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ k: pick('incident' as const), id: pick('i1', 'i2') }) },
  { weight: 1, arbitrary: fc.record({ k: pick('inspection' as const), id: pick('s1', 's2'), unit }) },
  { weight: 1, arbitrary: fc.record({ k: pick('rectify' as const), id: pick('s1', 's2') }) },
);
type Intent = typeof intent extends fc.Arbitrary<infer I> ? I : never;

interface Step {
  readonly aggregate: AggregateName;
  readonly streamId: string;
  readonly command: { readonly type: string; readonly data: object };
}

const sealed = { keyId: 'key', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' };
const dayAfter = (at: Instant, days: number): string => new Date(epochMs(at) + (days * 24 + 8) * 3_600_000).toISOString().slice(0, 10);

const stepsOf = (i: Intent, at: Instant): readonly Step[] => {
  if (i.k !== 'work') return [stepOf(i, at)];
  const { caseId } = i;
  const steps = [
    stepOf({ k: 'accept', caseId, decision: 'accepted' }, at),
    stepOf({ k: 'assign', caseId, days: 20 }, at),
    stepOf({ k: 'resolve', caseId }, at),
  ];
  return i.close ? [...steps, stepOf({ k: 'close', caseId }, at)] : steps;
};

const stepOf = (i: Exclude<Intent, { k: 'work' }>, at: Instant): Step => {
  switch (i.k) {
    case 'community':
      return { aggregate: 'community', streamId: communityStream(i.id), command: { type: 'RegisterCommunity', data: { communityId: i.id, name: '社区', grids: [{ gridId: 'g1', name: '一网格' }] } } };
    case 'leader':
      return { aggregate: 'leader', streamId: leaderStream(i.id), command: { type: 'RegisterLeader', data: { leaderId: i.id, name: '领导', position: '主任', portfolio: '信访', unit: i.unit, principal: i.principal } } };
    case 'person':
      return { aggregate: 'person', streamId: personStream(i.id), command: { type: 'RegisterPerson', data: { personId: i.id, registeredAt: at, sealed, ...(i.digest === undefined ? {} : { idNumberDigest: i.digest }) } } };
    case 'erase':
      return { aggregate: 'person', streamId: personStream(i.id), command: { type: 'ErasePerson', data: { personId: i.id, at } } };
    case 'schedule':
      return { aggregate: 'duty', streamId: dutyStream(i.unit, i.date), command: { type: 'ScheduleDuty', data: { dutyId: i.dutyId, date: i.date, leaderId: i.leader, location: '接待室', unit: i.unit } } };
    case 'missed':
      return { aggregate: 'duty', streamId: dutyStream(i.unit, i.date), command: { type: 'MarkDutyMissed', data: { dutyId: i.dutyId, at, reason: '开会', ...(i.substitute === undefined ? {} : { substituteLeaderId: i.substitute }) } } };
    case 'announce':
      return { aggregate: 'duty', streamId: dutyStream(i.unit, i.date), command: { type: 'AnnounceRoster', data: { unit: i.unit, weekOf: mondayOf(i.date), publishedAt: at, channel: '公告栏' } } };
    case 'register':
      return { aggregate: 'case', streamId: caseStream(i.caseId), command: { type: 'RegisterCase', data: { caseId: i.caseId, origin: 'screening', communityId: 'c1', category: 'neighbour', summary: '纠纷', registeredAt: at, petitioners: [{ personId: i.person }] } } };
    case 'visit':
      return { aggregate: 'case', streamId: caseStream(i.caseId), command: { type: 'RecordVisit', data: { caseId: i.caseId, visitId: i.visitId, leaderId: 'l1', receivedAt: at, location: '接待室', visitorCount: 2, matter: '反映问题', petitioners: [{ personId: i.person }], onExistingCase: i.existing, communityId: 'c1' } } };
    case 'accept':
      return { aggregate: 'case', streamId: caseStream(i.caseId), command: { type: 'DecideAcceptance', data: { caseId: i.caseId, decision: i.decision, at } } };
    case 'assign':
      return { aggregate: 'case', streamId: caseStream(i.caseId), command: { type: 'AssignCase', data: { caseId: i.caseId, responsibleUnit: '社区', responsibleLeaderId: 'l2', responsiblePerson: '王芳', measures: '调解', deadline: dayAfter(at, i.days), at } } };
    case 'resolve':
      return { aggregate: 'case', streamId: caseStream(i.caseId), command: { type: 'ResolveCase', data: { caseId: i.caseId, at, method: 'mediation', level: 'community', outcome: 'solved', summary: '化解' } } };
    case 'repeat':
      return { aggregate: 'case', streamId: caseStream(i.caseId), command: { type: 'RecordRepeat', data: { caseId: i.caseId, at, channel: 'visit' } } };
    case 'reopen':
      return { aggregate: 'case', streamId: caseStream(i.caseId), command: { type: 'ReopenCase', data: { caseId: i.caseId, at, reason: '重新办理' } } };
    case 'close':
      return { aggregate: 'case', streamId: caseStream(i.caseId), command: { type: 'CloseCase', data: { caseId: i.caseId, at } } };
    case 'escalate':
      return { aggregate: 'case', streamId: caseStream(i.caseId), command: { type: 'RecordEscalation', data: { caseId: i.caseId, at, level: i.level } } };
    case 'screening':
      return { aggregate: 'screening', streamId: screeningStream(i.community, i.date), command: { type: 'SubmitScreeningReport', data: { communityId: i.community, reportDate: i.date, caseIds: i.cases, nil: i.cases.length === 0 } } };
    case 'incident':
      return { aggregate: 'incident', streamId: incidentStream(i.id), command: { type: 'RecordIncident', data: { incidentId: i.id, type: 'massPetition', at, summary: '聚集' } } };
    case 'inspection':
      return { aggregate: 'inspection', streamId: inspectionStream(i.id), command: { type: 'RecordInspection', data: { inspectionId: i.id, unit: i.unit, finding: '台账不全', at, dueDate: dayAfter(at, 10) } } };
    case 'rectify':
      return { aggregate: 'inspection', streamId: inspectionStream(i.id), command: { type: 'RecordRectification', data: { inspectionId: i.id, at, note: '已整改' } } };
  }
};

/** A memory event store with a business clock that moves forward a few hours per command. */
const createLog = () => {
  let clock = epochMs('2024-09-15T09:00:00+08:00');
  let now: Instant = new Date(clock).toISOString();
  const store = createMemoryEventStore({ clock: { now: () => now } });
  let commands = 0;
  const run = async (i: Intent, hours: number): Promise<void> => {
    clock += hours * 3_600_000;
    now = new Date(clock).toISOString();
    for (const { aggregate, streamId, command } of stepsOf(i, now)) {
      const { decider, eventTime } = aggregates[aggregate];
      // A refused command is simply not part of the history.
      await handleCommand({
        store,
        decider: decider as never,
        streamId,
        command: command as never,
        occurredAt: eventTime as never,
        actor: { id: 'tester', role: 'office' },
        commandId: `cmd-${++commands}`,
      });
    }
  };
  return { store, run };
};

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
  mode: pick('catchUp', 'catchUp', 'live', 'crash', 'none'),
  batchSize: fc.integer({ min: 1, max: 7 }),
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
            for (const { steps, mode, batchSize, crashAfter } of segments) {
              const runSteps = async () => {
                for (const { intent: i, hours } of steps) await log.run(i, hours);
              };
              if (mode === 'live') {
                // Commands arrive while the runner catches up and then while it follows the log.
                const runner = createProjectionRunner({ store, readModels, projections, batchSize });
                const starting = runner.start();
                await runSteps();
                await starting;
                await runner.waitFor(await headOf(store));
                await runner.stop();
              } else {
                await runSteps();
                if (mode === 'catchUp') {
                  await createProjectionRunner({ store, readModels, projections, batchSize }).catchUp();
                } else if (mode === 'crash') {
                  const crashing = createProjectionRunner({ store, readModels, projections: crashingAfter(crashAfter), batchSize });
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

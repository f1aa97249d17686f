import fc from 'fast-check';
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
import { createMemoryEventStore, handleCommand } from '@xinfang/event-store';

/*
 * Random legal histories for the property tests of the read side: commands from small pools (so that they
 * often meet) written through the real deciders, refused ones dropped. The business time of a command may
 * lag its recording time (`late` hours: a form typed in afterwards), so that views by business time and by
 * recording time differ.
 */

// ——— random commands, from small pools so that they often meet ———

export const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const person = pick('p1', 'p2', 'p3', 'p4');
const caseId = pick('k1', 'k2', 'k3');
const leader = pick('l1', 'l2', 'l3');
const unit = pick('subdistrict', 'c1');
const date = pick('2024-09-16', '2024-09-18', '2024-09-20', '2024-09-25', '2024-09-27');
export const DIGESTS = ['ab'.repeat(16), 'cd'.repeat(32)];

export const intent = fc.oneof(
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
export type Intent = typeof intent extends fc.Arbitrary<infer I> ? I : never;

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

/**
 * A memory event store with a clock that moves forward a few hours per command; the command's business
 * time is `late` hours before it.
 */
export const createLog = () => {
  let clock = epochMs('2024-09-15T09:00:00+08:00');
  let now: Instant = new Date(clock).toISOString();
  const store = createMemoryEventStore({ clock: { now: () => now } });
  let commands = 0;
  const run = async (i: Intent, hours: number, late = 0): Promise<void> => {
    clock += hours * 3_600_000;
    now = new Date(clock).toISOString();
    const at = new Date(clock - late * 3_600_000).toISOString();
    for (const { aggregate, streamId, command } of stepsOf(i, at)) {
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

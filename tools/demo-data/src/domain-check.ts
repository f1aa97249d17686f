import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import {
  AnnounceRosterBody,
  MarkDutyMissedBody,
  RecordIncidentBody,
  RecordInspectionBody,
  RecordRectificationBody,
  RecordVisitBody,
  RegisterCaseBody,
  RegisterCommunityBody,
  RegisterLeaderBody,
  ScheduleDutyBody,
  SubmitScreeningReportBody,
  caseCommandBodies,
  caseCommandSegments,
  caseDecider,
  communityDecider,
  dayOf,
  dutyDecider,
  dutyStream,
  fieldErrors,
  futureBusinessTime,
  incidentDecider,
  inspectionDecider,
  leaderDecider,
  screeningDecider,
  screeningStream,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type Decider,
  type DomainError,
  type PetitionerInput,
} from '@xinfang/domain';
import { API_BASE, type DemoRequest } from './request';

/*
 * Replays requests through the domain alone — the io-ts body codecs and the deciders, with in-memory
 * folding per stream — as the app would, minus HTTP, storage and encryption. It checks what the deciders
 * cannot see as well: that a body is exactly what its codec reads (no stray field), that the ids a request
 * names exist (community, grid, leader, case, duty slot, inspection), that business times are not after
 * `recordedAt`, and that `recordedAt` never goes back. Petitioners become person ids as the app would make
 * them: one per id number, a new one for a petitioner without.
 */

export interface Refusal {
  readonly index: number;
  readonly request: DemoRequest;
  readonly reason: string;
}

export interface DomainCheck {
  /** Applies one request; returns why it would be refused, or undefined when it is accepted. */
  apply(request: DemoRequest): string | undefined;
  /** Streams and what they hold, for assertions. */
  readonly cases: ReadonlyMap<string, CaseState>;
  readonly persons: ReadonlyMap<string, string>;
  readonly events: { count: number };
}

const CASE_PATHS: Readonly<Record<string, keyof typeof caseCommandBodies>> = caseCommandSegments;

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

const describe = (error: DomainError): string => `${error.code}: ${error.message.en}`;

/** A store of decider states keyed by stream. */
class Streams<C, E, S> {
  readonly states = new Map<string, S>();
  constructor(
    private readonly decider: Decider<C, E, S>,
    private readonly counter: { count: number },
  ) {}
  run(stream: string, command: C): string | undefined {
    const state = this.states.get(stream) ?? this.decider.initialState;
    const result = this.decider.decide(command, state);
    if (isLeft(result)) return describe(result.left);
    let next = state;
    for (const event of result.right) next = this.decider.evolve(next, event);
    this.counter.count += result.right.length;
    this.states.set(stream, next);
    return undefined;
  }
  get(stream: string): S | undefined {
    return this.states.get(stream);
  }
}

export const createDomainCheck = (): DomainCheck => {
  const events = { count: 0 };
  const cases = new Streams<CaseCommand, CaseEvent, CaseState>(caseDecider, events);
  const communities = new Streams(communityDecider, events);
  const leaders = new Streams(leaderDecider, events);
  const duties = new Streams(dutyDecider, events);
  const screenings = new Streams(screeningDecider, events);
  const incidents = new Streams(incidentDecider, events);
  const inspections = new Streams(inspectionDecider, events);
  const grids = new Map<string, Set<string>>();
  const dutyStreams = new Map<string, string>();
  const persons = new Map<string, string>();
  let anonymous = 0;
  let lastRecordedAt = Number.NEGATIVE_INFINITY;

  const personRefs = (petitioners: readonly PetitionerInput[]) =>
    petitioners.map((p) => {
      if (p.personId !== undefined) return { personId: p.personId };
      if (p.idNumber === undefined) return { personId: `p-anon-${++anonymous}` };
      let personId = persons.get(p.idNumber);
      if (personId === undefined) {
        personId = `p-${persons.size + 1}`;
        persons.set(p.idNumber, personId);
      }
      return { personId };
    });

  const decode = <A, O>(codec: t.Type<A, O, unknown>, body: unknown): A | string => {
    const result = codec.decode(body);
    if (isLeft(result)) return `400: ${fieldErrors(result.left).map((e) => `${e.path} ${e.message}`).join('; ')}`;
    if (canonical(codec.encode(result.right)) !== canonical(body)) return '400: the body has fields its codec does not read';
    return result.right;
  };

  const leaderExists = (leaderId: string): string | undefined =>
    leaders.get(`leader-${leaderId}`)?.status === 'registered' ? undefined : `404: leader ${leaderId}`;
  const communityExists = (communityId: string): string | undefined =>
    communities.get(`community-${communityId}`)?.status === 'registered' ? undefined : `404: community ${communityId}`;
  const unitExists = (unit: string): string | undefined => (unit === 'subdistrict' ? undefined : communityExists(unit));
  const caseExists = (caseId: string): string | undefined =>
    (cases.get(`case-${caseId}`)?.status ?? 'none') === 'none' ? `404: case ${caseId}` : undefined;

  /** Business times in the body must not be after the moment it was typed in: the app's rule, without its tolerance. */
  const notInFuture = (body: Record<string, unknown>, recordedAt: string): string | undefined => {
    const refused = futureBusinessTime(body, recordedAt, 0);
    return refused === undefined ? undefined : describe(refused);
  };

  const apply = (request: DemoRequest): string | undefined => {
    const recordedAt = Date.parse(request.recordedAt);
    if (Number.isNaN(recordedAt)) return `bad recordedAt ${request.recordedAt}`;
    if (recordedAt < lastRecordedAt) return 'recordedAt went back';
    lastRecordedAt = recordedAt;
    if (!request.path.startsWith(`${API_BASE}/`)) return `path outside ${API_BASE}`;
    if (request.method !== 'POST') return `unexpected ${request.method}`;
    const body = request.body;
    if (body === null || typeof body !== 'object') return 'no body';
    const future = notInFuture(body as Record<string, unknown>, request.recordedAt);
    if (future !== undefined) return future;
    const parts = request.path.slice(API_BASE.length + 1).split('/');
    const [resource, id, action] = parts;

    switch (resource) {
      case 'communities': {
        const data = decode(RegisterCommunityBody, body);
        if (typeof data === 'string') return data;
        grids.set(data.communityId, new Set(data.grids.map((g) => g.gridId)));
        return communities.run(`community-${data.communityId}`, { type: 'RegisterCommunity', data });
      }
      case 'leaders': {
        const data = decode(RegisterLeaderBody, body);
        if (typeof data === 'string') return data;
        return unitExists(data.unit) ?? leaders.run(`leader-${data.leaderId}`, { type: 'RegisterLeader', data });
      }
      case 'duties': {
        if (id === 'announcements') {
          const data = decode(AnnounceRosterBody, body);
          if (typeof data === 'string') return data;
          return unitExists(data.unit) ?? duties.run(dutyStream(data.unit, data.weekOf), { type: 'AnnounceRoster', data });
        }
        if (id !== undefined && action === 'missed') {
          const data = decode(MarkDutyMissedBody, body);
          if (typeof data === 'string') return data;
          const stream = dutyStreams.get(id);
          if (stream === undefined) return `404: duty ${id}`;
          if (data.substituteLeaderId !== undefined) {
            const missing = leaderExists(data.substituteLeaderId);
            if (missing !== undefined) return missing;
          }
          return duties.run(stream, { type: 'MarkDutyMissed', data: { dutyId: id, ...data } });
        }
        const data = decode(ScheduleDutyBody, body);
        if (typeof data === 'string') return data;
        if (data.dutyId === undefined) return 'the demo names every duty slot';
        const stream = dutyStream(data.unit, data.date);
        dutyStreams.set(data.dutyId, stream);
        return (
          unitExists(data.unit) ??
          leaderExists(data.leaderId) ??
          duties.run(stream, { type: 'ScheduleDuty', data: { ...data, dutyId: data.dutyId } })
        );
      }
      case 'cases': {
        if (id === undefined) {
          const data = decode(RegisterCaseBody, body);
          if (typeof data === 'string') return data;
          if (data.caseId === undefined) return 'the demo names every case';
          const community = communityExists(data.communityId);
          if (community !== undefined) return community;
          if (data.gridId !== undefined && grids.get(data.communityId)?.has(data.gridId) !== true) return `404: grid ${data.gridId}`;
          const { petitioners, ...rest } = data;
          return cases.run(`case-${data.caseId}`, {
            type: 'RegisterCase',
            data: { ...rest, caseId: data.caseId, petitioners: personRefs(petitioners) },
          });
        }
        const type = action === undefined ? undefined : CASE_PATHS[action];
        if (type === undefined) return `unknown case command ${action ?? ''}`;
        const data = decode(caseCommandBodies[type] as unknown as t.Type<Record<string, unknown>, Record<string, unknown>, unknown>, body);
        if (typeof data === 'string') return data;
        const leaderId = type === 'PackageCase' ? data['leaderId'] : type === 'AssignCase' ? data['responsibleLeaderId'] : undefined;
        if (typeof leaderId === 'string') {
          const missing = leaderExists(leaderId);
          if (missing !== undefined) return missing;
        }
        return cases.run(`case-${id}`, { type, data: { ...data, caseId: id } } as CaseCommand);
      }
      case 'visits': {
        const data = decode(RecordVisitBody, body);
        if (typeof data === 'string') return data;
        if (data.caseId === undefined || data.visitId === undefined) return 'the demo names every visit and its case';
        const { petitioners, caseId, visitId, ...rest } = data;
        return (
          leaderExists(data.leaderId) ??
          (data.communityId === undefined ? undefined : communityExists(data.communityId)) ??
          cases.run(`case-${caseId}`, {
            type: 'RecordVisit',
            data: { ...rest, caseId, visitId, onExistingCase: true, petitioners: personRefs(petitioners) },
          })
        );
      }
      case 'screening-reports': {
        const data = decode(SubmitScreeningReportBody, body);
        if (typeof data === 'string') return data;
        const community = communityExists(data.communityId);
        if (community !== undefined) return community;
        for (const caseId of data.caseIds) {
          const state = cases.get(`case-${caseId}`);
          if (state === undefined || state.status === 'none') return `404: case ${caseId}`;
          if (state.registration.communityId !== data.communityId) return `case ${caseId} is not of ${data.communityId}`;
          if (state.registration.origin !== 'screening') return `case ${caseId} was not screened`;
          if (dayOf(state.registration.registeredAt) > data.reportDate) return `case ${caseId} is registered after the report`;
        }
        return screenings.run(screeningStream(data.communityId, data.reportDate), { type: 'SubmitScreeningReport', data });
      }
      case 'incidents': {
        const data = decode(RecordIncidentBody, body);
        if (typeof data === 'string') return data;
        if (data.incidentId === undefined) return 'the demo names every incident';
        if (data.caseId !== undefined) {
          const missing = caseExists(data.caseId);
          if (missing !== undefined) return missing;
        }
        return incidents.run(`incident-${data.incidentId}`, { type: 'RecordIncident', data: { ...data, incidentId: data.incidentId } });
      }
      case 'inspections': {
        if (id !== undefined && action === 'rectification') {
          const data = decode(RecordRectificationBody, body);
          if (typeof data === 'string') return data;
          return inspections.run(`inspection-${id}`, { type: 'RecordRectification', data: { inspectionId: id, ...data } });
        }
        const data = decode(RecordInspectionBody, body);
        if (typeof data === 'string') return data;
        if (data.inspectionId === undefined) return 'the demo names every inspection';
        return (
          unitExists(data.unit) ??
          inspections.run(`inspection-${data.inspectionId}`, { type: 'RecordInspection', data: { ...data, inspectionId: data.inspectionId } })
        );
      }
      default:
        return `unknown resource ${resource ?? ''}`;
    }
  };

  return { apply, cases: cases.states, persons, events };
};

/** Replays `requests` through the domain; returns every refusal (none when the campaign is accepted). */
export const checkAgainstDomain = (requests: Iterable<DemoRequest>, limit = 20): { refusals: Refusal[]; requests: number; check: DomainCheck } => {
  const check = createDomainCheck();
  const refusals: Refusal[] = [];
  let index = 0;
  for (const request of requests) {
    const reason = check.apply(request);
    if (reason !== undefined && refusals.length < limit) refusals.push({ index, request, reason });
    index += 1;
  }
  return { refusals, requests: index, check };
};

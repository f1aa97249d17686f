import fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { backlogAt, backlogReasonsAt } from './backlog';
import { resolvedAt } from './case-at';
import type { CaseCommand } from './case-commands';
import { CaseEvent, caseEventTime } from './case-events';
import { evolveCase, foldCase, initialCaseState, type CaseState, type ExistingCase } from './case-state';
import { decideCase } from './case';
import { deadlineAt } from './case-at';
import { handlingDeadline, latestPossibleDeadline } from './time-limits';
import { addDays, compareInstants, dayOf, epochMs, startOfDay } from './time';

/*
 * Random lives of a case: commands of every type, most of them plausible, many of them refused, with
 * business times that mostly move forward but sometimes go back (paper forms typed in late). Only the
 * accepted commands are kept, and after every step the folded case must keep the rules of REPORTS.md
 * and DESIGN.md.
 */

const MINUTE = 60_000;
const START = epochMs('2024-09-18T09:30:00+08:00');
const FAR_FUTURE = '2099-12-31T00:00:00+08:00';

/** An instant written either in Beijing time or in UTC, as clients do. */
const instant = (ms: number, utc: boolean): string =>
  utc ? new Date(ms).toISOString() : `${new Date(ms + 8 * 60 * MINUTE).toISOString().slice(0, 19)}+08:00`;

const people = fc
  .uniqueArray(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { minLength: 1, maxLength: 3 })
  .map((ids) => ids.map((personId) => ({ personId })));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const kind = <T extends string, R extends object>(type: T, fields: { [K in keyof R]: fc.Arbitrary<R[K]> }) =>
  fc.record(fields).map((values) => ({ type, ...values }));

/** What a step does, before it is given its business time (weights favour the main line of a case). */
const stepKind = fc.oneof(
  {
    weight: 2,
    arbitrary: kind('RegisterCase', {
      petitioners: people,
      peopleCount: maybe(fc.integer({ min: 1, max: 8 })),
      riskFlags: fc.array(fc.constantFrom('escalation', 'collective', 'extremeAct', 'opinionHype'), { maxLength: 4 }),
      firstPetition: maybe(fc.boolean()),
    }),
  },
  {
    weight: 3,
    arbitrary: kind('RecordVisit', {
      visitId: fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5'),
      visitorCount: fc.integer({ min: 1, max: 8 }),
      petitioners: people,
      withCommunity: fc.boolean(),
      onExistingCase: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: kind('DecideAcceptance', { decision: fc.constantFrom('accepted', 'accepted', 'accepted', 'accepted', 'rejected') }) },
  { weight: 5, arbitrary: kind('AssignCase', { deadlineInDays: fc.integer({ min: -3, max: 75 }) }) },
  { weight: 1, arbitrary: kind('PackageCase', {}) },
  { weight: 1, arbitrary: kind('RecordFiveOnes', { item: fc.constantFrom('leader', 'taskForce', 'plan', 'minutes', 'stabilization') }) },
  { weight: 1, arbitrary: kind('TransferCase', { note: maybe(fc.constant('转办')) }) },
  { weight: 1, arbitrary: kind('NotifyPetitioner', {}) },
  { weight: 1, arbitrary: kind('RecordProgress', {}) },
  { weight: 3, arbitrary: kind('ExtendDeadline', { newDeadlineInDays: fc.integer({ min: -5, max: 110 }) }) },
  {
    weight: 5,
    arbitrary: kind('ResolveCase', {
      method: fc.constantFrom('onSite', 'mediation', 'panel'),
      level: fc.constantFrom('grid', 'community', 'subdistrict', 'above'),
    }),
  },
  { weight: 1, arbitrary: kind('RecordSatisfaction', { satisfied: fc.boolean() }) },
  { weight: 3, arbitrary: kind('RecordRepeat', { channel: fc.constantFrom('visit', 'letter', 'online', 'phone') }) },
  { weight: 2, arbitrary: kind('RecordEscalation', { level: fc.constantFrom('city', 'province', 'beijing'), collective: maybe(fc.boolean()) }) },
  { weight: 3, arbitrary: kind('ReopenCase', {}) },
  { weight: 4, arbitrary: kind('RequestReview', { level: fc.constantFrom('review', 'reReview') }) },
  { weight: 4, arbitrary: kind('DecideReview', { level: fc.constantFrom('review', 'reReview'), outcome: fc.constantFrom('upheld', 'changed') }) },
  { weight: 2, arbitrary: kind('CloseCase', {}) },
);
type StepKind = typeof stepKind extends fc.Arbitrary<infer K> ? K : never;

/**
 * Minutes to move the business clock: mostly hours or days forward, sometimes weeks, sometimes back, and
 * sometimes not at all (forms dated by the day alone are typed in as the same instant).
 */
const clockMove = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 7, arbitrary: fc.integer({ min: 0, max: 4 * 24 * 60 }) },
  { weight: 2, arbitrary: fc.integer({ min: 10 * 24 * 60, max: 45 * 24 * 60 }) },
  { weight: 2, arbitrary: fc.integer({ min: -10 * 24 * 60, max: 0 }) },
);

/**
 * `natural`: instead of the random kind, take the step the case's life would take next (accept, assign,
 * resolve, review, …), so that deep states (final, reopened, closed) are reached often.
 */
const step = fc.record({ move: clockMove, utc: fc.boolean(), kind: stepKind, natural: fc.boolean() });
/** A life mostly starts by registering the case, by a registration or by a visit. */
const creation = fc.record({
  move: fc.constant(0),
  utc: fc.boolean(),
  natural: fc.constant(false),
  kind: fc.oneof(
    kind('RegisterCase', { petitioners: people, peopleCount: fc.constant(undefined), riskFlags: fc.constant([]), firstPetition: fc.constant(undefined) }),
    kind('RecordVisit', {
      visitId: fc.constant('v1'),
      visitorCount: fc.integer({ min: 1, max: 8 }),
      petitioners: people,
      withCommunity: fc.constant(true),
      onExistingCase: fc.constant(false),
    }),
  ) as fc.Arbitrary<StepKind>,
});
const life = fc
  .tuple(fc.oneof({ weight: 9, arbitrary: creation }, { weight: 1, arbitrary: step }), fc.array(step, { maxLength: 40, size: 'medium' }))
  .map(([first, rest]) => [first, ...rest]);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** The next step of an ordinary life, given where the case stands. */
const naturalKind = (state: CaseState, random: StepKind): StepKind => {
  if (state.status === 'none') return { type: 'RegisterCase', petitioners: [{ personId: 'p1' }], peopleCount: undefined, riskFlags: [], firstPetition: undefined };
  const review = state.reviews.find((r) => r.level === 'review');
  const reReview = state.reviews.find((r) => r.level === 'reReview');
  switch (state.status) {
    case 'registered':
      return { type: 'DecideAcceptance', decision: random.type === 'DecideAcceptance' ? random.decision : 'accepted' };
    case 'accepted':
      return { type: 'AssignCase', deadlineInDays: random.type === 'AssignCase' ? random.deadlineInDays : 20 };
    case 'inProgress':
      return { type: 'ResolveCase', method: 'mediation', level: 'community' };
    case 'rejected':
      return { type: 'NotifyPetitioner' };
    default:
      if (review === undefined) return { type: 'RequestReview', level: 'review' };
      if (review.decision === undefined) return { type: 'DecideReview', level: 'review', outcome: 'upheld' };
      if (reReview === undefined) return { type: 'RequestReview', level: 'reReview' };
      if (reReview.decision === undefined) return { type: 'DecideReview', level: 'reReview', outcome: 'changed' };
      return random.type === 'CloseCase' ? random : { type: 'RecordRepeat', channel: 'visit' };
  }
};

/** Runs a life; calls `observe` after every accepted command. Counts what was accepted and refused. */
const live = (steps: readonly Step[], observe: (state: CaseState, history: readonly CaseEvent[], events: readonly CaseEvent[], at: string) => void) => {
  let clock = START;
  let state: CaseState = initialCaseState;
  const history: CaseEvent[] = [];
  let accepted = 0;
  let refused = 0;
  for (const { move, utc, kind, natural } of steps) {
    clock += move * MINUTE;
    const at = instant(clock, utc);
    const result = decideCase(commandOf(natural ? naturalKind(state, kind) : kind, at), state);
    if (!isRight(result)) {
      refused += 1;
      rule(typeof result.left.code === 'string' && result.left.message.en.length > 0, 'a refusal without a code or message');
      continue;
    }
    accepted += 1;
    for (const event of result.right) {
      history.push(event);
      state = evolveCase(state, event);
    }
    observe(state, history, result.right, at);
  }
  return { accepted, refused };
};

const commandOf = (kind: StepKind, at: string): CaseCommand => {
  const caseId = 'c1';
  const day = dayOf(at);
  switch (kind.type) {
    case 'RegisterCase':
      return {
        type: 'RegisterCase',
        data: {
          caseId,
          origin: 'screening',
          communityId: 'dongfeng',
          category: 'neighbour',
          summary: '纠纷',
          registeredAt: at,
          petitioners: kind.petitioners,
          riskFlags: kind.riskFlags,
          ...(kind.peopleCount === undefined ? {} : { peopleCount: kind.peopleCount }),
          ...(kind.firstPetition === undefined ? {} : { firstPetition: kind.firstPetition }),
        },
      };
    case 'RecordVisit':
      return {
        type: 'RecordVisit',
        data: {
          caseId,
          visitId: kind.visitId,
          leaderId: 'leader-1',
          receivedAt: at,
          location: '接待室',
          visitorCount: kind.visitorCount,
          matter: '反映问题',
          petitioners: kind.petitioners,
          onExistingCase: kind.onExistingCase,
          ...(kind.withCommunity ? { communityId: 'dongfeng' } : {}),
        },
      };
    case 'DecideAcceptance':
      return { type: kind.type, data: { caseId, decision: kind.decision, at } };
    case 'AssignCase':
      return {
        type: kind.type,
        data: { caseId, responsibleUnit: '社区', responsibleLeaderId: 'leader-2', responsiblePerson: '王芳', measures: '调解', deadline: addDays(day, kind.deadlineInDays), at },
      };
    case 'PackageCase':
      return { type: kind.type, data: { caseId, leaderId: 'leader-3', at } };
    case 'RecordFiveOnes':
      return { type: kind.type, data: { caseId, item: kind.item, detail: '落实', at } };
    case 'TransferCase':
      return { type: kind.type, data: { caseId, toUnit: '区住建局', at, ...(kind.note === undefined ? {} : { note: kind.note }) } };
    case 'NotifyPetitioner':
      return { type: kind.type, data: { caseId, at, content: '告知' } };
    case 'RecordProgress':
      return { type: kind.type, data: { caseId, at, note: '进展' } };
    case 'ExtendDeadline':
      return { type: kind.type, data: { caseId, newDeadline: addDays(day, kind.newDeadlineInDays), reason: '复杂', approvedBy: '主任', at } };
    case 'ResolveCase':
      return { type: kind.type, data: { caseId, at, method: kind.method, level: kind.level, outcome: 'solved', summary: '化解' } };
    case 'RecordSatisfaction':
      return { type: kind.type, data: { caseId, at, satisfied: kind.satisfied } };
    case 'RecordRepeat':
      return { type: kind.type, data: { caseId, at, channel: kind.channel } };
    case 'RecordEscalation':
      return { type: kind.type, data: { caseId, at, level: kind.level, ...(kind.collective === undefined ? {} : { collective: kind.collective }) } };
    case 'ReopenCase':
      return { type: kind.type, data: { caseId, at, reason: '重新办理' } };
    case 'RequestReview':
      return { type: kind.type, data: { caseId, level: kind.level, at } };
    case 'DecideReview':
      return { type: kind.type, data: { caseId, level: kind.level, at, outcome: kind.outcome } };
    case 'CloseCase':
      return { type: kind.type, data: { caseId, at } };
  }
};

const isResolvedStatus = (s: ExistingCase) => s.status === 'resolved' || s.status === 'closed';
/**
 * REPORTS.md's backlog at T read literally: the listing at every moment membership can change up to T
 * (each fact's time, the day after each deadline, and T), first to last. `backlogAt` works a state's moments
 * out once for every T; this works them out again for each T, as the definition says.
 */
const backlogByDefinition = (s: ExistingCase, moment: string): ReturnType<typeof backlogAt> => {
  if (s.acceptance?.decision === 'rejected' && compareInstants(s.acceptance.at, moment) <= 0) return { inBacklog: false, reasons: [] };
  const facts = [s.registration.registeredAt, ...(s.acceptance ? [s.acceptance.at] : []), ...[s.deadlines, s.resolutions, s.reopens, s.repeats, s.escalations].flat().map((f) => f.at)];
  const points = [...facts, ...s.deadlines.map((d) => startOfDay(addDays(d.deadline, 1)))].filter((p) => compareInstants(p, moment) < 0);
  const moments = [...new Map([...points, moment].map((p) => [epochMs(p), p])).entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
  const listed = moments.map((p) => backlogReasonsAt(s, p).length > 0);
  const first = listed.indexOf(true);
  if (first === -1) return { inBacklog: false, reasons: [] };
  const reasons = backlogReasonsAt(s, moment);
  if (reasons.length === 0) return { inBacklog: false, reasons, firstListed: dayOf(moments[first] as string) };
  let start = listed.length - 1;
  while (start > 0 && listed[start - 1] === true) start -= 1;
  return { inBacklog: true, reasons, listedSince: dayOf(moments[start] as string), firstListed: dayOf(moments[first] as string) };
};

const latest = (times: readonly string[]): string => times.reduce((a, b) => (compareInstants(b, a) > 0 ? b : a));
const foldEvents = (events: readonly CaseEvent[]): CaseState => events.reduce(evolveCase, initialCaseState);

/** A broken rule: thrown, so that fast-check shrinks the life and prints it (cheaper than `expect` in loops). */
const rule = (holds: boolean, what: string, detail?: unknown): void => {
  if (!holds) throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
};

/** The rules every case keeps, whatever was typed in. */
const checkInvariants = (state: CaseState, history: readonly CaseEvent[], probe: number): void => {
  if (state.status === 'none') {
    rule(history.length === 0, 'no case, yet events were accepted');
    return;
  }
  const s = state;
  const times = history.map(caseEventTime);

  rule(times.every((time) => compareInstants(time, s.registration.registeredAt) >= 0), 'an event before the registration');

  // A resolved (or closed) case has a resolution, and its last status change is a resolution; the
  // status and the time-based view of resolvedAt agree.
  const changes = history.filter((e) => e.type === 'CaseResolved' || e.type === 'CaseReopened');
  if (isResolvedStatus(s)) {
    rule(s.resolutions.length >= 1, 'resolved without a resolution');
    rule(changes.at(-1)?.type === 'CaseResolved', 'resolved, but its last status change is not a resolution');
  }
  rule(resolvedAt(s, FAR_FUTURE) === isResolvedStatus(s), 'status and resolvedAt disagree', s.status);
  // Resolutions and reopenings alternate, and their business times never go back (resolvedAt counts on it).
  changes.forEach((change, i) => {
    rule(change.type === (i % 2 === 0 ? 'CaseResolved' : 'CaseReopened'), 'resolutions and reopenings do not alternate');
    const previous = changes[i - 1];
    rule(previous === undefined || compareInstants(change.data.at, previous.data.at) >= 0, 'a status change before the previous one', [previous, change]);
  });

  // The deadline in force never ends past acceptance + 90 days; an assignment never past + 60.
  if (s.acceptance?.decision === 'accepted') {
    const cap = latestPossibleDeadline(s.acceptance.at);
    const limit = handlingDeadline(s.acceptance.at);
    for (const entry of s.deadlines) {
      rule(entry.source === 'registration' || entry.deadline <= cap, 'a deadline past acceptance + 90', entry);
      rule(entry.source !== 'assignment' || entry.deadline <= limit, 'an assignment past acceptance + 60', entry);
    }
    for (const time of [...s.deadlines.map((d) => d.at), FAR_FUTURE]) {
      if (compareInstants(time, s.acceptance.at) >= 0) rule((deadlineAt(s.deadlines, time) ?? '') <= cap, 'the deadline in force is past acceptance + 90', time);
    }
  }

  // A final case is never reopened, and stays resolved or closed.
  const finalAt = history.findIndex((e) => e.type === 'ReviewDecided' && e.data.final);
  rule(s.final === (finalAt !== -1), 'final flag and history disagree');
  if (finalAt !== -1) {
    rule(!history.slice(finalAt).some((e) => e.type === 'CaseReopened'), 'a final case was reopened');
    rule(isResolvedStatus(s), 'a final case is not resolved', s.status);
  }

  // A rejected case has nothing after its rejection but notices and side records.
  const rejectedAt = history.findIndex((e) => e.type === 'CaseRejected');
  if (rejectedAt !== -1) {
    rule(s.status === 'rejected', 'a rejected case changed status', s.status);
    const forbidden = ['CaseAccepted', 'CaseAssigned', 'CaseResolved', 'CaseReopened', 'CaseClosed', 'DeadlineExtended'];
    rule(!history.slice(rejectedAt + 1).some((e) => forbidden.includes(e.type)), 'a rejected case was acted on');
  }

  // backlogAt never lists a resolved, closed or rejected case; its answer is self-consistent.
  const now = latest(times);
  const probeTime = times[probe % times.length] as string;
  for (const moment of [now, FAR_FUTURE, probeTime]) {
    const status = backlogAt(s, moment);
    rule(JSON.stringify(status) === JSON.stringify(backlogByDefinition(s, moment)), 'backlogAt differs from the definition', { moment, status });
    if (compareInstants(moment, now) >= 0) rule(!(status.inBacklog && (isResolvedStatus(s) || s.status === 'rejected')), 'a resolved, closed or rejected case is listed', s.status);
    rule(status.inBacklog === status.reasons.length > 0, 'inBacklog without reasons', status);
    rule((status.listedSince !== undefined) === status.inBacklog, 'listedSince without a listing', status);
    if (status.listedSince !== undefined) {
      rule(status.firstListed !== undefined && status.firstListed <= status.listedSince, 'firstListed after listedSince', status);
      rule(status.listedSince <= dayOf(moment), 'listed since a day after T', status);
    }
  }

  // At every moment a membership changes, and just before it, the same as the definition.
  for (const time of [...times, ...s.deadlines.map((d) => startOfDay(addDays(d.deadline, 1)))]) {
    for (const moment of [time, new Date(epochMs(time) - 1).toISOString()])
      rule(JSON.stringify(backlogAt(s, moment)) === JSON.stringify(backlogByDefinition(s, moment)), 'backlogAt differs from the definition', { moment });
  }

  // As of a moment is the same as replaying only the events up to it (what an auditor does).
  const replayed = foldEvents(history.filter((e) => compareInstants(caseEventTime(e), probeTime) <= 0));
  rule(replayed.status !== 'none', 'the registration is not the earliest event');
  if (replayed.status !== 'none') {
    const [asOf, replay] = [backlogAt(s, probeTime), backlogAt(replayed, probeTime)];
    rule(JSON.stringify(asOf) === JSON.stringify(replay), 'backlog as of T differs from the replay up to T', { asOf, replay });
  }
};

describe('a case under random commands', () => {
  it('keeps its invariants after every accepted command, and decide never throws', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(life, fc.nat(), (steps, probe) => {
        const counts = live(steps, (state, history, events) => {
          // Every emitted event is one the store can read back.
          for (const event of events) {
            const decoded = CaseEvent.decode(JSON.parse(JSON.stringify(event)));
            rule(isRight(decoded) && JSON.stringify(decoded.right) === JSON.stringify(event), 'an event does not decode to itself', event);
          }
          checkInvariants(state, history, probe);
        });
        accepted += counts.accepted;
        refused += counts.refused;
      }),
      { numRuns: 300 },
    );
    // The generator must exercise both sides, or the property says little.
    expect(accepted).toBeGreaterThan(1500);
    expect(refused).toBeGreaterThan(1000);
  });

  it('reaches the interesting states: final, reopened, extended, rejected, closed, overdue', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(life, (steps) => {
        live(steps, (state, _history, events, at) => {
          for (const event of events) {
            if (event.type === 'ReviewDecided' && event.data.final) seen.add('final');
            if (event.type === 'CaseReopened') seen.add(`reopened:${event.data.cause}`);
            if (event.type === 'RepeatPetitionRecorded' && !event.data.accepted) seen.add('notAcceptedAgain');
            if (event.type === 'CaseRejected' || event.type === 'DeadlineExtended' || event.type === 'CaseClosed') seen.add(event.type);
          }
          if (state.status !== 'none' && backlogAt(state, at).reasons.includes('overdue')) seen.add('overdue');
        });
      }),
      { numRuns: 300, seed: 20240918 },
    );
    expect([...seen].sort()).toEqual(
      ['CaseClosed', 'CaseRejected', 'DeadlineExtended', 'final', 'notAcceptedAgain', 'overdue', 'reopened:repeat', 'reopened:reopen'].sort(),
    );
  });

  it('folds a life with foldCase to the very state of evolveCase, from any state, changing neither that state nor any before', () => {
    let folds = 0;
    fc.assert(
      fc.property(life, fc.nat(), fc.nat(), (steps, a, b) => {
        let history: readonly CaseEvent[] = [];
        live(steps, (_state, soFar) => {
          history = [...soFar];
        });
        const cut = history.length === 0 ? 0 : a % (history.length + 1);
        const [before, after] = [history.slice(0, cut), history.slice(cut)];
        // The state folded from is foldCase's own result too, so a list it grew in place is grown from again.
        const start = foldCase(initialCaseState, before);
        const startText = JSON.stringify(start);
        rule(startText === JSON.stringify(foldEvents(before)), 'foldCase differs from evolveCase (first part)');
        const whole = foldCase(start, after);
        rule(JSON.stringify(whole) === JSON.stringify(foldEvents(history)), 'foldCase differs from evolveCase (whole life)');
        rule(JSON.stringify(start) === startText, 'foldCase changed the state it folded from');
        // Folding again from the same state, a part this time, gives what evolving gives: nothing was grown under it.
        const part = after.slice(0, after.length === 0 ? 0 : b % (after.length + 1));
        rule(JSON.stringify(foldCase(start, part)) === JSON.stringify(foldEvents([...before, ...part])), 'a second fold from one state differs');
        rule(JSON.stringify(start) === startText, 'a second fold changed the state it folded from');
        folds += history.length;
      }),
      { numRuns: 200, seed: 20261204 },
    );
    expect(folds).toBeGreaterThan(1000);
  });
});

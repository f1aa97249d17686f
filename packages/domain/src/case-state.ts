import type { PetitionerRef } from './case-commands';
import type { CaseEvent, CaseEventOf } from './case-events';
import { assertNever } from './decider';
import { acceptanceDeadline, handlingDeadline } from './time-limits';
import type { FiveOnesItem } from './vocabulary';

type Data<T extends CaseEvent['type']> = CaseEventOf<T>['data'];

/** Where a case stands in its life. `rejected` (不予受理) is terminal; `closed` (息诉息访) ends a resolved case. */
export type CaseStatus = 'registered' | 'accepted' | 'inProgress' | 'resolved' | 'closed' | 'rejected';

/** One deadline in force from `at` on; the last one set at or before a moment is the deadline then. */
export interface DeadlineEntry {
  readonly at: string;
  readonly deadline: string;
  readonly source: 'registration' | 'acceptance' | 'assignment' | 'extension';
}

/**
 * Everything a case has been through. Lists keep every entry (every resolution, every repeat) because
 * the ledgers and the backlog rule ask what held at any past moment, not only now.
 */
export interface CaseFacts {
  readonly caseId: string;
  readonly registration: Data<'CaseRegistered'>;
  readonly petitioners: readonly PetitionerRef[];
  readonly acceptance?: { readonly decision: 'accepted' | 'rejected'; readonly at: string; readonly reason?: string };
  readonly assignment?: Data<'CaseAssigned'>;
  readonly deadlines: readonly DeadlineEntry[];
  readonly extension?: Data<'DeadlineExtended'>;
  readonly packages: readonly Data<'CasePackaged'>[];
  readonly fiveOnes: Readonly<Partial<Record<FiveOnesItem, Data<'FiveOnesRecorded'>>>>;
  readonly transfers: readonly Data<'CaseTransferred'>[];
  readonly notices: readonly Data<'PetitionerNotified'>[];
  readonly progress: readonly Data<'ProgressRecorded'>[];
  readonly visits: readonly Data<'VisitRecorded'>[];
  readonly repeats: readonly Data<'RepeatPetitionRecorded'>[];
  readonly escalations: readonly Data<'EscalationRecorded'>[];
  readonly reopens: readonly Data<'CaseReopened'>[];
  readonly resolutions: readonly Data<'CaseResolved'>[];
  readonly satisfactions: readonly Data<'SatisfactionRecorded'>[];
  readonly reviews: readonly { readonly level: 'review' | 'reReview'; readonly requestedAt: string; readonly decision?: Data<'ReviewDecided'> }[];
  /** 三级终结: the re-review was decided; the same matter is not accepted again. */
  readonly final: boolean;
  readonly closedAt?: string;
}

export type CaseState = { readonly status: 'none' } | ({ readonly status: CaseStatus } & CaseFacts);
export type ExistingCase = Extract<CaseState, CaseFacts>;

export const initialCaseState: CaseState = { status: 'none' };

/**
 * Whether a leader leads the case: it is the responsible leader of the assignment in force (a new
 * assignment replaces the old one) or a 包案 leader of it. Receiving a visit on a case is not leading it.
 * Who may act on a case and a leader's "my cases" both ask this.
 */
export const leadsCase = (leaderId: string, kase: ExistingCase): boolean =>
  kase.assignment?.responsibleLeaderId === leaderId || kase.packages.some((p) => p.leaderId === leaderId);

const registered = (data: Data<'CaseRegistered'>): ExistingCase => ({
  status: 'registered',
  caseId: data.caseId,
  registration: data,
  petitioners: data.petitioners,
  deadlines: [{ at: data.registeredAt, deadline: acceptanceDeadline(data.registeredAt), source: 'registration' }],
  packages: [],
  fiveOnes: {},
  transfers: [],
  notices: [],
  progress: [],
  visits: [],
  repeats: [],
  escalations: [],
  reopens: [],
  resolutions: [],
  satisfactions: [],
  reviews: [],
  final: false,
});

const addPetitioners = (known: readonly PetitionerRef[], more: readonly PetitionerRef[]): readonly PetitionerRef[] => {
  const ids = new Set(known.map((p) => p.personId));
  return [...known, ...more.filter((p) => !ids.has(p.personId))];
};

/** A list with one more item at its end. */
type Append = <T>(list: readonly T[], item: T) => readonly T[];

/*
 * The one definition of how an event changes a case, with the way its lists grow passed in: `evolveCase`
 * copies them (a state is never changed once made), `foldCase` grows in place the lists it made itself.
 */
const evolveWith = (append: Append) => (state: CaseState, event: CaseEvent): CaseState => {
  if (event.type === 'CaseRegistered') return state.status === 'none' ? registered(event.data) : state;
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'VisitRecorded':
      return {
        ...state,
        visits: append(state.visits, event.data),
        petitioners: addPetitioners(state.petitioners, event.data.petitioners),
      };
    case 'CaseAccepted':
      return {
        ...state,
        status: 'accepted',
        acceptance: { decision: 'accepted', ...event.data },
        deadlines: append<DeadlineEntry>(state.deadlines, { at: event.data.at, deadline: handlingDeadline(event.data.at), source: 'acceptance' }),
      };
    case 'CaseRejected':
      return { ...state, status: 'rejected', acceptance: { decision: 'rejected', ...event.data } };
    case 'CaseAssigned':
      return {
        ...state,
        status: state.status === 'accepted' ? 'inProgress' : state.status,
        assignment: event.data,
        deadlines: append<DeadlineEntry>(state.deadlines, { at: event.data.at, deadline: event.data.deadline, source: 'assignment' }),
      };
    case 'CasePackaged':
      return { ...state, packages: append(state.packages, event.data) };
    case 'FiveOnesRecorded':
      return { ...state, fiveOnes: { ...state.fiveOnes, [event.data.item]: event.data } };
    case 'CaseTransferred':
      return { ...state, transfers: append(state.transfers, event.data) };
    case 'PetitionerNotified':
      return { ...state, notices: append(state.notices, event.data) };
    case 'ProgressRecorded':
      return { ...state, progress: append(state.progress, event.data) };
    case 'DeadlineExtended':
      return {
        ...state,
        extension: event.data,
        deadlines: append<DeadlineEntry>(state.deadlines, { at: event.data.at, deadline: event.data.newDeadline, source: 'extension' }),
      };
    case 'CaseResolved':
      return { ...state, status: 'resolved', resolutions: append(state.resolutions, event.data) };
    case 'SatisfactionRecorded':
      return { ...state, satisfactions: append(state.satisfactions, event.data) };
    case 'RepeatPetitionRecorded':
      return { ...state, repeats: append(state.repeats, event.data) };
    case 'EscalationRecorded':
      return { ...state, escalations: append(state.escalations, event.data) };
    case 'CaseReopened': {
      const { closedAt: _closed, ...rest } = state;
      return { ...rest, status: 'inProgress', reopens: append(state.reopens, event.data) };
    }
    case 'ReviewRequested':
      return { ...state, reviews: append<ExistingCase['reviews'][number]>(state.reviews, { level: event.data.level, requestedAt: event.data.at }) };
    case 'ReviewDecided':
      return {
        ...state,
        final: state.final || event.data.final,
        reviews: state.reviews.map((review) =>
          review.level === event.data.level && review.decision === undefined ? { ...review, decision: event.data } : review,
        ),
      };
    case 'CaseClosed':
      return { ...state, status: 'closed', closedAt: event.data.at };
    default:
      return assertNever(event);
  }
};

/** Folds one event into the case. Total: an event that cannot apply (none before registration) is ignored. */
export const evolveCase: (state: CaseState, event: CaseEvent) => CaseState = evolveWith((list, item) => [...list, item]);

/**
 * The same as evolving the events one at a time, in time linear in them: `evolveCase` copies a list to
 * add one item (so an earlier state never changes), which makes a long case's fold quadratic (10,000
 * progress notes: 50 million items copied). Here a list is copied once, the first time it grows, and the
 * copy, seen only by the states in between (which nobody else gets), grows in place. `state` and the
 * events are not changed.
 */
export const foldCase = (state: CaseState, events: readonly CaseEvent[]): CaseState => {
  const own = new WeakSet<readonly unknown[]>();
  const evolve = evolveWith(<T>(list: readonly T[], item: T): readonly T[] => {
    if (own.has(list)) {
      (list as T[]).push(item);
      return list;
    }
    const grown = [...list, item];
    own.add(grown);
    return grown;
  });
  let folded = state;
  for (const event of events) folded = evolve(folded, event);
  return folded;
};

import { communityStream, type LocalDate, type WorkingCalendar } from '@xinfang/domain';
import {
  backlogLedger,
  caseById,
  caseFile,
  caseList,
  communityList,
  leaderList,
  personSearch,
  announcement,
  communityName,
  disputesLedger,
  dutiesLedger,
  assessment,
  campaignSummary,
  comparedKpis,
  hotspots,
  kpis,
  personFile,
  screeningReport,
  visitsLedger,
  type Assessment,
  type BacklogQuery,
  type CampaignSummary,
  type Hotspots,
  type Compare,
  type KpiComparison,
  type Kpis,
  type CaseListQuery,
  type PersonSearch,
  type AnnouncementPeriod,
  type DisputesQuery,
  type DutiesQuery,
  type KpiWindow,
  type Paging,
  type PersonalDataReader,
  type TimeView,
  type VisitsQuery,
  type World,
  type WorldSource,
} from '@xinfang/projections';

/*
 * The queries answered from a World — the ledgers, the KPIs, the screening report, case and person files —
 * as plain data, so that the same query runs in this thread or in a worker thread (which is sent it and
 * sends back the answer, both structured-cloned). `answer` is the only place that turns a World into what a
 * route sends; the routes do the rest (roles, masking, formats).
 */

export type LedgerForm = 'disputes' | 'backlog' | 'visits' | 'duties';

export type QueryKind =
  | { readonly kind: 'ledger'; readonly form: 'disputes'; readonly filter: DisputesQuery; readonly communityId?: string }
  | { readonly kind: 'ledger'; readonly form: 'backlog'; readonly filter: BacklogQuery; readonly communityId?: string }
  | { readonly kind: 'ledger'; readonly form: 'visits'; readonly filter: VisitsQuery; readonly communityId?: string }
  | { readonly kind: 'ledger'; readonly form: 'duties'; readonly filter: DutiesQuery; readonly communityId?: string }
  | { readonly kind: 'kpis'; readonly window: KpiWindow; readonly compare?: Compare }
  | { readonly kind: 'assessment'; readonly window: Omit<KpiWindow, 'communityId'> }
  | { readonly kind: 'campaign'; readonly window: Omit<KpiWindow, 'communityId'> }
  | { readonly kind: 'hotspots'; readonly window: KpiWindow }
  | { readonly kind: 'caseFile'; readonly caseId: string }
  | { readonly kind: 'caseList'; readonly filter: CaseListQuery }
  | { readonly kind: 'communities'; readonly paging: Paging }
  | { readonly kind: 'leaders'; readonly paging: Paging }
  | { readonly kind: 'personSearch'; readonly search: PersonSearch; readonly paging: Paging }
  | { readonly kind: 'announcement'; readonly period: AnnouncementPeriod; readonly unit?: string }
  | { readonly kind: 'personFile'; readonly personId: string }
  | { readonly kind: 'screeningReport'; readonly communityId: string; readonly date: LocalDate; readonly paging: Paging };

/**
 * A query: what to answer; `view`, the view the answer reports (and derives for); `shown`, the view of the
 * events its World is built from; `atLeast`, the log position the World must include (the runner was
 * waited for it: a client reads its own writes).
 */
export type Query = QueryKind & { readonly view: TimeView; readonly shown: TimeView; readonly atLeast: number };

export interface Answers {
  readonly ledger: { readonly ledger: ReturnType<typeof disputesLedger> | ReturnType<typeof backlogLedger> | ReturnType<typeof visitsLedger> | ReturnType<typeof dutiesLedger>; readonly communityName?: string };
  readonly kpis: Kpis & { readonly comparison?: KpiComparison };
  readonly assessment: Assessment;
  readonly campaign: CampaignSummary;
  readonly hotspots: Hotspots;
  readonly caseFile: { readonly file?: NonNullable<ReturnType<typeof caseFile>>; readonly state?: string };
  readonly caseList: ReturnType<typeof caseList>;
  readonly communities: ReturnType<typeof communityList>;
  readonly leaders: ReturnType<typeof leaderList>;
  readonly personSearch: ReturnType<typeof personSearch>;
  readonly announcement: ReturnType<typeof announcement>;
  readonly personFile: { readonly file?: NonNullable<ReturnType<typeof personFile>> };
  readonly screeningReport: { readonly report?: ReturnType<typeof screeningReport> };
}

/** The answer to a query of a kind. */
export type Answer<K extends QueryKind['kind']> = Answers[K];

export interface AnswerDeps {
  readonly personalData: PersonalDataReader;
  readonly calendar: WorkingCalendar;
}

/** Answers a query from the World of its `shown` view. */
export const answer = (world: World, query: Query, deps: AnswerDeps): Answers[Query['kind']] => {
  const { view } = query;
  switch (query.kind) {
    case 'ledger': {
      const ledger =
        query.form === 'disputes'
          ? disputesLedger(world, view, query.filter, deps.personalData)
          : query.form === 'backlog'
            ? backlogLedger(world, view, query.filter, deps.personalData)
            : query.form === 'visits'
              ? visitsLedger(world, view, query.filter, deps.personalData)
              : dutiesLedger(world, view, query.filter);
      return query.communityId === undefined ? { ledger } : { ledger, communityName: communityName(world, query.communityId) };
    }
    case 'kpis': {
      if (query.compare === undefined) return kpis(world, view, query.window, deps.calendar);
      const { figures, comparison } = comparedKpis(world, view, query.window, query.compare, deps.calendar);
      return { ...figures, comparison };
    }
    case 'assessment':
      return assessment(world, view, query.window, deps.calendar);
    case 'campaign':
      return campaignSummary(world, view, query.window, deps.personalData, deps.calendar);
    case 'hotspots':
      return hotspots(world, view, query.window, deps.personalData);
    case 'caseFile': {
      const file = caseFile(world, view, query.caseId, deps.personalData);
      const state = caseById(world, query.caseId);
      return file === undefined || state === undefined ? {} : { file, state: state.status };
    }
    case 'caseList':
      return caseList(world, view, query.filter, deps.personalData);
    case 'communities':
      return communityList(world, query.paging);
    case 'leaders':
      return leaderList(world, query.paging);
    case 'personSearch':
      return personSearch(world, view.asOf, query.search, query.paging, deps.personalData);
    case 'announcement':
      return announcement(world, view, query.period, query.unit);
    case 'personFile': {
      const file = personFile(world, view, query.personId, deps.personalData);
      return file === undefined ? {} : { file };
    }
    case 'screeningReport': {
      if (world.community.get(communityStream(query.communityId))?.status !== 'registered') return {};
      return {
        report: screeningReport(
          world,
          view,
          { communityId: query.communityId, date: query.date, calendar: deps.calendar, ...query.paging },
          deps.personalData,
        ),
      };
    }
  }
};

/** An answer and the log position it is as of (its World holds the events up to it, and none after). */
export interface Answered<K extends QueryKind['kind']> {
  readonly answer: Answers[K];
  readonly position: number;
}

/** Runs the queries: in worker threads (see query-pool.ts), or here. */
export interface Queries {
  readonly run: <Q extends Query>(query: Q) => Promise<Answered<Q['kind']>>;
  /** Gets ready for the first query (a server, once it listens: a worker started and loaded before it is needed). */
  readonly warm?: () => void;
}

/**
 * The queries answered in this thread, from the World a source gives for each; `keysCurrent` (the app
 * database's `keys.current`) is awaited before each renders, so no key erased before the query is used.
 */
export const inProcessQueries = (worlds: WorldSource, deps: AnswerDeps, keysCurrent: () => Promise<void>): Queries => ({
  run: async <Q extends Query>(query: Q) => {
    const { world, position } = await worlds.worldFor(query.shown, query.atLeast);
    await keysCurrent();
    return { answer: answer(world, query, deps) as Answers[Q['kind']], position };
  },
});

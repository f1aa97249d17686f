import type { Context } from 'hono';
import { compareInstants, type Instant } from '@xinfang/domain';
import type { TimeView } from '@xinfang/projections';
import type { Bilingual } from '@xinfang/reports';
import type { AppEnv } from './env';
import { auditor, inspector, office, ownCommunity, roles } from './access';
import { forbidden } from './problem';
import { kinds, param, requiredParam } from './query-params';
import type { Role } from './roles';

/*
 * What every query shares (API.md, "Queries"): the time view (`asOf`, `knownAt`) and paging parameters,
 * the World of that view (after the runner has caught up with the log, so a client reads its own writes),
 * and the community scope of a `community:` token. How parameters are parsed: query-params.ts.
 */

/** `asOf` and `knownAt`, taken by every query of a ledger, a report, a file or the KPIs. */
export const viewParams = {
  asOf: param(
    kinds.instant,
    {
      zh: '业务时间：当时的情况（默认现在；只给日期则为当天结束时）',
      en: 'business time: the world as it stood then (default now; a date means the end of that day)',
    },
    '2024-10-01',
  ),
  knownAt: param(
    kinds.instant,
    {
      zh: '记录时间：系统当时所知（默认现在，日志中有更晚的记录时间时取其最晚者；只给日期则为当天结束时）',
      en: 'recording time: what the system knew then (default now, or the latest recording time in the log if later; a date means the end of that day)',
    },
    '2024-10-05',
  ),
} as const;

/** `limit` and `offset` of a list: by default every row. */
export const pagingParams = {
  limit: param(kinds.count(), { zh: '最多返回的行数（默认全部）', en: 'at most this many rows (default: every row)' }),
  offset: param(kinds.count(), { zh: '跳过的行数', en: 'rows to skip' }),
} as const;

/** A filter by community. */
export const communityParam = param(kinds.id, { zh: '社区（社区角色默认本社区）', en: 'community (a community token defaults to its own)' });

const periodDescriptions = (what: Bilingual) => ({
  from: { zh: `${what.zh}起始日期（含）`, en: `first day of ${what.en} (inclusive)` },
  to: { zh: `${what.zh}截止日期（含）`, en: `last day of ${what.en} (inclusive)` },
});

/** The first and last day of a period, both inclusive: `what` names the period (`登记` / `registration`). */
export const periodParams = (what: Bilingual) => {
  const { from, to } = periodDescriptions(what);
  return { from: param(kinds.date, from), to: param(kinds.date, to) };
};

/** The same, both required. */
export const requiredPeriodParams = (what: Bilingual) => {
  const { from, to } = periodDescriptions(what);
  return { from: requiredParam(kinds.date, from), to: requiredParam(kinds.date, to) };
};

/** What a query answers: the view it reports and derives for, and the events it is answered from. */
export interface QueryView {
  /**
   * `asOf` and `knownAt` as given; left out, `asOf` is now (the server's clock) and `knownAt` now or the
   * latest recording time in the log, if later. This is the view an answer reports, and `asOf` the T that
   * backlog and deadlines are derived for.
   */
  readonly view: TimeView;
  /**
   * The events its World is built from: those `view` shows; but with no `asOf` given, every event recorded,
   * whatever its business time (what is derived as of T still follows T: a case dated after it is not
   * registered yet).
   */
  readonly shown: TimeView;
  /**
   * The log position the runner was waited for: the World must include every event up to it. The log's
   * head as the query came; while the runner is failing, the last position it committed (see `caughtUp`).
   */
  readonly atLeast: number;
}

const laterOf = (a: Instant, b: Instant | undefined): Instant => (b === undefined || compareInstants(a, b) >= 0 ? a : b);

/**
 * Resolves once the projection runner has caught up with everything stored so far (a client reads its own
 * writes), with that position. A runner that is failing never fails a query: it is answered as of the
 * last position the runner committed, which the answer states (`X-Xinfang-Head`, answer-head.ts), and
 * `/health` says why the runner is behind; the runner tries again by itself.
 */
const caughtUp = async (c: Context<AppEnv>): Promise<number> => {
  const { runner, store } = c.var.services;
  const head = await store.headPosition();
  try {
    await runner.waitFor(head);
    return head;
  } catch (error) {
    if (runner.status().state !== 'failed') throw error;
    return runner.position();
  }
};

/**
 * The view of a query. A default of "now" never hides what the log holds: an event recorded by a clock
 * that ran fast (recordedAt ahead of now) would vanish until that time came, and one whose business time
 * was typed years ahead would make every default query replay the whole log (the read model serves only
 * views that hide none of its events) — for the default, the later of now and the log's latest times.
 * T stays now: one event dated ahead does not make every deadline judged as of its date.
 */
export const viewOf = async (c: Context<AppEnv>, q: { readonly asOf?: Instant; readonly knownAt?: Instant }): Promise<QueryView> => {
  const atLeast = await caughtUp(c);
  const now = c.var.services.clock.now();
  const bounds = await c.var.services.worlds.bounds();
  const view = { asOf: q.asOf ?? now, knownAt: q.knownAt ?? laterOf(now, bounds?.maxRecordedAt) };
  return { view, shown: q.asOf === undefined ? { ...view, asOf: laterOf(view.asOf, bounds?.maxOccurredAt) } : view, atLeast };
};

const FIGURES_DENIED =
  '领导账号只能查看本人包案或负责的事项及接访安排表 / a leader token reads only the cases it leads and the duty roster';

/** The roles that read a community's ledgers, reports and KPIs: every one but a leader. */
export const readsFigures = roles([office, auditor, inspector, ownCommunity], FIGURES_DENIED);

/**
 * The community a ledger, report or KPI query is limited to (API.md, "Roles"). Office, auditor and
 * inspector read any community (or all of them, naming none). A `community:` token is limited to its own:
 * naming none means its own, naming another is a 403 — never an empty answer. A leader reads none of
 * them (only the public roster and the cases it leads).
 */
export const communityScope = (role: Role, requested: string | undefined): string | undefined => {
  switch (role.kind) {
    case 'office':
    case 'auditor':
    case 'inspector':
      return requested;
    case 'community':
      if (requested !== undefined && requested !== role.communityId) {
        throw forbidden(
          `社区账号只能查询本社区（${role.communityId}）/ a community token reads only its own community (${role.communityId})`,
        );
      }
      return role.communityId;
    case 'leader':
      // Refused before by the endpoints' roles (`readsFigures`); kept so that no caller of this ever scopes a leader.
      throw forbidden(FIGURES_DENIED);
  }
};

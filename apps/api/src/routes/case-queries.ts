import { Hono, type Context } from 'hono';
import { caseStream, categoryLabels, originLabels, type Category, type ExistingCase, type Origin } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import { caseLedgerStatusLabels, caseListDues, caseListSorts, isVisible, type CaseLedgerStatus } from '@xinfang/projections';
import { permit, roleOf } from '../auth';
import { mayReadCase, mayReadCases } from '../case-access';
import type { AppEnv } from '../env';
import { personalJson } from '../masking';
import { forbidden, notFound } from '../problem';
import { communityScope, pagingParams, params, query, viewOf, viewParams } from '../query-view';
import type { Role } from '../roles';
import { stateAnswerHead } from '../answer-head';

/*
 * `GET /cases/{id}` (一案一册 as of `asOf`/`knownAt`) and `GET /cases/{id}/history` (its events).
 *
 * Who may read a case is decided on the case as it stands now (a leader who leads it now reads its
 * past too), by `mayReadCase`: the office and the auditor every case, a community its own community's,
 * a leader the cases it leads; the inspector none. An inspector is refused before the case is looked
 * up; for the others an unknown case is a 404 and a case they may not read a 403.
 */

const CASE = '信访事项 / case';
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const readsCases = permit(mayReadCases, '纪工委账号不能查看案卷 / an inspector token reads ledgers and KPIs, not case files');

/** The case's stored events and its current state, after the access check. */
const readableCase = async (c: Context<AppEnv>, caseId: string): Promise<{ events: RecordedEvent[]; current: ExistingCase }> => {
  const role = roleOf(c);
  if (!ID.test(caseId)) throw notFound(CASE, caseId);
  const { office, store } = c.var.services;
  const [events, { state }] = await Promise.all([store.readStream(caseStream(caseId)), office.load('case', caseStream(caseId))]);
  if (state.status === 'none') throw notFound(CASE, caseId);
  if (!mayReadCase(role, state)) throw forbidden('无权查看该信访事项 / this role may not read this case');
  return { events, current: state };
};

/** The highest revision among the events a view shows (0 when it shows none). */
const revisionIn = (events: readonly RecordedEvent[], view: Parameters<typeof isVisible>[1]): number =>
  events.reduce((max, event) => (isVisible(event, view) ? Math.max(max, event.meta.revision) : max), 0);

const lastRevision = (events: readonly RecordedEvent[]): number => events[events.length - 1]?.meta.revision ?? 0;

const keysOf = <K extends string>(labels: Readonly<Record<K, string>>): K[] => Object.keys(labels) as K[];

/** The filters of the case list (API.md v1.1, "Lists and look-ups"). */
const caseListParams = {
  ...pagingParams,
  status: params.oneOf<CaseLedgerStatus>(keysOf(caseLedgerStatusLabels)),
  communityId: params.id,
  category: params.oneOf<Category>(keysOf(categoryLabels)),
  origin: params.oneOf<Origin>(keysOf(originLabels)),
  leaderId: params.id,
  due: params.oneOf(caseListDues),
  backlog: params.flag,
  q: params.text(),
  from: params.date,
  to: params.date,
  sort: params.oneOf(caseListSorts),
} as const;

/**
 * The leader a case list is limited to: a leader's own cases (naming another leader is a 403, never an
 * empty list); any the other roles name.
 */
const leaderScope = (role: Role, requested: string | undefined): string | undefined => {
  if (role.kind !== 'leader') return requested;
  if (requested !== undefined && requested !== role.leaderId) {
    throw forbidden(`领导账号只能查看本人负责或包案的事项（${role.leaderId}）/ a leader token lists only the cases it leads (${role.leaderId})`);
  }
  return role.leaderId;
};

export const caseQueries = new Hono<AppEnv>()
  /**
   * The case list, the to-do view: every case registered by now, filtered, sorted (`-registeredAt` by
   * default) and paged, each row as the case stands now. A community sees its own cases, a leader the
   * cases it leads; petitioners masked for every role but the office.
   */
  .get('/', readsCases, query(caseListParams), async (c) => {
    const q = c.req.valid('query');
    const role = roleOf(c);
    const leaderId = leaderScope(role, q.leaderId);
    const communityId = role.kind === 'leader' ? q.communityId : communityScope(role, q.communityId);
    const filter = { ...q, ...(communityId === undefined ? {} : { communityId }), ...(leaderId === undefined ? {} : { leaderId }) };
    const { view, shown, atLeast } = await viewOf(c, {});
    const { answer, position } = await c.var.services.queries.run({ kind: 'caseList', filter, view, shown, atLeast });
    await stateAnswerHead(c, position);
    return personalJson(c, answer);
  })
  /**
   * The case file as of the view, with `state` (the lifecycle of DESIGN.md: registered, accepted,
   * inProgress, resolved, closed, rejected) beside `status` (化解状态 of the forms), `revision` (the
   * stream's revision as the view shows it: for the default view the current one, to send as If-Match)
   * and `latestRevision` (the stream's revision now). A case not registered in the view is a 404.
   */
  .get('/:id', readsCases, query(viewParams), async (c) => {
    const caseId = c.req.param('id');
    const { events } = await readableCase(c, caseId);
    const { view, shown, atLeast } = await viewOf(c, c.req.valid('query'));
    const { answer: { file, state }, position } = await c.var.services.queries.run({ kind: 'caseFile', caseId, view, shown, atLeast });
    await stateAnswerHead(c, position);
    if (file === undefined || state === undefined) {
      throw notFound(CASE, `${caseId} (截至 ${view.asOf}，录入截至 ${view.knownAt} / as of ${view.asOf}, known at ${view.knownAt})`);
    }
    return personalJson(c, {
      ...file,
      state,
      revision: revisionIn(events, shown),
      latestRevision: lastRevision(events),
    });
  })
  /**
   * Every event of the case that the view shows (by default all of them), envelope and metadata, in the
   * stream's order (revision 1 first: the order they were recorded in). Case events hold no personal data
   * (petitioners are `personId` references), so nothing is masked here but by the common walk.
   */
  .get('/:id/history', readsCases, query(viewParams), async (c) => {
    const caseId = c.req.param('id');
    const { events } = await readableCase(c, caseId);
    const { view, shown: visible } = await viewOf(c, c.req.valid('query'));
    const shown = events.filter((event) => isVisible(event, visible));
    return personalJson(c, {
      caseId,
      asOf: view.asOf,
      knownAt: view.knownAt,
      revision: revisionIn(events, visible),
      latestRevision: lastRevision(events),
      total: shown.length,
      events: shown,
    });
  });

import type { Context } from 'hono';
import * as t from 'io-ts';
import { Category, caseStream, Origin, type ExistingCase } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import { caseLedgerStatusLabels, caseListDues, caseListSorts, isVisible } from '@xinfang/projections';
import { roleOf } from '../auth';
import { mayReadCase, readsCases } from '../case-access';
import { resource } from '../endpoint';
import type { AppEnv } from '../env';
import { personalJson } from '../masking';
import { forbidden, notFound } from '../problem';
import { kinds, param } from '../query-params';
import { communityParam, communityScope, pagingParams, periodParams, viewOf, viewParams } from '../query-view';
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

/** The filters of the case list (API.md v1.1, "Lists and look-ups"). */
const caseListParams = {
  status: param(kinds.keyOf(t.keyof(caseLedgerStatusLabels)), { zh: '化解状态', en: 'status' }),
  communityId: communityParam,
  category: param(kinds.keyOf(Category), { zh: '类型', en: 'category' }),
  origin: param(kinds.keyOf(Origin), { zh: '来源', en: 'origin' }),
  leaderId: param(kinds.id, { zh: '责任领导或包案领导', en: 'the assignment’s or a package leader' }),
  due: param(kinds.oneOf(caseListDues), { zh: 'overdue 已超期；soon 3 天内到期', en: 'overdue, or soon: due within 3 days' }),
  backlog: param(kinds.flag, { zh: '仅积案', en: 'only cases in the backlog' }),
  q: param(kinds.text(), { zh: '事项编号、基本情况或诉求中的文字', en: 'text in the case id, summary or demands' }),
  ...periodParams({ zh: '登记', en: 'registration' }),
  sort: param(kinds.oneOf(caseListSorts, '-registeredAt'), { zh: '排序', en: 'order' }),
  ...pagingParams,
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

export const caseQueries = resource('/cases')
  /**
   * The case list, the to-do view: every case registered by now, filtered, sorted (`-registeredAt` by
   * default) and paged, each row as the case stands now. A community sees its own cases, a leader the
   * cases it leads; petitioners masked for every role but the office.
   */
  .on(
    {
      method: 'GET',
      path: '/',
      operationId: 'listCases',
      tag: 'cases',
      summary: { zh: '事项列表（待办）：筛选、排序、分页', en: 'The case list (the to-do view): filtered, sorted, paged' },
      notes: {
        zh: '社区角色只见本社区，领导只见其负责或包案的事项；信访人信息除信访办外均脱敏。',
        en: 'A community sees its own cases, a leader the cases it leads; petitioners masked for every role but the office.',
      },
      query: caseListParams,
      success: 200,
      reply: 'object',
      roles: readsCases,
    },
    async (c) => {
    const q = c.req.valid('query');
    const role = roleOf(c);
    const leaderId = leaderScope(role, q.leaderId);
    const communityId = role.kind === 'leader' ? q.communityId : communityScope(role, q.communityId);
    const filter = { ...q, ...(communityId === undefined ? {} : { communityId }), ...(leaderId === undefined ? {} : { leaderId }) };
    const { view, shown, atLeast } = await viewOf(c, {});
    const { answer, position } = await c.var.services.queries.run({ kind: 'caseList', filter, view, shown, atLeast });
    await stateAnswerHead(c, position);
    return personalJson(c, answer);
    },
  )
  /**
   * The case file as of the view, with `state` (the lifecycle of DESIGN.md: registered, accepted,
   * inProgress, resolved, closed, rejected) beside `status` (化解状态 of the forms), `revision` (the
   * stream's revision as the view shows it: for the default view the current one, to send as If-Match)
   * and `latestRevision` (the stream's revision now). A case not registered in the view is a 404.
   */
  .on(
    {
      method: 'GET',
      path: '/{id}',
      operationId: 'getCase',
      tag: 'cases',
      summary: { zh: '事项详情：状态、时限、积案原因、信访人、版本', en: 'A case: state, deadline, backlog reasons, petitioners, revision' },
      query: viewParams,
      success: 200,
      reply: 'object',
      roles: readsCases,
    },
    async (c) => {
    const caseId = c.req.valid('param').id;
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
    },
  )
  /**
   * Every event of the case that the view shows (by default all of them), envelope and metadata, in the
   * stream's order (revision 1 first: the order they were recorded in). Case events hold no personal data
   * (petitioners are `personId` references), so nothing is masked here but by the common walk.
   */
  .on(
    {
      method: 'GET',
      path: '/{id}/history',
      operationId: 'getCaseHistory',
      tag: 'cases',
      summary: { zh: '事项的全部事件及元数据（按时间先后）', en: 'Every event of the case with its metadata, oldest first' },
      query: viewParams,
      success: 200,
      reply: 'object',
      roles: readsCases,
    },
    async (c) => {
    const caseId = c.req.valid('param').id;
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
    },
  );

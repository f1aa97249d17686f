import { isIdNumber } from '@xinfang/domain';
import { findPersonIds } from '@xinfang/projections';
import { auditor, lets, office, roles } from '../access';
import { resource } from '../endpoint';
import { personalJson } from '../masking';
import { notFound } from '../problem';
import type { Role } from '../roles';
import { kinds, requiredParam } from '../query-params';
import { idNumberDigest } from '../personal-data';
import { pagingParams, viewOf, viewParams } from '../query-view';
import { stateAnswerHead } from '../answer-head';

/*
 * `GET /persons?q=` (API.md v1.1): the office finds a petitioner's file by a part of the name or the phone
 * number, or by the whole id number — matched through its keyed hash, as a returning petitioner is, never
 * by reading every file's id number. Only the office: the answer names people, and no other role sees names.
 *
 * `GET /persons/{id}`: 一人一档 as of `asOf`/`knownAt` — the petitioner's data (masked for every role but
 * the office; `[已删除]` once forgotten) and every case and visit they are on.
 *
 * Who may read it: the office and the auditor. API.md gives a community its ledgers, reports and KPIs
 * and a leader the cases it leads, never a person's file, which spans every community and case a
 * petitioner ever came with; the inspector reads ledgers and KPIs only. So everyone else gets a 403.
 */

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const readsPersons = roles([office, auditor], '只有信访办和审计可以查看一人一档 / only the office and the auditor read person files');
export const mayReadPersons = (role: Role): boolean => lets(readsPersons, role);
const searchesPersons = roles([office], '只有信访办可以查找信访人 / only the office searches for petitioners');

export const personQueries = resource('/persons')
  .on(
    {
      method: 'GET',
      path: '/',
      operationId: 'findPersons',
      tag: 'persons',
      summary: { zh: '按姓名、电话或身份证号查找信访人', en: 'Find petitioners by name, phone or id number' },
      notes: {
        zh: '身份证号须完整，经其密钥散列匹配，从不明文扫描。',
        en: 'An id number must be whole: it is matched through its keyed hash, never by a plaintext scan.',
      },
      query: {
        q: requiredParam(kinds.text(50), { zh: '姓名或电话的一部分，或完整身份证号', en: 'part of a name or phone, or a whole id number' }),
        ...pagingParams,
      },
      success: 200,
      reply: 'object',
      roles: searchesPersons,
    },
    async (c) => {
    const { q: text, limit, offset } = c.req.valid('query');
    const idNumber = text.toUpperCase();
    const { view, shown, atLeast } = await viewOf(c, {});
    // After viewOf: the person index holds every file recorded so far.
    const search = isIdNumber(idNumber)
      ? { by: 'personIds' as const, personIds: await findPersonIds(c.var.services.readModels, idNumberDigest(await c.var.services.database.keys.matchingSecret(), idNumber)) }
      : { by: 'text' as const, text };
    const paging = { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) };
    const { answer } = await c.var.services.queries.run({ kind: 'personSearch', search, paging, view, shown, atLeast });
    return personalJson(c, answer);
    },
  )
  .on(
    {
      method: 'GET',
      path: '/{id}',
      operationId: 'getPerson',
      tag: 'persons',
      summary: { zh: '一人一档：其事项与来访', en: 'The person’s file: their cases and visits' },
      query: viewParams,
      success: 200,
      reply: 'object',
      roles: readsPersons,
    },
    async (c) => {
  const personId = c.req.valid('param').id;
  const what = '信访人 / person';
  if (!ID.test(personId)) throw notFound(what, personId);
  const { view, shown, atLeast } = await viewOf(c, c.req.valid('query'));
  const { answer: { file }, position } = await c.var.services.queries.run({ kind: 'personFile', personId, view, shown, atLeast });
  await stateAnswerHead(c, position);
  if (file === undefined) throw notFound(what, personId);
  return personalJson(c, file);
  },
);

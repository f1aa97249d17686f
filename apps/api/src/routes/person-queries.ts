import { Hono } from 'hono';
import { permit } from '../auth';
import type { AppEnv } from '../env';
import { personalJson } from '../masking';
import { notFound } from '../problem';
import type { Role } from '../roles';
import { query, viewOf, viewParams } from '../query-view';
import { stateAnswerHead } from '../answer-head';

/*
 * `GET /persons/{id}`: 一人一档 as of `asOf`/`knownAt` — the petitioner's data (masked for every role but
 * the office; `[已删除]` once forgotten) and every case and visit they are on.
 *
 * Who may read it: the office and the auditor. API.md gives a community its ledgers, reports and KPIs
 * and a leader the cases it leads, never a person's file, which spans every community and case a
 * petitioner ever came with; the inspector reads ledgers and KPIs only. So everyone else gets a 403.
 */

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const mayReadPersons = (role: Role): boolean => role.kind === 'office' || role.kind === 'auditor';

const PERSONS_DENIED = '只有信访办和审计可以查看一人一档 / only the office and the auditor read person files';

export const personQueries = new Hono<AppEnv>().get('/:id', permit(mayReadPersons, PERSONS_DENIED), query(viewParams), async (c) => {
  const personId = c.req.param('id');
  const what = '信访人 / person';
  if (!ID.test(personId)) throw notFound(what, personId);
  const { view, shown, atLeast } = await viewOf(c, c.req.valid('query'));
  const { answer: { file }, position } = await c.var.services.queries.run({ kind: 'personFile', personId, view, shown, atLeast });
  await stateAnswerHead(c, position);
  if (file === undefined) throw notFound(what, personId);
  return personalJson(c, file);
});

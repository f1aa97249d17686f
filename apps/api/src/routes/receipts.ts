import { caseErrors, caseStream } from '@xinfang/domain';
import { officeOnly } from '../access';
import { roleOf } from '../auth';
import { mayGiveReceipt, registersCases } from '../case-access';
import { resource } from '../endpoint';
import { forbidden, fromDomainError } from '../problem';
import type { Context } from 'hono';
import type { AppEnv } from '../env';

/*
 * The receipt (回执) a petitioner takes home: `POST /cases/{id}/receipt` issues its query code, shown this
 * once (only its hash is kept) — a new one ends the one before, so a lost receipt is replaced, not added
 * to; `POST /cases/{id}/receipt/revocation` ends the case's code without a new one. Whoever registers the
 * case gives the receipt: the office, or the case's own community.
 */

/** The path a code's holder asks (public, no token). */
export const statusPath = (code: string): string => `/public/status/${code}`;

/** The case, after the check that this caller may give its receipt. */
const caseForReceipt = async (c: Context<AppEnv>, caseId: string) => {
  const { state } = await c.var.services.office.load('case', caseStream(caseId));
  if (state.status === 'none') throw fromDomainError(caseErrors.caseNotFound(caseId));
  if (!mayGiveReceipt(roleOf(c), state)) {
    throw forbidden('社区只能为本社区的事项出具回执 / a community gives receipts for its own cases only');
  }
  return state;
};

export const receipts = resource('/cases')
  .on(
    {
      method: 'POST',
      path: '/{id}/receipt',
      operationId: 'issueReceipt',
      tag: 'cases',
      summary: { zh: '出具回执：生成查询码（仅此一次显示）', en: 'Issue the receipt: a new query code (shown this once)' },
      notes: {
        zh: '查询码不是事项编号，不可猜测，只保存其哈希；新码生效时旧码作废。信访人凭码在 /status 页面或 GET /public/status/{code} 查询进度。',
        en: 'The code is not the case id and cannot be guessed; only its hash is kept; a new code revokes the earlier one. The petitioner checks progress on /status or GET /public/status/{code}.',
      },
      success: 201,
      reply: 'object',
      roles: registersCases,
    },
    async (c) => {
      const { id } = c.req.valid('param');
      await caseForReceipt(c, id);
      const issuedAt = c.var.services.clock.now();
      const { code } = await c.var.services.database.receipts.issue(id, issuedAt);
      return c.json({ caseId: id, code, issuedAt, statusPath: statusPath(code), statusPage: '/status' }, 201);
    },
  )
  .on(
    {
      method: 'POST',
      path: '/{id}/receipt/revocation',
      operationId: 'revokeReceipt',
      tag: 'cases',
      summary: { zh: '作废查询码', en: 'Revoke the case’s query code' },
      success: 200,
      reply: 'object',
      roles: officeOnly,
    },
    async (c) => {
      const { id } = c.req.valid('param');
      await caseForReceipt(c, id);
      const revoked = await c.var.services.database.receipts.revoke(id, c.var.services.clock.now());
      return c.json({ caseId: id, revoked });
    },
  );

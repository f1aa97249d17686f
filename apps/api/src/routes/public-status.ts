import { resource } from '../endpoint';
import { badRequest, tooManyRequests, unknownCode } from '../problem';
import { clientOf, lookUpStatus } from '../public-status';

/*
 * `GET /public/status/{code}` (at the root, no token): the status of the case a receipt's query code names
 * — stage, dates, deadline, handling unit, the notices printed — and nothing of the petitioner or the
 * matter. A malformed, unknown or revoked code is a failed guess; after `PUBLIC_LIMITS.failedGuesses` of
 * them a client is refused (429 with Retry-After) until its window ends.
 */

export const publicStatus = resource('/public/status', { root: true }).on(
  {
    method: 'GET',
    path: '/{code}',
    operationId: 'publicStatus',
    tag: 'system',
    summary: { zh: '凭回执查询码查询办理进度（公开）', en: 'The status of a case, by the query code on its receipt (public)' },
    notes: {
      zh: '只答办理阶段、日期、期限、承办单位和已出具的告知书种类；不含信访人信息和事项内容。查询码错误过多时拒绝（429，Retry-After）。',
      en: 'Answers only the stage, dates, deadline, handling unit and the kinds of notice printed; never the petitioner or the matter. Too many wrong codes: 429 with Retry-After.',
    },
    success: 200,
    reply: 'object',
    roles: 'public',
  },
  async (c) => {
    c.header('cache-control', 'no-store');
    const found = await lookUpStatus(c.var, clientOf(c), c.req.param('code') ?? '');
    switch (found.kind) {
      case 'limited':
        throw tooManyRequests(found.retryAfter);
      case 'malformed':
        throw badRequest([{ path: 'code', message: '查询码应为回执上的 16 位字母数字（可含短横线）/ expected the 16 letters and digits on the receipt (dashes allowed)' }]);
      case 'unknown':
        throw unknownCode();
      case 'found':
        return c.json(found.status);
    }
  },
);

import { leaderStream, RegisterLeaderBody } from '@xinfang/domain';
import { everyRole, officeOnly } from '../access';
import { commandContext, commandReply } from '../command-context';
import { resource } from '../endpoint';
import { pagingParams, viewOf } from '../query-view';
import { requireUnit } from '../references';

/**
 * `GET /leaders` (API.md v1.1) and `POST /leaders`: reference data, the office's to keep. `unit` must be the subdistrict or a registered
 * community: the communities are the first thing an office types in. (A leader may still be typed in
 * after the visits that name it: see `REFERENCE_DATA_TIME` in the domain.)
 */
export const leaders = resource('/leaders')
  .on(
    {
      method: 'POST',
      path: '/',
      operationId: 'registerLeader',
      tag: 'reference',
      summary: { zh: '登记领导干部', en: 'Register a leader' },
      body: RegisterLeaderBody,
      fieldNotes: {
        unit: '"subdistrict"（街道）或社区标识 / "subdistrict" or a communityId',
        principal: '党政主要领导 / principal Party or government leader',
        firstGridLeader: '第一网格长 / first grid leader',
      },
      example: { leaderId: 'L01', name: '王建国', position: '街道党工委书记', portfolio: '全面工作', unit: 'subdistrict', principal: true },
      success: 201,
      reply: 'command',
      roles: officeOnly,
    },
    async (c) => {
      const body = c.req.valid('json');
      await requireUnit(c.var.services.office, body.unit);
      const streamId = leaderStream(body.leaderId);
      const result = await c.var.services.office.execute('leader', streamId, { type: 'RegisterLeader', data: body }, commandContext(c));
      return commandReply(c, body.leaderId, result, 201);
    },
  )
  /** The leaders (position, portfolio, unit) as they stand now (what a form offers to pick from): every role may read it. */
  .on(
    {
      method: 'GET',
      path: '/',
      operationId: 'listLeaders',
      tag: 'reference',
      summary: { zh: '领导列表：职务、分管工作、单位', en: 'The leaders: position, portfolio, unit' },
      query: pagingParams,
      success: 200,
      reply: 'object',
      roles: everyRole,
    },
    async (c) => {
      const { view, shown, atLeast } = await viewOf(c, {});
      const { answer } = await c.var.services.queries.run({ kind: 'leaders', paging: c.req.valid('query'), view, shown, atLeast });
      return c.json(answer);
    },
  );

import { communityStream, RegisterCommunityBody } from '@xinfang/domain';
import { everyRole, officeOnly } from '../access';
import { commandContext, commandReply } from '../command-context';
import { resource } from '../endpoint';
import { pagingParams, viewOf } from '../query-view';

/** `GET /communities` (API.md v1.1) and `POST /communities`: reference data, the office's to keep. */
export const communities = resource('/communities')
  .on(
    {
      method: 'POST',
      path: '/',
      operationId: 'registerCommunity',
      tag: 'reference',
      summary: { zh: '登记社区及其网格', en: 'Register a community and its grids' },
      body: RegisterCommunityBody,
      example: { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] },
      success: 201,
      reply: 'command',
      roles: officeOnly,
    },
    async (c) => {
      const body = c.req.valid('json');
      const result = await c.var.services.office.execute(
        'community',
        communityStream(body.communityId),
        { type: 'RegisterCommunity', data: body },
        commandContext(c),
      );
      return commandReply(c, body.communityId, result, 201);
    },
  )
  /** The communities and their grids as they stand now (what a form offers to pick from): every role may read it. */
  .on(
    {
      method: 'GET',
      path: '/',
      operationId: 'listCommunities',
      tag: 'reference',
      summary: { zh: '社区及其网格列表', en: 'The communities and their grids' },
      query: pagingParams,
      success: 200,
      reply: 'object',
      roles: everyRole,
    },
    async (c) => {
      const { view, shown, atLeast } = await viewOf(c, {});
      const { answer } = await c.var.services.queries.run({ kind: 'communities', paging: c.req.valid('query'), view, shown, atLeast });
      return c.json(answer);
    },
  );

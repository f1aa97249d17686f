import { Hono } from 'hono';
import { communityStream, RegisterCommunityBody } from '@xinfang/domain';
import { isOffice, permit } from '../auth';
import { commandContext, commandReply } from '../command-context';
import type { AppEnv } from '../env';
import { pagingParams, query, viewOf, noQuery } from '../query-view';
import { jsonBody } from '../validator';

/** `GET /communities` (API.md v1.1) and `POST /communities`: reference data, the office's to keep. */
export const communities = new Hono<AppEnv>()
  /** The communities and their grids as they stand now (what a form offers to pick from): every role may read it. */
  .get('/', query(pagingParams), async (c) => {
    const { view, shown, atLeast } = await viewOf(c, {});
    const { answer } = await c.var.services.queries.run({ kind: 'communities', paging: c.req.valid('query'), view, shown, atLeast });
    return c.json(answer);
  })
  .post('/', permit(isOffice), noQuery, jsonBody(RegisterCommunityBody), async (c) => {
    const body = c.req.valid('json');
    const result = await c.var.services.office.execute(
      'community',
      communityStream(body.communityId),
      { type: 'RegisterCommunity', data: body },
      commandContext(c),
    );
    return commandReply(c, body.communityId, result, 201);
  });

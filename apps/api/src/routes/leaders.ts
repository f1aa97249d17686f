import { Hono } from 'hono';
import { leaderStream, RegisterLeaderBody } from '@xinfang/domain';
import { isOffice, permit } from '../auth';
import { commandContext, commandReply } from '../command-context';
import type { AppEnv } from '../env';
import { pagingParams, query, viewOf, noQuery } from '../query-view';
import { requireUnit } from '../references';
import { jsonBody } from '../validator';

/**
 * `GET /leaders` (API.md v1.1) and `POST /leaders`: reference data, the office's to keep. `unit` must be the subdistrict or a registered
 * community: the communities are the first thing an office types in. (A leader may still be typed in
 * after the visits that name it: see `REFERENCE_DATA_TIME` in the domain.)
 */
export const leaders = new Hono<AppEnv>()
  /** The leaders (position, portfolio, unit) as they stand now (what a form offers to pick from): every role may read it. */
  .get('/', query(pagingParams), async (c) => {
    const { view, shown, atLeast } = await viewOf(c, {});
    const { answer } = await c.var.services.queries.run({ kind: 'leaders', paging: c.req.valid('query'), view, shown, atLeast });
    return c.json(answer);
  })
  .post('/', permit(isOffice), noQuery, jsonBody(RegisterLeaderBody), async (c) => {
    const body = c.req.valid('json');
    await requireUnit(c.var.services.office, body.unit);
    const streamId = leaderStream(body.leaderId);
    const result = await c.var.services.office.execute('leader', streamId, { type: 'RegisterLeader', data: body }, commandContext(c));
    return commandReply(c, body.leaderId, result, 201);
  });

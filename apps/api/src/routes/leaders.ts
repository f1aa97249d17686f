import { Hono } from 'hono';
import { leaderStream, RegisterLeaderBody } from '@xinfang/domain';
import { isOffice, permit } from '../auth';
import { commandContext, commandReply } from '../command-context';
import type { AppEnv } from '../env';
import { jsonBody } from '../validator';

/**
 * `POST /leaders`: reference data, the office's to keep. `unit` is not looked up: reference data may be
 * typed in after the duties and visits that name it (see `REFERENCE_DATA_TIME` in the domain).
 */
export const leaders = new Hono<AppEnv>().post('/', permit(isOffice), jsonBody(RegisterLeaderBody), async (c) => {
  const body = c.req.valid('json');
  const streamId = leaderStream(body.leaderId);
  const result = await c.var.services.office.execute('leader', streamId, { type: 'RegisterLeader', data: body }, commandContext(c));
  return commandReply(c, body.leaderId, result, 201);
});

import { Hono } from 'hono';
import { leaderStream, RegisterLeaderBody } from '@xinfang/domain';
import { isOffice, permit } from '../auth';
import { commandContext, commandReply } from '../command-context';
import type { AppEnv } from '../env';
import { requireUnit } from '../references';
import { jsonBody } from '../validator';

/**
 * `POST /leaders`: reference data, the office's to keep. `unit` must be the subdistrict or a registered
 * community: the communities are the first thing an office types in. (A leader may still be typed in
 * after the visits that name it: see `REFERENCE_DATA_TIME` in the domain.)
 */
export const leaders = new Hono<AppEnv>().post('/', permit(isOffice), jsonBody(RegisterLeaderBody), async (c) => {
  const body = c.req.valid('json');
  await requireUnit(c.var.services.office, body.unit);
  const streamId = leaderStream(body.leaderId);
  const result = await c.var.services.office.execute('leader', streamId, { type: 'RegisterLeader', data: body }, commandContext(c));
  return commandReply(c, body.leaderId, result, 201);
});

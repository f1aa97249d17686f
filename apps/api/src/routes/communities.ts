import { Hono } from 'hono';
import { communityStream, RegisterCommunityBody } from '@xinfang/domain';
import { isOffice, permit } from '../auth';
import { commandContext, commandReply } from '../command-context';
import type { AppEnv } from '../env';
import { jsonBody } from '../validator';

/** `POST /communities`: reference data, the office's to keep. */
export const communities = new Hono<AppEnv>().post('/', permit(isOffice), jsonBody(RegisterCommunityBody), async (c) => {
  const body = c.req.valid('json');
  const result = await c.var.services.office.execute(
    'community',
    communityStream(body.communityId),
    { type: 'RegisterCommunity', data: body },
    commandContext(c),
  );
  return commandReply(c, body.communityId, result, 201);
});

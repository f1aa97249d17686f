import { Hono } from 'hono';
import { personStream } from '@xinfang/domain';
import { isOffice, permit } from '../auth';
import { commandContext, commandReply } from '../command-context';
import type { AppEnv } from '../env';
import { noQuery } from '../query-view';
import { priorResult } from '../command-context';
import { idParam } from '../validator';

/**
 * `DELETE /persons/{id}`: forgets a petitioner (the office only). The erasure is recorded at the clock's
 * now and the person's key destroyed: the events stay (the hash chain still verifies), their personal
 * data reads `[已删除]`. An unknown person is a 404 (`personNotFound`); erasing an erased person again is
 * a 422 (`personAlreadyErased`) — the erasure is a fact with a time, not a state to set twice — while a
 * retry with the same Idempotency-Key returns the first answer.
 */
export const persons = new Hono<AppEnv>().delete('/:id', permit(isOffice), noQuery, idParam, async (c) => {
  const { id } = c.req.valid('param');
  const context = commandContext(c);
  const { office, clock } = c.var.services;
  const prior = await priorResult(c, context, (r) => r.streamId === personStream(id));
  const result = prior ?? (await office.erasePerson(id, clock.now(), context));
  return commandReply(c, id, result, 200);
});

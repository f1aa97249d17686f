import { Hono } from 'hono';
import { RecordVisitBody, VisitRecorded } from '@xinfang/domain';
import type { CommandResult } from '@xinfang/event-store';
import { permit, roleOf } from '../auth';
import { mayRecordVisits } from '../case-access';
import { commandContext, commandReply, priorResult } from '../command-context';
import type { AppEnv } from '../env';
import { noQuery } from '../query-view';
import { jsonBody } from '../validator';
import { caseIdOf, recordVisit } from '../registration';

/** The visit a command recorded (its `VisitRecorded` event), if it recorded one. */
const visitIdOf = (result: CommandResult): string | undefined => {
  for (const event of result.events) if (VisitRecorded.is(event)) return event.data.visitId;
  return undefined;
};

/**
 * `POST /visits` (来访登记). With `caseId` the visit is recorded on that existing case (404 if there is
 * none), as a repeat petition when the case already had a visit or was resolved; without it, a new case
 * with origin `visit` is registered. 201 `{id: visitId, caseId, revision, position}`.
 */
export const visits = new Hono<AppEnv>().post('/', permit(mayRecordVisits), noQuery, jsonBody(RecordVisitBody), async (c) => {
  const context = commandContext(c);
  const prior = await priorResult(c, context, (r) => visitIdOf(r) !== undefined);
  if (prior !== undefined) return commandReply(c, visitIdOf(prior) ?? '', prior, 201, { caseId: caseIdOf(prior) });
  const { visitId, caseId, result } = await recordVisit(c.var.services, roleOf(c), c.req.valid('json'), context);
  return commandReply(c, visitId, result, 201, { caseId });
});

import { Hono } from 'hono';
import { caseStream, RecordVisitBody, VisitRecorded, type CaseCommand, type PetitionerRef } from '@xinfang/domain';
import type { CommandResult } from '@xinfang/event-store';
import { allow, permit } from '../auth';
import { mayRecordVisit, mayRecordVisits } from '../case-access';
import { commandContext, commandReply, idOrNew, priorResult } from '../command-context';
import type { AppEnv } from '../env';
import { noQuery } from '../query-view';
import { requireCommunity } from '../references';
import { jsonBody } from '../validator';
import { caseIdOf, pendingRefs, refuseEarly } from './cases';

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
  const body = c.req.valid('json');
  const context = commandContext(c);
  const prior = await priorResult(c, context, (r) => visitIdOf(r) !== undefined);
  if (prior !== undefined) {
    return commandReply(c, visitIdOf(prior) ?? '', prior, 201, { caseId: caseIdOf(prior) });
  }

  const { office } = c.var.services;
  const { caseId: named, visitId: chosen, petitioners, ...fields } = body;
  const caseId = idOrNew(context, named, 'c');
  const visitId = idOrNew(context, chosen, 'v');
  const streamId = caseStream(caseId);
  const loaded = await office.load('case', streamId);
  allow(
    c,
    (role) => mayRecordVisit(role, body, loaded.state.status === 'none' ? undefined : loaded.state),
    '只能登记本人接待或本社区的来访 / only visits you received, or of your own community',
  );
  if (body.communityId !== undefined) await requireCommunity(office, body.communityId);
  const record = (refs: PetitionerRef[]): CaseCommand => ({
    type: 'RecordVisit',
    data: { ...fields, caseId, visitId, petitioners: refs, ...(named === undefined ? {} : { onExistingCase: true }) },
  });
  await refuseEarly(c, loaded, streamId, record(pendingRefs(petitioners)), petitioners, context);
  const result = await office.executeWithPetitioners(streamId, petitioners, body.receivedAt, record, context);
  return commandReply(c, visitId, result, 201, { caseId });
});

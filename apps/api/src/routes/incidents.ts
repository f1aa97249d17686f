import { caseStream, domainError, incidentStream, RecordIncidentBody } from '@xinfang/domain';
import { officeOnly } from '../access';
import { commandContext, commandReply, idOrNew } from '../command-context';
import { resource } from '../endpoint';
import { fromDomainError, keyReused } from '../problem';

/**
 * `POST /incidents`: an incident against the "三个不发生" goal, recorded by the office. A `caseId`, when
 * given, must name an existing case (422 `unknownCase` otherwise): a record must not point at nothing.
 */
export const incidents = resource('/incidents').on(
  {
    method: 'POST',
    path: '/',
    operationId: 'recordIncident',
    tag: 'incidents',
    summary: { zh: '记录"三个不发生"事件', en: 'Record an incident' },
    body: RecordIncidentBody,
    success: 201,
    reply: 'command',
    roles: officeOnly,
  },
  async (c) => {
    const body = c.req.valid('json');
    const context = commandContext(c);
    const { office } = c.var.services;
    if (body.caseId !== undefined && (await office.load('case', caseStream(body.caseId))).state.status === 'none')
      throw fromDomainError(domainError('unknownCase', '所涉事项不存在', 'the case does not exist', { caseId: body.caseId }));
    const incidentId = idOrNew(context, body.incidentId, 'incident');
    const streamId = incidentStream(incidentId);
    const result = await office.execute('incident', streamId, { type: 'RecordIncident', data: { ...body, incidentId } }, context);
    // A retry (same Idempotency-Key) finds the first command's result: it must be this kind of command (and
    // on this stream, when the client chose the id); its reply carries the id recorded then.
    if (result.events[0]?.type !== 'IncidentRecorded' || (body.incidentId !== undefined && result.streamId !== streamId))
      throw keyReused();
    return commandReply(c, result.streamId.slice(incidentStream('').length), result, 201);
  },
);

import { inspectionStream, RecordInspectionBody, RecordRectificationBody } from '@xinfang/domain';
import { inspector, office, roles } from '../access';
import { commandContext, commandReply, idOrNew } from '../command-context';
import { resource } from '../endpoint';
import { keyReused } from '../problem';
import { requireUnit } from '../references';

/*
 * `POST /inspections` (a supervision finding on a unit) and `POST /inspections/{id}/rectification`: the
 * 纪工委 (`inspector`) records them, and the office (which may do everything) too. A rectification of an
 * unknown inspection is a 404 (the domain's `inspectionNotFound`).
 */

const inspects = roles([office, inspector]);

export const inspections = resource('/inspections')
  .on(
    {
      method: 'POST',
      path: '/',
      operationId: 'recordInspection',
      tag: 'inspections',
      summary: { zh: '记录督查发现的问题', en: 'Record an inspection finding' },
      body: RecordInspectionBody,
      example: { unit: 'qinghua', finding: '排查报送不及时', at: '2024-09-20T10:00:00+08:00', dueDate: '2024-09-30' },
      success: 201,
      reply: 'command',
      roles: inspects,
    },
    async (c) => {
    const body = c.req.valid('json');
    const context = commandContext(c);
    await requireUnit(c.var.services.office, body.unit);
    const inspectionId = idOrNew(context, body.inspectionId, 'inspection');
    const streamId = inspectionStream(inspectionId);
    const result = await c.var.services.office.execute(
      'inspection',
      streamId,
      { type: 'RecordInspection', data: { ...body, inspectionId } },
      context,
    );
    // A retry (same Idempotency-Key) finds the first command's result: it must be this kind of command
    // (and on this stream, when the client chose the id); its reply carries the id recorded then.
    if (result.events[0]?.type !== 'InspectionRecorded' || (body.inspectionId !== undefined && result.streamId !== streamId))
      throw keyReused();
    return commandReply(c, result.streamId.slice(inspectionStream('').length), result, 201);
    },
  )
  .on(
    {
      method: 'POST',
      path: '/{id}/rectification',
      operationId: 'recordRectification',
      tag: 'inspections',
      summary: { zh: '记录整改情况', en: 'Record a rectification' },
      body: RecordRectificationBody,
      success: 200,
      reply: 'command',
      roles: inspects,
    },
    async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const streamId = inspectionStream(id);
    const result = await c.var.services.office.execute(
      'inspection',
      streamId,
      { type: 'RecordRectification', data: { ...body, inspectionId: id } },
      commandContext(c),
    );
    if (result.streamId !== streamId || result.events[0]?.type !== 'RectificationRecorded') throw keyReused();
    return commandReply(c, id, result, 200);
    },
  );

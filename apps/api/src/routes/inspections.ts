import { Hono } from 'hono';
import { inspectionStream, RecordInspectionBody, RecordRectificationBody } from '@xinfang/domain';
import { permit } from '../auth';
import { commandContext, commandReply, idOrNew } from '../command-context';
import type { AppEnv } from '../env';
import { noQuery } from '../query-view';
import { keyReused } from '../problem';
import { requireUnit } from '../references';
import type { Role } from '../roles';
import { idParam, jsonBody } from '../validator';

/*
 * `POST /inspections` (a supervision finding on a unit) and `POST /inspections/{id}/rectification`: the
 * 纪工委 (`inspector`) records them, and the office (which may do everything) too. A rectification of an
 * unknown inspection is a 404 (the domain's `inspectionNotFound`).
 */

const mayInspect = (role: Role): boolean => role.kind === 'office' || role.kind === 'inspector';

export const inspections = new Hono<AppEnv>()
  .post('/', permit(mayInspect), noQuery, jsonBody(RecordInspectionBody), async (c) => {
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
  })
  .post('/:id/rectification', permit(mayInspect), noQuery, idParam, jsonBody(RecordRectificationBody), async (c) => {
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
  });

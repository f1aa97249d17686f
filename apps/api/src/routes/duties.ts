import { Hono } from 'hono';
import {
  AnnounceRosterBody,
  domainError,
  dutyStream,
  isoWeekOf,
  MarkDutyMissedBody,
  mondayOf,
  ScheduleDutyBody,
} from '@xinfang/domain';
import type { CommandResult } from '@xinfang/event-store';
import { findDutyStreams, findDutyStreamsThroughTail } from '@xinfang/projections';
import { isOffice, permit } from '../auth';
import { commandContext, commandReply, idOrNew } from '../command-context';
import type { AppEnv } from '../env';
import { badQuery, fromDomainError, keyReused, notFound } from '../problem';
import { params, query, viewOf, noQuery } from '../query-view';
import { readModelsCurrent } from '../read-models-current';
import { requireUnit } from '../references';
import type { Services } from '../services';
import { idParam, jsonBody } from '../validator';

/*
 * The reception roster (接访安排, 附件4): `POST /duties` (one slot), `POST /duties/{id}/missed` (the
 * leader could not come; a substitute may keep the slot) and `POST /duties/announcements` (the week's
 * roster was made public). A slot lives in its unit's week, `duty-<unit>-<isoWeek>`; the dutyId → stream
 * index of the projections finds it from the id alone.
 *
 * Roles: the office only. API.md's roles table gives a community token cases, visits and screening
 * reports for its community, not the roster, so a community's roster is kept by the office too (every
 * role may *read* it, `GET /ledgers/duties`).
 */

/** The result is what this request asked for: a retry (same Idempotency-Key) finds the first command's. */
/** The rosters a dutyId is scheduled in, as of the log's head (through the tail while the runner is failing). */
const dutyStreamsNow = async (services: Services, dutyId: string): Promise<readonly string[]> =>
  (await readModelsCurrent(services))
    ? findDutyStreams(services.readModels, dutyId)
    : findDutyStreamsThroughTail(services.store, services.readModels, dutyId);

const expectRecorded = (result: CommandResult, streamId: string, type: string): void => {
  if (result.streamId !== streamId || result.events[0]?.type !== type) throw keyReused();
};

/** The dutyId of what was recorded: for a retried request, the first response's, not a newly made one. */
const recordedDutyId = (result: CommandResult): string | undefined => {
  const data = result.events[0]?.data as { dutyId?: unknown } | undefined;
  return typeof data?.dutyId === 'string' ? data.dutyId : undefined;
};

const ONE_PERIOD = '应给出 date 或 weekOf 之一 / give either date or weekOf';

/** `date`, or `weekOf` (a Monday): exactly one. */
const periodOf = (q: { readonly date?: string; readonly weekOf?: string }) => {
  if ((q.date === undefined) === (q.weekOf === undefined)) {
    throw badQuery([{ path: q.date === undefined ? 'date' : 'weekOf', message: ONE_PERIOD }]);
  }
  if (q.weekOf !== undefined && mondayOf(q.weekOf) !== q.weekOf) {
    throw badQuery([{ path: 'weekOf', message: '应为星期一的日期 / must be a Monday' }]);
  }
  return q.date !== undefined ? { date: q.date } : { weekOf: q.weekOf as string };
};

export const duties = new Hono<AppEnv>()
  /**
   * 接访公告 (API.md v1.1): the roster of a day or a week as ready-to-post text, its slots, and whether
   * each unit's roster was published. The roster is public: every role may read it.
   */
  .get('/announcement', query({ date: params.date, weekOf: params.date, unit: params.id }), async (c) => {
    const q = c.req.valid('query');
    const period = periodOf(q);
    const { view, shown, atLeast } = await viewOf(c, {});
    const kind = { kind: 'announcement' as const, period, ...(q.unit === undefined ? {} : { unit: q.unit }) };
    const { answer } = await c.var.services.queries.run({ ...kind, view, shown, atLeast });
    return c.json(answer);
  })
  .post('/announcements', permit(isOffice), noQuery, jsonBody(AnnounceRosterBody), async (c) => {
    const body = c.req.valid('json');
    await requireUnit(c.var.services.office, body.unit);
    const streamId = dutyStream(body.unit, body.weekOf);
    const result = await c.var.services.office.execute('duty', streamId, { type: 'AnnounceRoster', data: body }, commandContext(c));
    expectRecorded(result, streamId, 'RosterAnnounced');
    // An announcement is of its unit's week: its id is the roster's, e.g. `subdistrict-2024-W38`.
    return commandReply(c, `${body.unit}-${isoWeekOf(body.weekOf)}`, result, 201);
  })
  .post('/', permit(isOffice), noQuery, jsonBody(ScheduleDutyBody), async (c) => {
    const body = c.req.valid('json');
    const { services } = c.var;
    const context = commandContext(c);
    await requireUnit(services.office, body.unit);
    const streamId = dutyStream(body.unit, body.date);
    if (body.dutyId !== undefined) {
      // The domain keeps a dutyId unique within its roster (a unit's week); across rosters it is kept
      // here, or `POST /duties/{id}/missed` could not tell which slot is meant.
      const elsewhere = (await dutyStreamsNow(services, body.dutyId)).filter((s) => s !== streamId);
      if (elsewhere.length > 0)
        throw fromDomainError(
          domainError('dutyAlreadyScheduled', '该接访安排编号已被使用', 'the dutyId is already used by another slot', {
            dutyId: body.dutyId,
          }),
        );
    }
    const dutyId = idOrNew(context, body.dutyId, 'duty');
    const result = await services.office.execute('duty', streamId, { type: 'ScheduleDuty', data: { ...body, dutyId } }, context);
    expectRecorded(result, streamId, 'DutyScheduled');
    const recorded = recordedDutyId(result) ?? dutyId;
    if (body.dutyId !== undefined && recorded !== body.dutyId) throw keyReused();
    return commandReply(c, recorded, result, 201);
  })
  .post('/:id/missed', permit(isOffice), noQuery, idParam, jsonBody(MarkDutyMissedBody), async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { services } = c.var;
    const context = commandContext(c);
    const streams = await dutyStreamsNow(services, id);
    const [streamId] = streams;
    if (streamId === undefined) throw notFound('接访安排 / duty', id);
    if (streams.length > 1)
      throw fromDomainError(
        domainError(
          'dutyIdAmbiguous',
          '该接访安排编号出现在多个值班表中，无法确定所指',
          'the dutyId names slots in more than one roster, so which one is meant cannot be told',
          { dutyId: id, rosters: streams.map((s) => s.replace(/^duty-/, '')) },
        ),
      );
    const result = await services.office.execute('duty', streamId, { type: 'MarkDutyMissed', data: { ...body, dutyId: id } }, context);
    expectRecorded(result, streamId, 'DutyMissed');
    if (recordedDutyId(result) !== id) throw keyReused();
    return commandReply(c, id, result, 200);
  });

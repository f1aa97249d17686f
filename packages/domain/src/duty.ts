import * as t from 'io-ts';
import { left, right, type Either } from 'fp-ts/Either';
import { Id, InstantC, LocalDateC, Text, struct } from './codecs';
import { REFERENCE_DATA_TIME } from './community';
import { assertNever, type Decider } from './decider';
import { domainError, type DomainError } from './errors';
import { compareInstants, isoWeekOf, mondayOf } from './time';

/*
 * The reception roster (接访安排, 附件4) of one unit — `"subdistrict"` or a communityId — for one ISO
 * week: its duty slots, the slots a leader missed (and who stood in), and its public announcements.
 * One stream per unit and week keeps the compliance rules of REPORTS.md (≥ 1 slot a week, every
 * working day, announced by the Saturday before) inside one consistency boundary.
 */

/** `POST /duties`: one slot. The server makes up `dutyId` when the client leaves it out. */
export const ScheduleDutyBody = struct(
  { date: LocalDateC, leaderId: Id, location: Text, unit: Id },
  { dutyId: Id },
  'ScheduleDutyBody',
);
export type ScheduleDutyBody = t.TypeOf<typeof ScheduleDutyBody>;

/** `POST /duties/{id}/missed`: the leader could not come; a substitute (补位领导) may keep the slot filled. */
export const MarkDutyMissedBody = struct(
  { at: InstantC, reason: Text },
  { substituteLeaderId: Id },
  'MarkDutyMissedBody',
);
export type MarkDutyMissedBody = t.TypeOf<typeof MarkDutyMissedBody>;

/** `POST /duties/announcements`: the week's roster was made public (`weekOf` is its Monday). */
export const AnnounceRosterBody = struct(
  { unit: Id, weekOf: LocalDateC, publishedAt: InstantC, channel: Text },
  {},
  'AnnounceRosterBody',
);
export type AnnounceRosterBody = t.TypeOf<typeof AnnounceRosterBody>;

const DutyScheduledData = struct({ dutyId: Id, date: LocalDateC, leaderId: Id, location: Text, unit: Id }, {});
const DutyMissedData = struct({ dutyId: Id, at: InstantC, reason: Text }, { substituteLeaderId: Id });

export type DutyCommand =
  | { type: 'ScheduleDuty'; data: t.TypeOf<typeof DutyScheduledData> }
  | { type: 'MarkDutyMissed'; data: t.TypeOf<typeof DutyMissedData> }
  | { type: 'AnnounceRoster'; data: AnnounceRosterBody };

export const DutyScheduled = t.type({ type: t.literal('DutyScheduled'), data: DutyScheduledData }, 'DutyScheduled');
export type DutyScheduled = t.TypeOf<typeof DutyScheduled>;
export const DutyMissed = t.type({ type: t.literal('DutyMissed'), data: DutyMissedData }, 'DutyMissed');
export type DutyMissed = t.TypeOf<typeof DutyMissed>;
export const RosterAnnounced = t.type(
  { type: t.literal('RosterAnnounced'), data: AnnounceRosterBody },
  'RosterAnnounced',
);
export type RosterAnnounced = t.TypeOf<typeof RosterAnnounced>;

export const DutyEvent = t.union([DutyScheduled, DutyMissed, RosterAnnounced], 'DutyEvent');
export type DutyEvent = t.TypeOf<typeof DutyEvent>;

export interface DutySlot {
  readonly dutyId: string;
  readonly date: string;
  readonly leaderId: string;
  readonly location: string;
  readonly missed?: { readonly at: string; readonly reason: string; readonly substituteLeaderId?: string };
}

export type DutyState =
  | { status: 'none' }
  | {
      status: 'planned';
      unit: string;
      /** The Monday of the stream's week. */
      weekOf: string;
      slots: readonly DutySlot[];
      /** Every announcement, as recorded: a roster may be published again (another channel, a correction). */
      announcements: readonly { publishedAt: string; channel: string }[];
      /** The earliest `publishedAt`: the first announcement is the one that counts for "announced ahead". */
      announcedAt?: string;
    };

/** The stream of `unit`'s roster for the ISO week that holds `date`, e.g. `duty-subdistrict-2024-W38`. */
export const dutyStream = (unit: string, date: string): string => `duty-${unit}-${isoWeekOf(date)}`;

/**
 * A slot is a plan: the roster (附件4) is published ahead of its week, so a view as of the Saturday before
 * must already show next week's slots. The API gives no time of planning, so a slot counts, like reference
 * data, as always planned, and what the system knew when is left to `recordedAt` (`knownAt`). Whether a
 * slot's day has come is asked of its `date` (the KPIs count only days up to T). A miss and an
 * announcement happened when they say.
 */
export const dutyEventTime = (event: DutyEvent): string => {
  switch (event.type) {
    case 'DutyScheduled':
      return REFERENCE_DATA_TIME;
    case 'DutyMissed':
      return event.data.at;
    case 'RosterAnnounced':
      return event.data.publishedAt;
  }
};

type Planned = Extract<DutyState, { status: 'planned' }>;
const emptyRoster = (unit: string, weekOf: string): Planned => ({
  status: 'planned',
  unit,
  weekOf,
  slots: [],
  announcements: [],
});
const fits = (state: DutyState, unit: string, date: string): boolean =>
  state.status === 'none' || (state.unit === unit && state.weekOf === mondayOf(date));

const outsideWeek = (state: Planned, unit: string, date: string): DomainError =>
  domainError('dutyOutsideWeek', '不属于本周本单位的接访安排', "not in this unit's roster for this week", {
    unit,
    date,
    rosterUnit: state.unit,
    rosterWeekOf: state.weekOf,
  });

const schedule = (data: t.TypeOf<typeof DutyScheduledData>, state: DutyState): Either<DomainError, DutyEvent[]> => {
  const { dutyId, date, leaderId, location, unit } = data;
  if (state.status === 'planned' && state.slots.some((slot) => slot.dutyId === dutyId))
    return left(
      domainError('dutyAlreadyScheduled', '该接访安排已存在', 'the duty slot is already scheduled', { dutyId }),
    );
  if (state.status === 'planned' && !fits(state, unit, date)) return left(outsideWeek(state, unit, date));
  return right([{ type: 'DutyScheduled', data: { dutyId, date, leaderId, location, unit } }]);
};

const markMissed = (data: t.TypeOf<typeof DutyMissedData>, state: DutyState): Either<DomainError, DutyEvent[]> => {
  const { dutyId, at, reason, substituteLeaderId } = data;
  const slot = state.status === 'planned' ? state.slots.find((s) => s.dutyId === dutyId) : undefined;
  if (slot === undefined) return left(domainError('dutyNotFound', '未找到该接访安排', 'no such duty slot', { dutyId }));
  if (slot.missed !== undefined)
    return left(
      domainError('dutyAlreadyMissed', '该接访安排已登记缺席', 'the duty slot is already marked missed', { dutyId }),
    );
  if (substituteLeaderId === slot.leaderId)
    return left(
      domainError('substituteIsSameLeader', '补位领导不能是原值班领导', 'the substitute must be another leader', {
        dutyId,
      }),
    );
  const missed = substituteLeaderId === undefined ? { dutyId, at, reason } : { dutyId, at, reason, substituteLeaderId };
  return right([{ type: 'DutyMissed', data: missed }]);
};

const announce = (data: AnnounceRosterBody, state: DutyState): Either<DomainError, DutyEvent[]> => {
  const { unit, weekOf, publishedAt, channel } = data;
  if (mondayOf(weekOf) !== weekOf)
    return left(
      domainError('weekOfNotMonday', 'weekOf 应为该周的星期一', 'weekOf must be the Monday of the week', { weekOf }),
    );
  if (state.status === 'planned' && !fits(state, unit, weekOf)) return left(outsideWeek(state, unit, weekOf));
  return right([{ type: 'RosterAnnounced', data: { unit, weekOf, publishedAt, channel } }]);
};

export const dutyDecider: Decider<DutyCommand, DutyEvent, DutyState> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    switch (event.type) {
      case 'DutyScheduled': {
        const { dutyId, date, leaderId, location, unit } = event.data;
        if (!fits(state, unit, date)) return state;
        const roster = state.status === 'planned' ? state : emptyRoster(unit, mondayOf(date));
        if (roster.slots.some((slot) => slot.dutyId === dutyId)) return state;
        return { ...roster, slots: [...roster.slots, { dutyId, date, leaderId, location }] };
      }
      case 'DutyMissed': {
        if (state.status !== 'planned') return state;
        const { dutyId, ...missed } = event.data;
        const slots = state.slots.map((slot) =>
          slot.dutyId === dutyId && slot.missed === undefined ? { ...slot, missed } : slot,
        );
        return { ...state, slots };
      }
      case 'RosterAnnounced': {
        const { unit, weekOf, publishedAt, channel } = event.data;
        if (!fits(state, unit, weekOf)) return state;
        const roster = state.status === 'planned' ? state : emptyRoster(unit, mondayOf(weekOf));
        const first = roster.announcedAt === undefined || compareInstants(publishedAt, roster.announcedAt) < 0;
        return {
          ...roster,
          announcements: [...roster.announcements, { publishedAt, channel }],
          announcedAt: first ? publishedAt : roster.announcedAt,
        };
      }
      default:
        return state;
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'ScheduleDuty':
        return schedule(command.data, state);
      case 'MarkDutyMissed':
        return markMissed(command.data, state);
      case 'AnnounceRoster':
        return announce(command.data, state);
      default:
        return assertNever(command);
    }
  },
};

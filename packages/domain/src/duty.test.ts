import { isRight } from 'fp-ts/Either';
import type { Type } from 'io-ts';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DATA_TIME } from './community';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import {
  AnnounceRosterBody,
  DutyEvent,
  MarkDutyMissedBody,
  ScheduleDutyBody,
  dutyDecider,
  dutyEventTime,
  dutyStream,
  type DutyCommand,
  type DutyEvent as Event,
} from './duty';
import { decodeWith } from './validation';

const spec = deciderSpec(dutyDecider);
// 2024-W39: Monday 23 September to Sunday 29 September (a working Sunday: 调休).
const slot = {
  dutyId: 'd1',
  date: '2024-09-23',
  leaderId: 'L01',
  location: '基层治理中心2楼接访室',
  unit: 'subdistrict',
};
const schedule = (data: Partial<typeof slot> = {}): DutyCommand => ({
  type: 'ScheduleDuty',
  data: { ...slot, ...data },
});
const scheduled = (data: Partial<typeof slot> = {}): Event => ({ type: 'DutyScheduled', data: { ...slot, ...data } });
const miss = { dutyId: 'd1', at: '2024-09-23T08:30:00+08:00', reason: '上级会议' };
const missed: Event = { type: 'DutyMissed', data: miss };
const notice = {
  unit: 'subdistrict',
  weekOf: '2024-09-23',
  publishedAt: '2024-09-21T18:00:00+08:00',
  channel: '青阳在线公众号',
};
const announce = (data: Partial<typeof notice> = {}): DutyCommand => ({
  type: 'AnnounceRoster',
  data: { ...notice, ...data },
});
const announced = (data: Partial<typeof notice> = {}): Event => ({
  type: 'RosterAnnounced',
  data: { ...notice, ...data },
});

const badPaths = <A, O>(codec: Type<A, O, unknown>, input: unknown): string[] => {
  const result = decodeWith(codec, input);
  return isRight(result) ? [] : result.left.map((error) => error.path);
};

describe('duty: scheduling', () => {
  it('schedules the first slot of a week, and more slots in the same week', () => {
    expectEvents(spec.given([]).when(schedule()), [scheduled()]);
    expectEvents(spec.given([scheduled()]).when(schedule({ dutyId: 'd2', date: '2024-09-29', leaderId: 'L02' })), [
      scheduled({ dutyId: 'd2', date: '2024-09-29', leaderId: 'L02' }),
    ]);
  });

  it('copies only the known fields into the event', () => {
    const command = { type: 'ScheduleDuty', data: { ...slot, extra: 1 } } as DutyCommand;
    expectEvents(spec.given([]).when(command), [scheduled()]);
  });

  it('refuses a dutyId already scheduled', () => {
    expectRefusal(spec.given([scheduled()]).when(schedule({ date: '2024-09-24' })), 'dutyAlreadyScheduled');
  });

  it('refuses a slot of another week or another unit', () => {
    expectRefusal(spec.given([scheduled()]).when(schedule({ dutyId: 'd2', date: '2024-09-30' })), 'dutyOutsideWeek');
    expectRefusal(spec.given([scheduled()]).when(schedule({ dutyId: 'd2', date: '2024-09-22' })), 'dutyOutsideWeek');
    const refusal = expectRefusal(
      spec.given([announced()]).when(schedule({ dutyId: 'd2', unit: 'qingyang-1' })),
      'dutyOutsideWeek',
    );
    expect(refusal.details).toEqual({
      unit: 'qingyang-1',
      date: '2024-09-23',
      rosterUnit: 'subdistrict',
      rosterWeekOf: '2024-09-23',
    });
  });
});

describe('duty: missed slots', () => {
  it('marks a slot missed, with or without a substitute', () => {
    expectEvents(spec.given([scheduled()]).when({ type: 'MarkDutyMissed', data: miss }), [missed]);
    const withSubstitute = { ...miss, substituteLeaderId: 'L02' };
    expectEvents(spec.given([scheduled()]).when({ type: 'MarkDutyMissed', data: withSubstitute }), [
      { type: 'DutyMissed', data: withSubstitute },
    ]);
  });

  it('refuses an unknown slot', () => {
    expectRefusal(spec.given([]).when({ type: 'MarkDutyMissed', data: miss }), 'dutyNotFound');
    expectRefusal(
      spec.given([scheduled()]).when({ type: 'MarkDutyMissed', data: { ...miss, dutyId: 'd9' } }),
      'dutyNotFound',
    );
  });

  it('refuses a slot already marked missed', () => {
    expectRefusal(spec.given([scheduled(), missed]).when({ type: 'MarkDutyMissed', data: miss }), 'dutyAlreadyMissed');
  });

  it('refuses the leader of the slot as their own substitute', () => {
    const data = { ...miss, substituteLeaderId: 'L01' };
    expectRefusal(spec.given([scheduled()]).when({ type: 'MarkDutyMissed', data }), 'substituteIsSameLeader');
  });
});

describe('duty: announcements', () => {
  it('announces a roster, before or after its slots, and again', () => {
    expectEvents(spec.given([]).when(announce()), [announced()]);
    expectEvents(spec.given([scheduled()]).when(announce()), [announced()]);
    const again = { publishedAt: '2024-09-23T07:00:00+08:00', channel: '公示栏' };
    expectEvents(spec.given([scheduled(), announced()]).when(announce(again)), [announced(again)]);
  });

  it('refuses a weekOf that is not a Monday', () => {
    expectRefusal(spec.given([]).when(announce({ weekOf: '2024-09-24' })), 'weekOfNotMonday');
  });

  it('refuses an announcement of another week or another unit', () => {
    expectRefusal(spec.given([scheduled()]).when(announce({ weekOf: '2024-09-30' })), 'dutyOutsideWeek');
    expectRefusal(spec.given([scheduled()]).when(announce({ unit: 'qingyang-1' })), 'dutyOutsideWeek');
  });
});

describe('duty: state', () => {
  it('folds slots, misses and announcements; the earliest announcement is the one that counts', () => {
    const late = announced({ publishedAt: '2024-09-23T07:00:00+08:00', channel: '公示栏' });
    const early = announced({ publishedAt: '2024-09-20T07:00:00+08:00', channel: '公示栏' });
    const substitute: Event = { type: 'DutyMissed', data: { ...miss, dutyId: 'd2', substituteLeaderId: 'L03' } };
    const state = fold(dutyDecider, [
      announced(),
      scheduled(),
      scheduled({ dutyId: 'd2', date: '2024-09-24' }),
      missed,
      substitute,
      late,
      early,
    ]);
    expect(state).toEqual({
      status: 'planned',
      unit: 'subdistrict',
      weekOf: '2024-09-23',
      slots: [
        {
          dutyId: 'd1',
          date: '2024-09-23',
          leaderId: 'L01',
          location: slot.location,
          missed: { at: miss.at, reason: miss.reason },
        },
        {
          dutyId: 'd2',
          date: '2024-09-24',
          leaderId: 'L01',
          location: slot.location,
          missed: { at: miss.at, reason: miss.reason, substituteLeaderId: 'L03' },
        },
      ],
      announcements: [
        { publishedAt: notice.publishedAt, channel: notice.channel },
        { publishedAt: '2024-09-23T07:00:00+08:00', channel: '公示栏' },
        { publishedAt: '2024-09-20T07:00:00+08:00', channel: '公示栏' },
      ],
      announcedAt: '2024-09-20T07:00:00+08:00',
    });
  });

  it('starts the week from whichever comes first', () => {
    expect(fold(dutyDecider, [scheduled({ date: '2024-09-27' })])).toMatchObject({
      weekOf: '2024-09-23',
      announcements: [],
    });
    expect(fold(dutyDecider, [announced()])).toMatchObject({
      weekOf: '2024-09-23',
      slots: [],
      announcedAt: notice.publishedAt,
    });
  });

  it('ignores events that do not apply', () => {
    const base = fold(dutyDecider, [scheduled(), missed]);
    const ignored: Event[] = [
      scheduled({ date: '2024-09-24' }), // same dutyId
      scheduled({ dutyId: 'd2', date: '2024-10-01' }), // another week
      scheduled({ dutyId: 'd3', unit: 'qingyang-1' }), // another unit
      { type: 'DutyMissed', data: { ...miss, reason: '又一次' } }, // already missed
      announced({ weekOf: '2024-09-30' }), // another week
    ];
    expect(fold(dutyDecider, [scheduled(), missed, ...ignored])).toEqual(base);
    expect(fold(dutyDecider, [missed])).toEqual({ status: 'none' });
    expect(dutyDecider.evolve(base, { type: 'Unknown' } as unknown as Event)).toBe(base);
  });
});

describe('duty: streams, times and codecs', () => {
  it('names the stream by unit and ISO week', () => {
    expect(dutyStream('subdistrict', '2024-09-23')).toBe('duty-subdistrict-2024-W39');
    expect(dutyStream('subdistrict', '2024-09-29')).toBe('duty-subdistrict-2024-W39');
    expect(dutyStream('qingyang-1', '2024-12-30')).toBe('duty-qingyang-1-2025-W01');
  });

  it('gives the business time of each event', () => {
    expect(dutyEventTime(scheduled())).toBe(REFERENCE_DATA_TIME); // a plan: see dutyEventTime
    expect(dutyEventTime(missed)).toBe(miss.at);
    expect(dutyEventTime(announced())).toBe(notice.publishedAt);
  });

  it('decodes good bodies and stored events', () => {
    const { dutyId: _, ...withoutId } = slot;
    expect(decodeWith(ScheduleDutyBody, withoutId)).toEqual({ _tag: 'Right', right: withoutId });
    expect(isRight(ScheduleDutyBody.decode(slot))).toBe(true);
    const { dutyId: __, ...missBody } = miss;
    expect(decodeWith(MarkDutyMissedBody, { ...missBody, substituteLeaderId: 'L02' })).toEqual({
      _tag: 'Right',
      right: { ...missBody, substituteLeaderId: 'L02' },
    });
    expect(decodeWith(AnnounceRosterBody, notice)).toEqual({ _tag: 'Right', right: notice });
    for (const event of [scheduled(), missed, announced()]) expect(isRight(DutyEvent.decode(event))).toBe(true);
  });

  it('names the path of a missing field, a wrong type and a bad value', () => {
    expect(badPaths(ScheduleDutyBody, { date: '2024-09-23', leaderId: 'L01', unit: 'subdistrict' })).toEqual([
      'location',
    ]);
    expect(badPaths(ScheduleDutyBody, { ...slot, date: '2024-09-31' })).toEqual(['date']);
    expect(badPaths(MarkDutyMissedBody, { at: '2024-09-23 08:30', reason: '会议' })).toEqual(['at']);
    expect(badPaths(MarkDutyMissedBody, { at: miss.at, reason: '会议', substituteLeaderId: 7 })).toEqual([
      'substituteLeaderId',
    ]);
    expect(badPaths(AnnounceRosterBody, { ...notice, weekOf: 20240923 })).toEqual(['weekOf']);
  });

  it('throws on a command it does not know: a programming error, not a refusal', () => {
    expect(() => dutyDecider.decide({ type: 'Bogus' } as never, dutyDecider.initialState)).toThrow(/Bogus/);
  });
});

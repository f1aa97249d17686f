import { describe, expect, it } from 'vitest';
import { dutyStream, endOfDay, type CommandOf, type Instant, type LocalDate } from '@xinfang/domain';
import { receptionCompliance } from './reception-compliance';
import { createScenario, type Scenario } from './test-scenario';
import { buildWorld } from './world';

/*
 * 大接访 compliance worked by hand. Window: Mon 23 September – Sun 6 October 2024 (weeks W39 and W40).
 * Working days: 23 24 25 26 27 Sep, Sun 29 Sep (调休), Mon 30 Sep; 1–6 October are National Day holidays.
 *
 * Leaders: L-sec, L-dir principal (subdistrict); L-dep (subdistrict); L-fg1 first-grid leader of dongfeng.
 *
 * | roster              | slots                                                           | announced            |
 * | subdistrict W39     | Mon 23 L-dep MISSED, substitute L-sec · Tue 24 L-dir · Wed 25 L-dep (missed at 26 Sep 08:00, after the day) | Sat 21 Sep 20:00 |
 * | subdistrict W40     | Mon 30 L-dir · Mon 30 L-sec MISSED, no substitute               | Sat 28 Sep 09:00     |
 * | dongfeng W39        | Thu 26 L-fg1                                                    | Mon 23 Sep (late)    |
 *
 * L-sec only stood in (23 Sep) and missed his own slot (30 Sep): no week counts for him. The days 26, 27 and
 * 29 Sep have no subdistrict slot.
 */

const at = (date: LocalDate, time = '09:00'): Instant => `${date}T${time}:00+08:00`;

const setUp = async (): Promise<Scenario> => {
  const s = createScenario();
  const recorded = at('2024-09-01');
  const leaders: [string, string, boolean, boolean][] = [
    ['L-sec', 'subdistrict', true, false],
    ['L-dir', 'subdistrict', true, false],
    ['L-dep', 'subdistrict', false, false],
    ['L-fg1', 'dongfeng', false, true],
  ];
  for (const [leaderId, unit, principal, firstGridLeader] of leaders)
    await s.run('leader', `leader-${leaderId}`, { type: 'RegisterLeader', data: { leaderId, name: leaderId, position: '领导', portfolio: '信访', unit, principal, firstGridLeader } }, recorded);
  const duty = (unit: string, date: LocalDate, command: CommandOf<'duty'>, when: Instant) => s.run('duty', dutyStream(unit, date), command, when);
  const slot = (dutyId: string, date: LocalDate, leaderId: string, unit = 'subdistrict') =>
    duty(unit, date, { type: 'ScheduleDuty', data: { dutyId, date, leaderId, location: '接访室', unit } }, at('2024-09-20'));
  const missed = (dutyId: string, date: LocalDate, when: Instant, substituteLeaderId?: string) =>
    duty('subdistrict', date, { type: 'MarkDutyMissed', data: { dutyId, at: when, reason: '开会', ...(substituteLeaderId ? { substituteLeaderId } : {}) } }, when);
  const announce = (unit: string, weekOf: LocalDate, publishedAt: Instant) =>
    duty(unit, weekOf, { type: 'AnnounceRoster', data: { unit, weekOf, publishedAt, channel: '公众号' } }, publishedAt);

  await slot('a', '2024-09-23', 'L-dep');
  await slot('b', '2024-09-24', 'L-dir');
  await slot('c', '2024-09-25', 'L-dep');
  await slot('e', '2024-09-30', 'L-dir');
  await slot('f', '2024-09-30', 'L-sec');
  await slot('g', '2024-09-26', 'L-fg1', 'dongfeng');
  // In the order they were recorded: recording time never goes backwards.
  await announce('subdistrict', '2024-09-23', at('2024-09-21', '20:00'));
  await announce('dongfeng', '2024-09-23', at('2024-09-23', '08:00'));
  await missed('a', '2024-09-23', at('2024-09-23', '08:00'), 'L-sec');
  await missed('c', '2024-09-25', at('2024-09-26', '08:00'));
  await announce('subdistrict', '2024-09-30', at('2024-09-28'));
  await missed('f', '2024-09-30', at('2024-09-30', '08:00'));
  return s;
};

const window = { from: '2024-09-23', to: '2024-10-06' };
const scenario = setUp();
const complianceAt = async (asOf: Instant, w: { from: string; to: string; communityId?: string } = window) => {
  const view = { asOf, knownAt: asOf };
  return receptionCompliance(await buildWorld(await (await scenario).events(), view), asOf, w);
};

describe('reception compliance over W39–W40 2024, as of Sunday 6 October', () => {
  it('each rule, worked by hand', async () => {
    expect(await complianceAt(endOfDay('2024-10-06'))).toEqual({
      // L-dir: W39 (b) ✓, W40 (e) ✓; L-sec: W39 only a substitute ✗, W40 missed ✗
      principalWeekly: {
        required: 4,
        fulfilled: 2,
        rate: 0.5,
        gaps: [
          { leaderId: 'L-sec', weekOf: '2024-09-23' },
          { leaderId: 'L-sec', weekOf: '2024-09-30' },
        ],
      },
      // 23 (missed, substitute) ✓ · 24 ✓ · 25 (missed, no substitute) ✗ · 26 ✗ · 27 ✗ · 29 ✗ · 30 (e) ✓
      dailyDuty: {
        required: 7,
        fulfilled: 3,
        rate: 3 / 7,
        gaps: [{ date: '2024-09-25' }, { date: '2024-09-26' }, { date: '2024-09-27' }, { date: '2024-09-29' }],
      },
      // L-fg1: W39 (g) ✓, W40 ✗
      firstGridLeaderWeekly: { required: 2, fulfilled: 1, rate: 0.5, gaps: [{ leaderId: 'L-fg1', weekOf: '2024-09-30' }] },
      // subdistrict W39 (Sat 21) ✓, dongfeng W39 (Mon 23) ✗, subdistrict W40 (Sat 28) ✓
      announcedAhead: {
        required: 3,
        fulfilled: 2,
        rate: 2 / 3,
        gaps: [{ unit: 'dongfeng', weekOf: '2024-09-23', due: '2024-09-21', announcedAt: at('2024-09-23', '08:00') }],
      },
    });
  });

  it('Wednesday 25 September: only the days up to T count, and a week still running is no gap yet', async () => {
    const c = await complianceAt(endOfDay('2024-09-25'));
    // slot c is marked missed only on 26 Sep: as of 25 Sep it filled its day
    expect(c.dailyDuty).toEqual({ required: 3, fulfilled: 3, rate: 1, gaps: [] });
    // L-dir already has b (fulfilled); L-sec has nothing yet, but W39 runs to 29 Sep
    expect(c.principalWeekly).toEqual({ required: 1, fulfilled: 1, rate: 1, gaps: [] });
    expect(c.firstGridLeaderWeekly).toEqual({ required: 0, fulfilled: 0, rate: null, gaps: [] });
    // dongfeng's roster has no slot up to T yet (g is on 26 Sep)
    expect(c.announcedAhead).toMatchObject({ required: 1, fulfilled: 1 });
  });

  it('Thursday 26 September: the miss of 25 Sep is known now, and the day is a gap (26 Sep has no subdistrict slot)', async () => {
    const c = await complianceAt(endOfDay('2024-09-26'));
    expect(c.dailyDuty.gaps).toEqual([{ date: '2024-09-25' }, { date: '2024-09-26' }]);
    expect(c.announcedAhead.gaps.map((g) => g.unit)).toEqual(['dongfeng']);
  });

  it('a window of holidays only (1–6 October) asks for nothing', async () => {
    const c = await complianceAt(endOfDay('2024-10-06'), { from: '2024-10-01', to: '2024-10-06' });
    for (const rule of Object.values(c)) expect(rule).toEqual({ required: 0, fulfilled: 0, rate: null, gaps: [] });
  });

  it('one community: its first-grid leaders and its rosters; the subdistrict rules are not its own', async () => {
    const c = await complianceAt(endOfDay('2024-10-06'), { ...window, communityId: 'dongfeng' });
    expect(c.principalWeekly.required).toBe(0);
    expect(c.dailyDuty.required).toBe(0);
    expect(c.firstGridLeaderWeekly).toMatchObject({ required: 2, fulfilled: 1 });
    expect(c.announcedAhead).toMatchObject({ required: 1, fulfilled: 0 });
    const other = await complianceAt(endOfDay('2024-10-06'), { ...window, communityId: 'xiyuan' });
    expect(other.firstGridLeaderWeekly.required).toBe(0);
    expect(other.announcedAhead.required).toBe(0);
  });
});

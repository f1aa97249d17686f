import { describe, expect, it } from 'vitest';
import { createCalendar, endOfDay, screeningStream, type Instant, type LocalDate } from '@xinfang/domain';
import { kpis } from './kpis';
import { screeningCompliance, screeningDays } from './screening-compliance';
import { createScenario } from './test-scenario';
import { buildWorld } from './world';

/*
 * 大排查 reports (each Wednesday and Friday that is a working day), worked by hand.
 *
 * 2024 campaign window, 15 Sep – 15 Oct: the Wednesdays and Fridays are 18 20 25 27 Sep, 2 4 9 11 Oct.
 * Wed 2 Oct and Fri 4 Oct are National Day holidays: no report is due. The swapped working days, Sun 29 Sep
 * and Sat 12 Oct, are neither Wednesdays nor Fridays: nothing changes for them. Due: 18 20 25 27 Sep, 9 11 Oct.
 *
 * | community | reports                                                      | as of 15 Oct        |
 * | dongfeng  | 18 (c1) · 20 (nil) · 25 (nil) · 27 (nil) · 9 (nil) · 11 (nil) | 6 of 6              |
 * | xiyuan    | 18 (nil) · 2 Oct (nil, not due) · 9 Oct (nil, typed in on 10 Oct) | 2 of 6: 20 25 27 Sep, 11 Oct missing |
 */

const at = (date: LocalDate, time = '17:00'): Instant => `${date}T${time}:00+08:00`;
const campaign = { from: '2024-09-15', to: '2024-10-15' };

const setUp = async () => {
  const s = createScenario();
  for (const communityId of ['dongfeng', 'xiyuan'])
    await s.run('community', `community-${communityId}`, { type: 'RegisterCommunity', data: { communityId, name: communityId, grids: [] } }, at('2024-09-01'));
  const report = (communityId: string, reportDate: LocalDate, caseIds: string[] = [], recorded = at(reportDate)) =>
    s.run(
      'screening',
      screeningStream(communityId, reportDate),
      { type: 'SubmitScreeningReport', data: { communityId, reportDate, caseIds, nil: caseIds.length === 0 } },
      recorded,
    );
  // In the order they were recorded: recording time never goes backwards.
  await report('dongfeng', '2024-09-18', ['c1']);
  await report('xiyuan', '2024-09-18');
  for (const date of ['2024-09-20', '2024-09-25', '2024-09-27']) await report('dongfeng', date);
  await report('xiyuan', '2024-10-02');
  await report('dongfeng', '2024-10-09');
  await report('xiyuan', '2024-10-09', [], at('2024-10-10', '10:00'));
  await report('dongfeng', '2024-10-11');
  return s;
};
const scenario = setUp();
const worldAt = async (asOf: Instant, knownAt: Instant = asOf) => buildWorld(await (await scenario).events(), { asOf, knownAt });

describe('screening report days', () => {
  it('the 2024 campaign window: no report on the National Day Wednesday and Friday', () => {
    expect(screeningDays(campaign, endOfDay('2024-10-15'))).toEqual(['2024-09-18', '2024-09-20', '2024-09-25', '2024-09-27', '2024-10-09', '2024-10-11']);
  });

  it('only days up to T', () => {
    expect(screeningDays(campaign, endOfDay('2024-09-26'))).toEqual(['2024-09-18', '2024-09-20', '2024-09-25']);
  });

  it("an office's local change: a working Friday made a day off is no longer due", () => {
    const calendar = createCalendar({ overrides: [{ date: '2024-09-27', working: false, name: '台风停工' }] });
    expect(screeningDays({ from: '2024-09-23', to: '2024-09-29' }, endOfDay('2024-09-29'), calendar)).toEqual(['2024-09-25']);
  });
});

describe('screening reports, as of 15 October 2024', () => {
  it('2 communities × 6 days; a nil report counts; a report on a day not due counts for nothing', async () => {
    const asOf = endOfDay('2024-10-15');
    expect(screeningCompliance(await worldAt(asOf), asOf, campaign)).toEqual({
      required: 12,
      fulfilled: 8,
      rate: 8 / 12,
      gaps: [
        { communityId: 'xiyuan', date: '2024-09-20' },
        { communityId: 'xiyuan', date: '2024-09-25' },
        { communityId: 'xiyuan', date: '2024-09-27' },
        { communityId: 'xiyuan', date: '2024-10-11' },
      ],
    });
  });

  it('one community', async () => {
    const asOf = endOfDay('2024-10-15');
    expect(screeningCompliance(await worldAt(asOf), asOf, { ...campaign, communityId: 'dongfeng' })).toEqual({ required: 6, fulfilled: 6, rate: 1, gaps: [] });
  });

  it('a report typed in late counts once it is known (knownAt)', async () => {
    const asOf = endOfDay('2024-10-09');
    const notYetKnown = screeningCompliance(await worldAt(asOf), asOf, { ...campaign, communityId: 'xiyuan' });
    expect(notYetKnown.gaps).toContainEqual({ communityId: 'xiyuan', date: '2024-10-09' });
    const knownLater = screeningCompliance(await worldAt(asOf, endOfDay('2024-10-10')), asOf, { ...campaign, communityId: 'xiyuan' });
    expect(knownLater.gaps).not.toContainEqual({ communityId: 'xiyuan', date: '2024-10-09' });
    expect(knownLater.fulfilled).toBe(notYetKnown.fulfilled + 1);
  });
});

describe('an unpublished year is provisional', () => {
  /*
   * 2027 is not in chinese-days 1.5.7: it falls back to the statutory holidays, where 中秋节 is Wednesday
   * 15 September 2027. Week of 13–19 September 2027: due only Friday 17 September, per community.
   */
  it('the figures over it say so', async () => {
    const asOf = endOfDay('2027-09-19');
    const world = await worldAt(asOf);
    const window = { from: '2027-09-13', to: '2027-09-19' };
    expect(screeningDays(window, asOf)).toEqual(['2027-09-17']);
    const k = kpis(world, { asOf, knownAt: asOf }, window);
    expect(k.screeningReports).toMatchObject({ required: 2, fulfilled: 0 });
    expect(k.provisional).toBe(true);
    expect(k.provisionalYears).toEqual([2027]);
  });

  it('a published year is not', async () => {
    const asOf = endOfDay('2024-10-15');
    const k = kpis(await worldAt(asOf), { asOf, knownAt: asOf }, campaign);
    expect(k.provisional).toBe(false);
    expect(k.provisionalYears).toEqual([]);
  });
});

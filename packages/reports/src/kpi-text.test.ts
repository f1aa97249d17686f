import { describe, expect, it } from 'vitest';
import type { Kpis } from '@xinfang/projections';
import { kpiTextLines, percentText } from './kpi-text';

const r = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });
const rule = (fulfilled: number, required: number) => ({ fulfilled, required, rate: required === 0 ? null : fulfilled / required, gaps: [] });

const kpis = (volume: number, repeats: number): Kpis =>
  ({
    volume: { total: volume, byOrigin: {}, byCategory: {}, byCommunity: {} },
    visits: { batches: 12, people: 30, collective: 1 },
    escalations: { total: 0, city: 0, province: 0, beijing: 0, abnormal: 0, collective: 0 },
    repeatPetitions: { total: repeats, byChannel: {} },
    firstPetitionOneTimeResolution: r(99, 100),
    timelyAcceptance: r(39, 40),
    onTimeResolution: r(0, 0),
    satisfaction: r(8, 10),
    participation: r(10, 20),
    packageResolution: r(17, 20),
    backlog: { open: 3, resolution: r(1, 4), byReason: {} },
    resolutionLevels: { grid: 1, community: 1, subdistrict: 1, above: 1, total: 4, keptBelowAbove: r(3, 4) },
    receptionCompliance: { principalWeekly: rule(10, 10), dailyDuty: rule(21, 22), firstGridLeaderWeekly: rule(0, 0), announcedAhead: rule(4, 5) },
    screeningReports: rule(72, 72),
    incidents: { total: 0, held: true },
    deadlineWarnings: { overdue: [], dueSoon: [] },
    provisional: false,
    provisionalYears: [],
  }) as unknown as Kpis;

describe('the KPIs against their targets', () => {
  it('says 达标 or 未达标 for every KPI with a target, and nothing where there is nothing to measure', () => {
    const lines = kpiTextLines(kpis(40, 5), { compare: 'previous', figures: kpis(50, 5) });
    const byKey = Object.fromEntries(lines.map((line) => [line.key, [line.value, line.target, line.verdict]]));
    expect(byKey).toEqual({
      'volume.total': ['40（上期 50）', '下降', 'met'],
      'visits.batches': ['12（30 人次，集体访 1 批）', '', 'none'],
      'escalations.total': ['0（到市 0，到省 0，进京 0）', '0', 'met'],
      'repeatPetitions.total': ['5（上期 5）', '下降', 'unmet'],
      firstPetitionOneTimeResolution: ['99.0%（99/100）', '≥ 99%', 'met'],
      timelyAcceptance: ['97.5%（39/40）', '100%', 'unmet'],
      onTimeResolution: ['—（0/0）', '100%', 'none'],
      satisfaction: ['80.0%（8/10）', '', 'none'],
      participation: ['50.0%（10/20）', '', 'none'],
      packageResolution: ['85.0%（17/20）', '≥ 85%', 'met'],
      'backlog.open': ['3', '0', 'unmet'],
      'backlog.resolution': ['25.0%（1/4）', '', 'none'],
      'resolutionLevels.keptBelowAbove': ['75.0%（3/4）', '', 'none'],
      'receptionCompliance.principalWeekly': ['100.0%（10/10）', '100%', 'met'],
      'receptionCompliance.dailyDuty': ['95.4%（21/22）', '100%', 'unmet'],
      'receptionCompliance.firstGridLeaderWeekly': ['—（0/0）', '100%', 'none'],
      'receptionCompliance.announcedAhead': ['80.0%（4/5）', '100%', 'unmet'],
      screeningReports: ['100.0%（72/72）', '100%', 'met'],
      'incidents.total': ['0（守住）', '0', 'met'],
    });
  });

  it('judges a falling target only against a period before, and none in both as met', () => {
    const alone = kpiTextLines(kpis(40, 5));
    expect(alone.find((line) => line.key === 'volume.total')).toMatchObject({ value: '40', verdict: 'none' });
    expect(kpiTextLines(kpis(0, 0), { compare: 'previous', figures: kpis(0, 0) }).find((line) => line.key === 'volume.total')?.verdict).toBe('met');
  });

  it('cuts a percentage to one decimal, so that a rate below 100% never reads 100.0%', () => {
    expect(percentText(r(999, 1000))).toBe('99.9%（999/1000）');
    expect(percentText(r(9999, 10000))).toBe('99.9%（9999/10000）');
    expect(percentText(r(2, 3))).toBe('66.6%（2/3）');
  });
});

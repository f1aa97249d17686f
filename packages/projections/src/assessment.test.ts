import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_STREAM,
  caseStream,
  communityStream,
  defaultAssessmentTable,
  screeningStream,
  type CommandOf,
  type Instant,
} from '@xinfang/domain';
import { assessment } from './assessment';
import { createScenario } from './test-scenario';
import { buildWorld } from './world';

/*
 * Two communities scored by hand over 2024-12-20 – 2025-01-10 (across the year's end), default table
 * (docs/ASSESSMENT.md): screening 20, timely acceptance 15, on-time resolution 20, repeats 15 (−10 each),
 * escalations 20 (−25 each), incidents 10 (−50 each); total weight 100.
 *
 * Wednesdays and Fridays of the window that are working days: Fri 12-20, Wed 12-25, Fri 12-27, Fri 01-03,
 * Wed 01-08, Fri 01-10 (Wed 1 January is New Year's Day) — 6.
 *
 * dongfeng: reports on 12-20, 12-25, 12-27 (3 of 6: 50 → 10 points). d1 registered 12-23, accepted 12-24
 * (timely: 100 → 15), assigned with deadline 01-05, resolved 01-03 (on time: 100 → 20). d2 registered
 * 12-30 (its 15 days run to 01-14: not counted yet), escalated to the city 01-02 (100 − 25 = 75 → 15).
 * No repeat (15), no incident (10). Score 10 + 15 + 20 + 15 + 15 + 10 = 85.
 *
 * xiyuan: no report (0 of 6: 0 points), no case: timely acceptance and on-time resolution have nothing to
 * measure (100 each, said so: 15 + 20), no repeat, escalation or incident (15 + 20 + 10). Score 80.
 *
 * On 2025-01-05 the office sets a table with screening weight 0 (total 80). As of 01-10: dongfeng
 * (15·100 + 20·100 + 15·100 + 20·75 + 10·100) / 80 = 93.75 → 93.8; xiyuan 8000 / 80 = 100.
 * As of 01-04 (before the change, default table): the report days up to then are 12-20 … 01-03 (4);
 * dongfeng 3 of 4 = 75 → 15 points, the rest as above: 90; xiyuan 80.
 */

const at = (day: string, time = '09:00'): Instant => `${day}T${time}:00+08:00`;
const endOf = (day: string): Instant => `${day}T23:59:59.999+08:00`;
const window = { from: '2024-12-20', to: '2025-01-10' };
const viewAt = (day: string) => ({ asOf: endOf(day), knownAt: endOf('2025-01-10') });

const world = async () => {
  const s = createScenario();
  for (const [communityId, name] of [['dongfeng', '东风社区'], ['xiyuan', '西园社区']] as const)
    await s.run('community', communityStream(communityId), { type: 'RegisterCommunity', data: { communityId, name, grids: [] } }, at('2024-01-01'));
  for (const day of ['2024-12-20', '2024-12-25', '2024-12-27'])
    await s.run('screening', screeningStream('dongfeng', day), { type: 'SubmitScreeningReport', data: { communityId: 'dongfeng', reportDate: day, caseIds: [], nil: true } }, at(day, '17:00'));
  const onCase = (caseId: string, day: string, command: { type: string; data: object }) =>
    s.run('case', caseStream(caseId), { ...command, data: { caseId, ...command.data } } as CommandOf<'case'>, at(day, '18:00'));
  const register = (caseId: string, day: string) =>
    onCase(caseId, day, {
      type: 'RegisterCase',
      data: { origin: 'visit', communityId: 'dongfeng', category: 'neighbour', summary: `事项 ${caseId}`, registeredAt: at(day), petitioners: [{ personId: `p-${caseId}` }] },
    });
  await register('d1', '2024-12-23');
  await onCase('d1', '2024-12-24', { type: 'DecideAcceptance', data: { decision: 'accepted', at: at('2024-12-24') } });
  await onCase('d1', '2024-12-24', {
    type: 'AssignCase',
    data: { responsibleUnit: '东风社区', responsibleLeaderId: 'L1', responsiblePerson: '王敏', measures: '上门调解', deadline: '2025-01-05', at: at('2024-12-24', '10:00') },
  });
  await onCase('d1', '2025-01-03', { type: 'ResolveCase', data: { method: 'mediation', level: 'community', outcome: 'solved', summary: '已调解', at: at('2025-01-03') } });
  await register('d2', '2024-12-30');
  await onCase('d2', '2025-01-02', { type: 'RecordEscalation', data: { level: 'city', collective: false, abnormal: false, at: at('2025-01-02') } });
  await s.run(
    'assessment',
    ASSESSMENT_STREAM,
    { type: 'SetAssessmentWeights', data: { table: { ...defaultAssessmentTable, screeningReports: { weight: 0 } }, at: at('2025-01-05') } },
    at('2025-01-05'),
  );
  return buildWorld(await s.events());
};

const scores = (a: ReturnType<typeof assessment>) => a.rows.map((r) => [r.communityId, r.score, r.rank]);

describe('the community assessment', () => {
  it('scores each community from its KPIs with the table in force at T, before the office changed it', async () => {
    const a = assessment(await world(), viewAt('2025-01-04'), window);
    expect(a.weights).toEqual({ table: defaultAssessmentTable, since: null });
    expect(scores(a)).toEqual([
      ['dongfeng', 90, 1],
      ['xiyuan', 80, 2],
    ]);
    const dongfeng = a.rows[0]!;
    expect(dongfeng.breakdown.map((b) => [b.criterion, b.subScore, b.weight, b.points])).toEqual([
      ['screeningReports', 75, 20, 15],
      ['timelyAcceptance', 100, 15, 15],
      ['onTimeResolution', 100, 20, 20],
      ['repeatPetitions', 100, 15, 15],
      ['escalations', 75, 20, 15],
      ['incidents', 100, 10, 10],
    ]);
    expect(dongfeng.breakdown[0]).toMatchObject({ label: '周三、周五排查报送', figure: { numerator: 3, denominator: 4 } });
    expect(dongfeng.breakdown[4]).toMatchObject({ label: '越级上访', figure: { count: 1 } });
  });

  it('says a rate with nothing to measure scores full marks', async () => {
    const xiyuan = assessment(await world(), viewAt('2025-01-04'), window).rows[1]!;
    expect(xiyuan.breakdown.map((b) => [b.criterion, b.subScore, b.nothingToMeasure])).toEqual([
      ['screeningReports', 0, false],
      ['timelyAcceptance', 100, true],
      ['onTimeResolution', 100, true],
      ['repeatPetitions', 100, false],
      ['escalations', 100, false],
      ['incidents', 100, false],
    ]);
  });

  it('takes the table the office set once it is in force, across the year boundary', async () => {
    const a = assessment(await world(), viewAt('2025-01-10'), window);
    expect(a.weights).toEqual({ table: { ...defaultAssessmentTable, screeningReports: { weight: 0 } }, since: at('2025-01-05') });
    expect(scores(a)).toEqual([
      ['xiyuan', 100, 1],
      ['dongfeng', 93.8, 2],
    ]);
    expect(a.rows[1]!.breakdown[0]).toMatchObject({ subScore: 50, weight: 0, points: 0, figure: { numerator: 3, denominator: 6 } });
  });

  it('gives equal scores the same rank', async () => {
    const w = await world();
    const early = assessment(w, viewAt('2024-12-19'), { from: '2024-12-01', to: '2024-12-19' });
    // Nothing happened in either community before 20 December but four missed report days each.
    expect(scores(early).map(([, , rank]) => rank)).toEqual([1, 1]);
  });
});

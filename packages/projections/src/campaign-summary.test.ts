import { describe, expect, it } from 'vitest';
import { caseStream, communityStream, type CommandOf, type Instant } from '@xinfang/domain';
import { campaignSummary } from './campaign-summary';
import { comparedKpis } from './kpi-compare';
import { assessment } from './assessment';
import { hotspots } from './hotspots';
import { plainPersonalData } from './personal-data';
import { createScenario } from './test-scenario';
import { buildWorld } from './world';

/*
 * The backlog worked down over 2024-12-20 – 2025-01-10 (across the year's end), by hand. Deadlines with no
 * assignment: acceptance + 60 days.
 *
 * | case | registered | accepted   | deadline   | then                 | at 12-19 (start) | at 01-10 (end) |
 * | k1   | 2024-09-01 | 2024-09-02 | 2024-11-01 (assigned 09-03) | resolved 2024-12-28 | overdue: listed  | resolved: not  |
 * | k2   | 2024-11-01 | 2024-11-02 | 2025-01-01 | —                    | not yet          | overdue: listed |
 * | k3   | 2024-09-05 | 2024-09-06 | 2024-11-05 | —                    | overdue: listed  | overdue: listed |
 *
 * atStart 2 (k1, k3), atEnd 2 (k2, k3), workedDown 1 (k1), newlyListed 1 (k2); by reason at the end: overdue 2.
 */

const at = (day: string): Instant => `${day}T09:00:00+08:00`;
const endOf = (day: string): Instant => `${day}T23:59:59.999+08:00`;
const window = { from: '2024-12-20', to: '2025-01-10' };
const view = { asOf: endOf('2025-01-10'), knownAt: endOf('2025-01-10') };

const world = async () => {
  const s = createScenario();
  await s.run('community', communityStream('dongfeng'), { type: 'RegisterCommunity', data: { communityId: 'dongfeng', name: '东风社区', grids: [] } }, at('2024-01-01'));
  const onCase = (caseId: string, day: string, command: { type: string; data: object }) =>
    s.run('case', caseStream(caseId), { ...command, data: { caseId, ...command.data } } as CommandOf<'case'>, at(day));
  const registerAccept = async (caseId: string, registered: string, accepted: string) => {
    await onCase(caseId, registered, {
      type: 'RegisterCase',
      data: { origin: 'letter', communityId: 'dongfeng', category: 'labour', summary: `事项 ${caseId}`, registeredAt: at(registered), petitioners: [{ personId: `p-${caseId}` }] },
    });
    await onCase(caseId, accepted, { type: 'DecideAcceptance', data: { decision: 'accepted', at: at(accepted) } });
  };
  await registerAccept('k1', '2024-09-01', '2024-09-02');
  await onCase('k1', '2024-09-03', {
    type: 'AssignCase',
    data: { responsibleUnit: '劳动监察', responsibleLeaderId: 'L1', responsiblePerson: '王敏', measures: '约谈', deadline: '2024-11-01', at: at('2024-09-03') },
  });
  await onCase('k1', '2024-12-28', { type: 'ResolveCase', data: { method: 'mediation', level: 'community', outcome: 'solved', summary: '已结清', at: at('2024-12-28') } });
  await registerAccept('k2', '2024-11-01', '2024-11-02');
  await registerAccept('k3', '2024-09-05', '2024-09-06');
  return buildWorld(await s.events());
};

describe('the campaign summary', () => {
  it('counts the backlog worked down across the year boundary', async () => {
    const s = campaignSummary(await world(), view, window, plainPersonalData);
    expect(s.backlog).toMatchObject({ atStart: 2, atEnd: 2, workedDown: 1, newlyListed: 1 });
    expect(s.backlog.byReason.overdue).toBe(2);
    expect(s.backlog.atEnd).toBe(s.kpis.backlog.open);
  });

  it('holds exactly the figures of the KPIs compared, the hotspots and the assessment of the window', async () => {
    const w = await world();
    const s = campaignSummary(w, view, window, plainPersonalData);
    const { figures, comparison } = comparedKpis(w, view, window, 'previous');
    expect(s.kpis).toEqual(figures);
    expect(s.comparison).toEqual(comparison);
    expect(s.assessment).toEqual(assessment(w, view, window));
    expect(s.hotspots).toEqual(hotspots(w, view, window, plainPersonalData));
    expect(s.names.communities).toEqual({ dongfeng: '东风社区' });
  });
});

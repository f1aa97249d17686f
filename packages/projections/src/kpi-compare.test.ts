import { describe, expect, it } from 'vitest';
import { caseStream, communityStream, type CommandOf, type Instant } from '@xinfang/domain';
import { comparedKpis, comparedWindow, dayAYearEarlier, kpiChanges } from './kpi-compare';
import { kpis } from './kpis';
import { createScenario } from './test-scenario';
import { buildWorld } from './world';

/*
 * 环比 and 同比, worked by hand. Community dongfeng; cases (all 2024–2025, Asia/Shanghai, one petitioner each):
 *
 * | case | registered        | origin    | then                                              |
 * | a1   | 2023-12-28 09:00  | letter    | (a year before the window below)                   |
 * | b1   | 2024-12-02 09:00  | screening | escalated to the province 2024-12-05              |
 * | b2   | 2024-12-18 09:00  | letter    |                                                    |
 * | c1   | 2024-12-22 09:00  | phone     | accepted 12-23, assigned 12-24 (deadline 01-15), resolved 2025-01-02 |
 * | c2   | 2025-01-03 09:00  | online    |                                                    |
 * | c3   | 2025-01-08 09:00  | screening |                                                    |
 *
 * The window 2024-12-20 – 2025-01-10 (22 days, across the year's end), as of 2025-01-10 end of day:
 * volume 3 (c1 c2 c3), escalations 0.
 * 环比: 2024-11-28 – 2024-12-19 as of 2024-12-19 end of day: volume 2 (b1 b2), escalations.province 1.
 * 同比: 2023-12-20 – 2024-01-10 as of 2024-01-10 end of day: volume 1 (a1), escalations 0.
 */

const at = (day: string, time = '09:00'): Instant => `${day}T${time}:00+08:00`;

const world = async () => {
  const s = createScenario();
  await s.run('community', communityStream('dongfeng'), { type: 'RegisterCommunity', data: { communityId: 'dongfeng', name: '东风社区', grids: [] } }, at('2023-01-01'));
  const register = (caseId: string, day: string, origin: 'letter' | 'screening' | 'phone' | 'online') =>
    s.run(
      'case',
      caseStream(caseId),
      {
        type: 'RegisterCase',
        data: { caseId, origin, communityId: 'dongfeng', category: 'neighbour', summary: `事项 ${caseId}`, registeredAt: at(day), petitioners: [{ personId: `p-${caseId}` }] },
      },
      at(day),
    );
  const onCase = (caseId: string, day: string, command: { type: string; data: object }) =>
    s.run('case', caseStream(caseId), { ...command, data: { caseId, ...command.data } } as CommandOf<'case'>, at(day, '18:00'));
  await register('a1', '2023-12-28', 'letter');
  await register('b1', '2024-12-02', 'screening');
  await onCase('b1', '2024-12-05', { type: 'RecordEscalation', data: { level: 'province', collective: false, abnormal: false, at: at('2024-12-05') } });
  await register('b2', '2024-12-18', 'letter');
  await register('c1', '2024-12-22', 'phone');
  await onCase('c1', '2024-12-23', { type: 'DecideAcceptance', data: { decision: 'accepted', at: at('2024-12-23') } });
  await onCase('c1', '2024-12-24', {
    type: 'AssignCase',
    data: { responsibleUnit: '东风社区', responsibleLeaderId: 'L1', responsiblePerson: '王敏', measures: '上门调解', deadline: '2025-01-15', at: at('2024-12-24') },
  });
  await onCase('c1', '2025-01-02', {
    type: 'ResolveCase',
    data: { method: 'mediation', level: 'community', outcome: 'solved', summary: '已调解', at: at('2025-01-02') },
  });
  await register('c2', '2025-01-03', 'online');
  await register('c3', '2025-01-08', 'screening');
  return buildWorld(await s.events());
};

const endOf = (day: string): Instant => `${day}T23:59:59.999+08:00`;
const view = { asOf: endOf('2025-01-10'), knownAt: endOf('2025-01-10') };
const window = { from: '2024-12-20', to: '2025-01-10' };

describe('the window compared with', () => {
  it('is the 22 days before, seen 22 days earlier (环比), across the year boundary', () => {
    expect(comparedWindow(window, view, 'previous')).toEqual({
      window: { from: '2024-11-28', to: '2024-12-19' },
      view: { asOf: endOf('2024-12-19'), knownAt: endOf('2025-01-10') },
    });
  });

  it('is the same days a year earlier (同比); 29 February becomes 28 February', () => {
    expect(comparedWindow(window, view, 'lastYear').window).toEqual({ from: '2023-12-20', to: '2024-01-10' });
    expect(comparedWindow(window, view, 'lastYear').view.asOf).toBe(endOf('2024-01-10'));
    expect(dayAYearEarlier('2024-02-29')).toBe('2023-02-28');
    expect(dayAYearEarlier('2025-03-01')).toBe('2024-03-01');
    const leap = comparedWindow({ from: '2024-02-01', to: '2024-02-29', communityId: 'dongfeng' }, { asOf: at('2024-02-29', '10:30'), knownAt: at('2024-03-01') }, 'lastYear');
    expect(leap).toEqual({
      window: { from: '2023-02-01', to: '2023-02-28', communityId: 'dongfeng' },
      view: { asOf: '2023-02-28T10:30:00.000+08:00', knownAt: at('2024-03-01') },
    });
  });
});

describe('the KPIs compared', () => {
  it('环比: the figures of the window before, and each change', async () => {
    const w = await world();
    const { figures, comparison } = comparedKpis(w, view, window, 'previous');
    expect(figures).toEqual(kpis(w, view, window));
    expect(comparison.figures).toEqual(kpis(w, { asOf: endOf('2024-12-19'), knownAt: view.knownAt }, { from: '2024-11-28', to: '2024-12-19' }));
    expect(comparison).toMatchObject({ compare: 'previous', from: '2024-11-28', to: '2024-12-19', asOf: endOf('2024-12-19') });
    expect(comparison.changes['volume.total']).toEqual({ before: 2, after: 3, change: 1 });
    expect(comparison.changes['volume.byOrigin.screening']).toEqual({ before: 1, after: 1, change: 0 });
    expect(comparison.changes['volume.byOrigin.letter']).toEqual({ before: 1, after: 0, change: -1 });
    expect(comparison.changes['escalations.province']).toEqual({ before: 1, after: 0, change: -1 });
    // c1: accepted and resolved on time in the window; the window before resolved nothing.
    expect(comparison.changes['onTimeResolution']).toEqual({ before: null, after: 1, change: null });
    // b1's 15 days ended 12-17, undecided: 0 of 1 before; c1 decided in a day: 1 of 1 (c2, c3 still have days).
    expect(comparison.changes['timelyAcceptance']).toEqual({ before: 0, after: 1, change: 1 });
    // Lists and flags are not compared.
    expect(Object.keys(comparison.changes).some((key) => key.startsWith('deadlineWarnings') || key.includes('gaps') || key === 'incidents.held')).toBe(false);
  });

  it('同比: the same days of the year before, across its own year boundary', async () => {
    const w = await world();
    const { comparison } = comparedKpis(w, view, window, 'lastYear');
    expect(comparison.changes['volume.total']).toEqual({ before: 1, after: 3, change: 2 });
    expect(comparison.changes['volume.byOrigin.letter']).toEqual({ before: 1, after: 0, change: -1 });
  });

  it('an empty window before: every count 0, every rate null', async () => {
    const w = await world();
    const early = { from: '2023-12-28', to: '2023-12-31' };
    const { comparison } = comparedKpis(w, { asOf: endOf('2023-12-31'), knownAt: view.knownAt }, early, 'previous');
    expect(comparison.changes['volume.total']).toEqual({ before: 0, after: 1, change: 1 });
    const befores = Object.values(comparison.changes).map((c) => c.before);
    expect(befores.every((b) => b === 0 || b === null)).toBe(true);
    expect(comparison.changes['satisfaction']).toEqual({ before: null, after: null, change: null });
  });

  it('walks every count and rate of two answers', async () => {
    const w = await world();
    const a = kpis(w, view, window);
    const changes = kpiChanges(a, a);
    expect(Object.values(changes).every((c) => c.change === 0 || c.change === null)).toBe(true);
    expect(Object.keys(changes)).toContain('receptionCompliance.dailyDuty');
    expect(Object.keys(changes)).toContain('backlog.byReason.overdue');
  });
});

import { describe, expect, it } from 'vitest';
import { caseStream, communityStream, matterLinkId, matterLinkStream, type CommandOf, type Instant } from '@xinfang/domain';
import { hotspots, similarity } from './hotspots';
import { plainPersonalData } from './personal-data';
import { createScenario } from './test-scenario';
import { buildWorld } from './world';

/*
 * Hotspots worked by hand over 2024-12-26 – 2025-01-08 (14 days, across the year's end; the window before:
 * 2024-12-12 – 12-25). Communities 东风 (grids df-1, df-2) and 西园 (xy-1).
 *
 * | case | community, grid | category    | registered | person | summary                     |
 * | e1   | dongfeng df-1   | wageArrears | 2024-12-20 | p1     | 某工地拖欠农民工工资三个月   |  (the window before)
 * | h1   | dongfeng df-1   | wageArrears | 2024-12-27 | p2     | 某工地拖欠工资三个月未发     |
 * | h2   | dongfeng df-1   | wageArrears | 2024-12-30 | p3     | 工地拖欠工资三个月，要求结清 |
 * | h3   | dongfeng df-2   | neighbour   | 2025-01-03 | p1     | 楼上漏水                     |
 * | h4   | xiyuan xy-1     | wageArrears | 2025-01-06 | p4     | 某工地拖欠工资三个月未发     |
 * | h5   | dongfeng —      | wageArrears | 2025-01-07 | p5     | 物业费纠纷                   |
 *
 * h1 and h2: 3 days apart, other people, bigrams 11 and 12 with 8 in common: 8 / 15 = 0.53 — one
 * suggestion. h4 is the same words but another community; h5 other words. p1 is on e1 and h3.
 */

const at = (day: string): Instant => `${day}T09:00:00+08:00`;
const endOf = (day: string): Instant => `${day}T23:59:59.999+08:00`;
const window = { from: '2024-12-26', to: '2025-01-08' };
const view = { asOf: endOf('2025-01-08'), knownAt: endOf('2025-01-08') };

const world = async (decisions: { decision: 'confirmed' | 'dismissed'; day: string }[] = []) => {
  const s = createScenario();
  const community = (communityId: string, name: string, grids: { gridId: string; name: string }[]) =>
    s.run('community', communityStream(communityId), { type: 'RegisterCommunity', data: { communityId, name, grids } }, at('2024-01-01'));
  await community('dongfeng', '东风社区', [
    { gridId: 'df-1', name: '一网格' },
    { gridId: 'df-2', name: '二网格' },
  ]);
  await community('xiyuan', '西园社区', [{ gridId: 'xy-1', name: '一网格' }]);
  const register = (caseId: string, communityId: string, gridId: string | undefined, category: string, day: string, personId: string, summary: string) =>
    s.run(
      'case',
      caseStream(caseId),
      {
        type: 'RegisterCase',
        data: { caseId, origin: 'visit', communityId, ...(gridId === undefined ? {} : { gridId }), category, summary, registeredAt: at(day), petitioners: [{ personId }] },
      } as CommandOf<'case'>,
      at(day),
    );
  await register('e1', 'dongfeng', 'df-1', 'wageArrears', '2024-12-20', 'p1', '某工地拖欠农民工工资三个月');
  await register('h1', 'dongfeng', 'df-1', 'wageArrears', '2024-12-27', 'p2', '某工地拖欠工资三个月未发');
  await register('h2', 'dongfeng', 'df-1', 'wageArrears', '2024-12-30', 'p3', '工地拖欠工资三个月，要求结清');
  await register('h3', 'dongfeng', 'df-2', 'neighbour', '2025-01-03', 'p1', '楼上漏水');
  await register('h4', 'xiyuan', 'xy-1', 'wageArrears', '2025-01-06', 'p4', '某工地拖欠工资三个月未发');
  await register('h5', 'dongfeng', undefined, 'wageArrears', '2025-01-07', 'p5', '物业费纠纷');
  for (const d of decisions)
    await s.run('matter', matterLinkStream(matterLinkId(['h1', 'h2'])), { type: 'DecideMatterLink', data: { caseIds: ['h2', 'h1'], decision: d.decision, at: at(d.day) } }, at(d.day));
  return buildWorld(await s.events());
};

describe('hotspots', () => {
  it('counts the window by category, community, grid and week, each beside the window before', async () => {
    const h = hotspots(await world(), view, window, plainPersonalData);
    expect(h.previous).toEqual({ from: '2024-12-12', to: '2024-12-25' });
    expect(h.byCategory.filter((r) => r.count + r.previous > 0).map((r) => [r.category, r.count, r.previous])).toEqual([
      ['wageArrears', 4, 1],
      ['neighbour', 1, 0],
    ]);
    expect(h.byCategory).toHaveLength(6);
    expect(h.byCommunity.map((r) => [r.communityId, r.name, r.count, r.previous])).toEqual([
      ['dongfeng', '东风社区', 4, 1],
      ['xiyuan', '西园社区', 1, 0],
    ]);
    expect(h.byGrid.map((r) => [r.gridId, r.name, r.count, r.previous])).toEqual([
      ['df-1', '东风社区一网格', 2, 1],
      ['df-2', '东风社区二网格', 1, 0],
      ['xy-1', '西园社区一网格', 1, 0],
    ]);
    expect(h.byWeek).toEqual([
      { weekOf: '2024-12-23', count: 1 },
      { weekOf: '2024-12-30', count: 2 },
      { weekOf: '2025-01-06', count: 2 },
    ]);
  });

  it('finds the person who came back with another case', async () => {
    const h = hotspots(await world(), view, window, plainPersonalData);
    expect(h.repeatPetitioners.map((r) => [r.petitioner.personId, r.caseIds])).toEqual([['p1', ['e1', 'h3']]]);
  });

  it('suggests h1 and h2 as one matter; dismissed, it is gone; confirmed, it is listed as confirmed', async () => {
    expect(similarity('某工地拖欠工资三个月未发', '工地拖欠工资三个月，要求结清')).toBeCloseTo(8 / 15, 10);
    const suggested = hotspots(await world(), view, window, plainPersonalData).sameMatter;
    expect(suggested).toEqual([
      { id: matterLinkId(['h1', 'h2']), caseIds: ['h1', 'h2'], communityId: 'dongfeng', category: 'wageArrears', similarity: 0.53, status: 'suggested' },
    ]);
    expect(hotspots(await world([{ decision: 'dismissed', day: '2025-01-08' }]), view, window, plainPersonalData).sameMatter).toEqual([]);
    const confirmed = hotspots(await world([{ decision: 'confirmed', day: '2025-01-08' }]), view, window, plainPersonalData).sameMatter;
    expect(confirmed.map((s) => s.status)).toEqual(['confirmed']);
    // Dismissed, then confirmed the next day: as of the day between, it is still dismissed.
    const both = await world([
      { decision: 'dismissed', day: '2025-01-07' },
      { decision: 'confirmed', day: '2025-01-08' },
    ]);
    expect(hotspots(both, { ...view, asOf: endOf('2025-01-07') }, window, plainPersonalData).sameMatter).toEqual([]);
  });

  it('an empty window before: every previous 0', async () => {
    const h = hotspots(await world(), { asOf: endOf('2024-12-25'), knownAt: view.knownAt }, { from: '2024-12-19', to: '2024-12-25' }, plainPersonalData);
    expect(h.byCommunity.map((r) => [r.communityId, r.count, r.previous])).toEqual([
      ['dongfeng', 1, 0],
      ['xiyuan', 0, 0],
    ]);
    expect(h.sameMatter).toEqual([]);
  });
});

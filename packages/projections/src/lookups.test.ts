import { describe, expect, it } from 'vitest';
import { caseById, communityName, existingCases, gridName, leaderInfo, leaderName, unitName } from './lookups';
import { createScenario } from './test-scenario';
import { buildWorld } from './world';

// One community 东风社区 (df1 东风第一网格), one leader 陈芳, one case c1; everything else is unknown.
const worldOf = async () => {
  const scenario = createScenario();
  const when = '2024-09-01T08:00:00+08:00';
  await scenario.run('community', 'community-dongfeng', {
    type: 'RegisterCommunity',
    data: { communityId: 'dongfeng', name: '东风社区', grids: [{ gridId: 'df1', name: '东风第一网格' }] },
  }, when);
  await scenario.run('leader', 'leader-chen', {
    type: 'RegisterLeader',
    data: { leaderId: 'chen', name: '陈芳', position: '党工委副书记', portfolio: '政法信访维稳', unit: 'subdistrict' },
  }, when);
  await scenario.run('case', 'case-c1', {
    type: 'RegisterCase',
    data: {
      caseId: 'c1', origin: 'phone', communityId: 'dongfeng', category: 'other', summary: '咨询',
      registeredAt: '2024-09-02T09:00:00+08:00', petitioners: [{ personId: 'p1' }],
    },
  }, '2024-09-02T09:00:00+08:00');
  return buildWorld(await scenario.events());
};

describe('lookups', () => {
  it('names communities and grids; an unknown id reads as itself', async () => {
    const world = await worldOf();
    expect(communityName(world, 'dongfeng')).toBe('东风社区');
    expect(communityName(world, 'xihu')).toBe('xihu');
    expect(gridName(world, 'dongfeng', 'df1')).toBe('东风第一网格');
    expect(gridName(world, 'dongfeng', 'df9')).toBe('df9');
    expect(gridName(world, 'xihu', 'xh1')).toBe('xh1');
  });

  it('gives a leader with position and portfolio; an unknown one as its id', async () => {
    const world = await worldOf();
    expect(leaderInfo(world, 'chen')).toEqual({ leaderId: 'chen', name: '陈芳', position: '党工委副书记', portfolio: '政法信访维稳', unit: 'subdistrict' });
    expect(leaderInfo(world, 'wang')).toEqual({ leaderId: 'wang', name: 'wang', position: '', portfolio: '', unit: '' });
    expect(leaderName(world, 'chen')).toBe('陈芳');
  });

  it('names units: 街道 for the subdistrict, else the community', async () => {
    const world = await worldOf();
    expect(unitName(world, 'subdistrict')).toBe('街道');
    expect(unitName(world, 'dongfeng')).toBe('东风社区');
    expect(unitName(world, 'xihu')).toBe('xihu');
  });

  it('finds cases', async () => {
    const world = await worldOf();
    expect(existingCases(world).map((s) => s.caseId)).toEqual(['c1']);
    expect(caseById(world, 'c1')?.registration.summary).toBe('咨询');
    expect(caseById(world, 'c2')).toBeUndefined();
  });
});

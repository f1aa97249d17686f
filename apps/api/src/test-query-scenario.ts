import { expect } from 'vitest';
import type { TestServer } from './test-server';

/*
 * Test support for the query routes (not exported): a small campaign written through the real command
 * endpoints, with the server's clock set so that each step is recorded when it would have been typed in.
 *
 * - 1 Sep: the test server's communities 青华 (grids qh-1, qh-2) and 阳光 (yg-1).
 * - 2 Sep: leaders L01 (subdistrict, principal) and L02 (青华);
 *   case c1 (screening, 青华, neighbour) with 张三丰; accepted 3 Sep, assigned to L02 (deadline 30 Sep)
 *   and packaged to L02 on 4 Sep; 青华's screening report of Wednesday 4 Sep names c1.
 * - 5 Sep: a visit (v1) received by L01 registers case c2 (`scenario.c2`, its id made by the server) (阳光, wageArrears) for 李四; a duty slot of L01 on 20 Sep.
 * - 12 Sep: a repeat petition on c2 (so c2 is in the backlog).
 * - 20 Sep: case c3 (letter, 青华, realEstate) with 王五.
 * - 25 Sep: c1's resolution of 10 Sep is typed in late.
 *
 * The clock is left at 25 Sep, 12:00.
 */

export const ZHANG = {
  name: '张三丰',
  idNumber: '350582199001012234',
  phone: '15800009011',
  address: '福建省泉州市晋江市青阳街道阳光路12号',
} as const;
export const ZHANG_MASKED = { name: '张**', idNumber: '350582********2234', phone: '158****9011', address: '福建省泉州市****' } as const;
export const LI = { name: '李四', phone: '13912345678' } as const;
export const WANG = { name: '王五', idNumber: '35058219850315561X' } as const;

export const NOW = '2024-09-25T12:00:00+08:00';

export interface Scenario {
  /** The person file of 张三丰. */
  readonly zhangId: string;
  readonly liId: string;
  /** The case the visit of 5 Sep registered (its id made by the server). */
  readonly c2: string;
  /** The log's head after the scenario. */
  readonly head: number;
}

const ok = async (server: TestServer, path: string, body: unknown): Promise<{ id: string; caseId?: string }> => {
  const res = await server.call('POST', path, { body });
  expect(res.status, `${path}: ${res.text}`).toBeLessThan(300);
  return res.body as { id: string; caseId?: string };
};

export const buildScenario = async (server: TestServer): Promise<Scenario> => {
  server.setNow('2024-09-02T18:00:00+08:00');
  await ok(server, '/api/v1/leaders', {
    leaderId: 'L01',
    name: '陈主任',
    position: '街道党工委书记',
    portfolio: '全面工作',
    unit: 'subdistrict',
    principal: true,
  });
  await ok(server, '/api/v1/leaders', { leaderId: 'L02', name: '林书记', position: '社区书记', portfolio: '信访维稳', unit: 'qinghua' });
  await ok(server, '/api/v1/cases', {
    caseId: 'c1',
    origin: 'screening',
    communityId: 'qinghua',
    gridId: 'qh-1',
    category: 'neighbour',
    summary: '邻里漏水纠纷',
    demands: '修复漏水',
    registeredAt: '2024-09-02T10:00:00+08:00',
    petitioners: [ZHANG],
  });
  server.setNow('2024-09-04T18:00:00+08:00');
  await ok(server, '/api/v1/cases/c1/acceptance', { decision: 'accepted', at: '2024-09-03T09:00:00+08:00' });
  await ok(server, '/api/v1/cases/c1/assignment', {
    responsibleUnit: '青华社区',
    responsibleLeaderId: 'L02',
    responsiblePerson: '网格员小刘',
    measures: '上门调解',
    deadline: '2024-09-30',
    at: '2024-09-04T09:00:00+08:00',
  });
  await ok(server, '/api/v1/cases/c1/package', { leaderId: 'L02', at: '2024-09-04T10:00:00+08:00' });
  await ok(server, '/api/v1/screening-reports', { communityId: 'qinghua', reportDate: '2024-09-04', caseIds: ['c1'] });

  server.setNow('2024-09-05T18:00:00+08:00');
  const visit = await ok(server, '/api/v1/visits', {
    visitId: 'v1',
    leaderId: 'L01',
    receivedAt: '2024-09-05T09:30:00+08:00',
    location: '街道信访接待室',
    visitorCount: 1,
    matter: '工地拖欠工资',
    communityId: 'yangguang',
    category: 'wageArrears',
    petitioners: [LI],
  });
  expect(visit.caseId).toBeDefined();
  await ok(server, '/api/v1/duties', { dutyId: 'd1', date: '2024-09-20', leaderId: 'L01', location: '街道信访接待室', unit: 'subdistrict' });

  server.setNow('2024-09-12T18:00:00+08:00');
  await ok(server, `/api/v1/cases/${visit.caseId}/repeat`, { at: '2024-09-12T09:00:00+08:00', channel: 'phone' });

  server.setNow('2024-09-20T18:00:00+08:00');
  await ok(server, '/api/v1/cases', {
    caseId: 'c3',
    origin: 'letter',
    communityId: 'qinghua',
    category: 'realEstate',
    summary: '物业费争议',
    registeredAt: '2024-09-20T10:00:00+08:00',
    petitioners: [WANG],
  });

  server.setNow('2024-09-25T09:00:00+08:00');
  await ok(server, '/api/v1/cases/c1/resolution', {
    at: '2024-09-10T16:00:00+08:00',
    method: 'mediation',
    level: 'community',
    outcome: 'solved',
    summary: '已修复漏水，双方和解',
  });
  server.setNow(NOW);

  const c1 = await server.call('GET', '/api/v1/cases/c1');
  expect(c1.status, c1.text).toBe(200);
  const c2 = await server.call('GET', `/api/v1/cases/${visit.caseId}`);
  expect(c2.status, c2.text).toBe(200);
  return {
    zhangId: c1.body.petitioners[0].personId as string,
    liId: c2.body.petitioners[0].personId as string,
    c2: visit.caseId as string,
    head: await server.eventCount(),
  };
};

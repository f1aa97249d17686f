import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario } from '../test-query-scenario';

/*
 * `GET /duties/announcement` (API.md v1.1) on the query scenario: one slot, L01 陈主任 (街道党工委书记,
 * 全面工作) on Friday 20 Sep 2024 at 街道信访接待室, in the subdistrict's roster of the week of 16 Sep.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await buildScenario(server);
});
afterAll(async () => server.close());

const get = (query: string, role: TestRole = 'office') => server.call('GET', `/api/v1/duties/announcement${query}`, { role });

describe('GET /duties/announcement', () => {
  it("gives the week's roster as ready-to-post text, not yet published", async () => {
    const res = await get('?weekOf=2024-09-16', 'leader:L02');
    expect(res.status, res.text).toBe(200);
    expect(res.body.text).toBe(
      [
        '街道领导干部接访公告（2024年9月16日至2024年9月22日）',
        '为畅通群众诉求表达渠道，及时就地解决群众合理诉求，现将本周领导干部接访安排公告如下：',
        '1. 2024年9月20日（星期五） 陈主任（街道党工委书记，分管全面工作），地点：街道信访接待室',
        '欢迎群众依法逐级、有序到场反映诉求。',
      ].join('\n'),
    );
    expect(res.body).toMatchObject({
      from: '2024-09-16',
      to: '2024-09-22',
      slots: [{ dutyId: 'd1', date: '2024-09-20', leader: '陈主任', location: '街道信访接待室' }],
      rosters: [{ unit: 'subdistrict', unitName: '街道', weekOf: '2024-09-16', publishedAt: null }],
      published: false,
    });
  });

  it('says so for a day without slots, and for a unit with none', async () => {
    const day = await get('?date=2024-09-19');
    expect(day.body).toMatchObject({ from: '2024-09-19', to: '2024-09-19', slots: [], rosters: [], published: false });
    expect(day.body.text).toBe('领导干部接访公告（2024年9月19日）\n本期暂无领导接访安排。');
    expect((await get('?weekOf=2024-09-16&unit=qinghua')).body.text).toBe('青华社区领导干部接访公告（2024年9月16日至2024年9月22日）\n本期暂无领导接访安排。');
  });

  it('shows the publication and a substitute once recorded', async () => {
    expect((await server.call('POST', '/api/v1/duties/announcements', { body: { unit: 'subdistrict', weekOf: '2024-09-16', publishedAt: '2024-09-14T10:00:00+08:00', channel: '公告栏' } })).status).toBe(201);
    expect((await server.call('POST', '/api/v1/duties/d1/missed', { body: { at: '2024-09-20T08:00:00+08:00', reason: '参加区里会议', substituteLeaderId: 'L02' } })).status).toBe(200);
    const res = await get('?date=2024-09-20&unit=subdistrict');
    expect(res.body.published).toBe(true);
    expect(res.body.rosters).toEqual([{ unit: 'subdistrict', unitName: '街道', weekOf: '2024-09-16', publishedAt: '2024-09-14T10:00:00+08:00' }]);
    expect(res.body.text.split('\n')[2]).toBe(
      '1. 2024年9月20日（星期五） 陈主任（街道党工委书记，分管全面工作），地点：街道信访接待室（原定领导因故不能接访，由林书记（社区书记）接访）',
    );
  });

  it('refuses a period that is not exactly one day or one Monday, naming it (400)', async () => {
    expect((await get('')).body.errors[0].path).toBe('date');
    expect((await get('?date=2024-09-20&weekOf=2024-09-16')).status).toBe(400);
    const notMonday = await get('?weekOf=2024-09-17');
    expect(notMonday.status).toBe(400);
    expect(notMonday.body.errors[0].path).toBe('weekOf');
    expect((await get('?date=20-09-2024')).body.errors[0].path).toBe('date');
  });
});

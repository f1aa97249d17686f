import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, ZHANG, type Scenario } from './test-query-scenario';
import { startTestServer, type TestServer } from './test-server';

/*
 * Forgetting a person (API.md: DELETE /persons/{id}): the key of their personal data is destroyed, the
 * events stay. Afterwards nothing the app answers, exports or logs may hold their name, id number or phone
 * — while the log still verifies.
 */

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
});
afterAll(async () => server.close());

const SECRETS = [ZHANG.name, ZHANG.idNumber, ZHANG.phone, ZHANG.address];

const xlsxText = async (bytes: ArrayBuffer): Promise<string> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
  return cells.join('\n');
};

describe('after DELETE /persons/{id}', () => {
  it('no endpoint, export or log line holds the person\'s name, id number or phone, and the log verifies', async () => {
    const before = await server.call('GET', `/api/v1/persons/${scenario.zhangId}`);
    expect(before.text).toContain(ZHANG.idNumber); // the office sees it while the key exists

    const erased = await server.call('DELETE', `/api/v1/persons/${scenario.zhangId}`);
    expect(erased.status).toBe(200);

    const reads = [
      '/api/v1/cases/c1',
      '/api/v1/cases/c1/history',
      `/api/v1/persons/${scenario.zhangId}`,
      '/api/v1/ledgers/disputes',
      '/api/v1/ledgers/disputes?format=csv',
      '/api/v1/ledgers/backlog',
      '/api/v1/ledgers/visits',
      '/api/v1/ledgers/duties',
      '/api/v1/reports/screening?communityId=qinghua&date=2024-09-04',
      '/api/v1/kpis?from=2024-09-01&to=2024-09-30',
      '/api/v1/events?limit=1000',
      '/api/v1/ledgers/disputes?asOf=2024-09-05', // a ledger of a day before the erasure, too
    ];
    for (const path of reads) {
      const res = await server.call('GET', path);
      expect(res.status, path).toBe(200);
      for (const secret of SECRETS) expect(res.text, `${path} holds ${secret}`).not.toContain(secret);
    }
    expect((await server.call('GET', '/api/v1/ledgers/disputes')).body.rows[0].petitioners[0].name).toBe('[已删除]');

    const xlsx = await fetch(`${server.url}/api/v1/ledgers/disputes?format=xlsx`, { headers: { authorization: `Bearer ${server.tokens.office}` } });
    const sheet = await xlsxText(await xlsx.arrayBuffer());
    expect(sheet).toContain('[已删除]');
    for (const secret of SECRETS) expect(sheet).not.toContain(secret);

    for (const secret of SECRETS) expect(server.logs()).not.toContain(secret);

    const verify = await server.call('GET', '/api/v1/audit/verify', { role: 'auditor' });
    expect(verify.body).toMatchObject({ ok: true, checked: await server.eventCount() });
  });
});

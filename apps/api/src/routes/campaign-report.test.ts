import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario } from '../test-query-scenario';

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  await buildScenario(server);
  dir = mkdtempSync(join(tmpdir(), 'xinfang-campaign-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, role: TestRole | null = 'office') => server.call('GET', `/api/v1${path}`, { role });
const WINDOW = 'from=2024-09-01&to=2024-09-25&asOf=2024-09-25';

/** The docx of the window, written to the temp dir. */
const docx = async (): Promise<string> => {
  const res = await fetch(`${server.url}/api/v1/reports/campaign?${WINDOW}&format=docx`, { headers: { authorization: `Bearer ${server.tokens.office}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const path = join(dir, 'summary.docx');
  writeFileSync(path, Buffer.from(await res.arrayBuffer()));
  return path;
};

/** LibreOffice, headless, converting into the temp dir (not blocking: the server answers in this process). */
const soffice = (file: string, to: string) =>
  promisify(execFile)('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, file], { timeout: 120_000 });

describe('GET /reports/campaign', () => {
  it('gives the figures /kpis?compare=previous and /assessment give for the same window', async () => {
    const res = await get(`/reports/campaign?${WINDOW}`);
    expect(res.status).toBe(200);
    const kpis = (await get(`/kpis?${WINDOW}&compare=previous`)).body;
    const { asOf, knownAt, from, to, communityId: _c, comparison, ...figures } = kpis;
    expect(res.body).toMatchObject({ from, to, asOf, knownAt });
    expect(res.body.kpis).toEqual(figures);
    expect(res.body.comparison).toEqual(comparison);
    const { asOf: _a, knownAt: _k, ...assessment } = (await get(`/assessment?${WINDOW}`)).body;
    expect(res.body.assessment).toEqual(assessment);
    const { asOf: _h1, knownAt: _h2, communityId: _h3, ...hotspots } = (await get(`/analysis/hotspots?${WINDOW}`)).body;
    expect(res.body.hotspots).toEqual(hotspots);
    expect(res.body.backlog).toMatchObject({ atEnd: kpis.backlog.open });
  });

  it('writes the summary as a Word document that LibreOffice opens, holding those figures', async () => {
    const summary = (await get(`/reports/campaign?${WINDOW}`)).body;
    const file = await docx();
    await soffice(file, 'pdf');
    expect(statSync(join(dir, 'summary.pdf')).size).toBeGreaterThan(1024);
    await soffice(file, 'txt:Text');
    const text = readFileSync(join(dir, 'summary.txt'), 'utf8');
    expect(text).toContain('信访工作总结（2024-09-01 至 2024-09-25）');
    expect(text).toContain(`本期共登记信访事项 ${summary.kpis.volume.total} 件`);
    expect(text).toContain(`期末 ${summary.backlog.atEnd} 件`);
    for (const row of summary.assessment.rows) expect(text).toContain(row.score.toFixed(1));
    expect(text).toContain('社区考核');
    expect(text).toContain('热点问题');
  }, 240_000);

  it('is read by the office, the auditor and the inspector only', async () => {
    expect((await get(`/reports/campaign?${WINDOW}`, 'inspector')).status).toBe(200);
    expect((await get(`/reports/campaign?${WINDOW}`, 'community:qinghua')).status).toBe(403);
    expect((await get(`/reports/campaign?${WINDOW}`, 'leader:L01')).status).toBe(403);
    expect((await get(`/reports/campaign?from=2024-09-01`)).status).toBe(400);
  });
});

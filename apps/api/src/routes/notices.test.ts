import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeKinds, type NoticeKind } from '@xinfang/domain';
import { expectNoWrite, startTestServer, type TestRole, type TestServer } from '../test-server';

/*
 * The written notices of a worked case: each of the six kinds printed through the API, recorded on the
 * case, given back as a Word document that LibreOffice opens and whose text holds the case's figures.
 */

let server: TestServer;
let dir: string;
const PETITIONER = { name: '欧阳明', idNumber: '350582199001012234', phone: '15800009011', address: '青阳街道阳光路12号' };

const ok = async (path: string, body: unknown, role: TestRole = 'office') => {
  const res = await server.call('POST', `/api/v1${path}`, { body, role });
  expect(res.status, `${path}: ${res.text}`).toBeLessThan(300);
  return res.body;
};

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'xinfang-notices-'));
  server.setNow('2024-09-02T18:00:00+08:00');
  await ok('/leaders', { leaderId: 'L01', name: '陈主任', position: '街道党工委书记', portfolio: '全面工作', unit: 'subdistrict', principal: true });
  await ok('/cases', {
    caseId: 'w1', origin: 'visit', communityId: 'qinghua', category: 'wageArrears', summary: '某工地拖欠工资三个月',
    registeredAt: '2024-09-02T10:00:00+08:00', petitioners: [PETITIONER],
  });
  server.setNow('2024-09-04T18:00:00+08:00');
  await ok('/cases/w1/acceptance', { decision: 'accepted', at: '2024-09-03T09:00:00+08:00' });
  await ok('/cases/w1/assignment', {
    responsibleUnit: '街道劳动保障所', responsibleLeaderId: 'L01', responsiblePerson: '王干事', measures: '约谈施工方', deadline: '2024-10-15', at: '2024-09-04T09:00:00+08:00',
  });
  server.setNow('2024-10-14T18:00:00+08:00');
  await ok('/cases/w1/extension', { newDeadline: '2024-11-01', reason: '需调取工程结算资料', approvedBy: '陈主任', at: '2024-10-14T09:00:00+08:00' });
  await ok('/cases/w1/resolution', { at: '2024-10-14T16:00:00+08:00', method: 'mediation', level: 'subdistrict', outcome: 'solved', summary: '施工方已结清全部欠薪' });
  await ok('/cases/w1/review', { level: 'review', at: '2024-10-14T17:00:00+08:00' });
  await ok('/cases/w1/review-decision', { level: 'review', at: '2024-10-14T17:30:00+08:00', outcome: 'upheld' });
  await ok('/cases', {
    caseId: 'r1', origin: 'letter', communityId: 'yangguang', category: 'other', summary: '要求撤销法院判决',
    registeredAt: '2024-10-10T10:00:00+08:00', petitioners: [{ name: '李四' }],
  });
  await ok('/cases/r1/acceptance', { decision: 'rejected', at: '2024-10-11T09:00:00+08:00', reason: '属于诉讼途径解决的事项' });
  server.setNow('2024-10-15T12:00:00+08:00');
}, 120_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What each kind's notice must say of the worked cases (beside the petitioner's name and the number). */
const expected: Record<NoticeKind, { caseId: string; texts: string[] }> = {
  acceptance: { caseId: 'w1', texts: ['信访事项受理告知书', '2024年9月2日', '某工地拖欠工资三个月', '2024年9月3日', '2024年11月2日'] },
  rejection: { caseId: 'r1', texts: ['信访事项不予受理告知书', '2024年10月11日', '属于诉讼途径解决的事项'] },
  transfer: { caseId: 'w1', texts: ['信访事项转送交办告知书', '街道劳动保障所', '2024年9月4日'] },
  extension: { caseId: 'w1', texts: ['信访事项延期办理告知书', '2024年10月15日', '2024年11月1日', '需调取工程结算资料'] },
  opinion: { caseId: 'w1', texts: ['信访事项处理意见书', '2024年10月14日', '施工方已结清全部欠薪', '30日内', '复查'] },
  review: { caseId: 'w1', texts: ['信访事项复查意见书', '维持', '请求复核'] },
};

const printed: Partial<Record<NoticeKind, { caseId: string; number: number }>> = {};

describe('POST /cases/{id}/notices', () => {
  it('prints each kind for the worked case and records it on the case: kind, number, template version, who', async () => {
    for (const kind of noticeKinds) {
      const { caseId } = expected[kind];
      const before = await server.eventCount();
      const res = await server.call('POST', `/api/v1/cases/${caseId}/notices`, { body: { kind, at: '2024-10-15T09:00:00+08:00' } });
      expect(res.status, res.text).toBe(201);
      expect(await server.eventCount()).toBe(before + 1);
      expect(res.body.notice).toMatchObject({ kind, templateVersion: 0, issuedBy: 'test office' });
      expect(res.body.document).toBe(`/api/v1/cases/${caseId}/notices/${res.body.notice.number}`);
      printed[kind] = { caseId, number: res.body.notice.number };
    }
    expect(Object.values(printed).filter((p) => p.caseId === 'w1').map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    const history = (await server.call('GET', '/api/v1/cases/w1/history')).body.events;
    const last = history[history.length - 1];
    expect(last).toMatchObject({ type: 'PetitionerNotified', data: { content: '复查（复核）意见书（w1-5）', notice: { kind: 'review', number: 5 } } });
    expect(last.meta.actor).toMatchObject({ role: 'office' });
    // The case file lists it, with its number, as its notices.
    const file = (await server.call('GET', '/api/v1/cases/w1')).body;
    expect(file.notices.map((n: { notice?: { number: number } }) => n.notice?.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives each back with the case’s figures; the Word documents open in LibreOffice', async () => {
    const files: string[] = [];
    for (const kind of noticeKinds) {
      const { caseId, number } = printed[kind]!;
      const json = await server.call('GET', `/api/v1/cases/${caseId}/notices/${number}`);
      expect(json.status, json.text).toBe(200);
      const text = json.body.lines.join('\n');
      for (const figure of [...expected[kind].texts, `编号：${caseId}-${number}`, caseId === 'w1' ? '欧阳明：' : '李四：']) expect(text, kind).toContain(figure);
      expect(text, kind).not.toMatch(/\{[^}]+\}/);
      const res = await fetch(`${server.url}/api/v1/cases/${caseId}/notices/${number}?format=docx`, { headers: { authorization: `Bearer ${server.tokens.office}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const file = join(dir, `${kind}.docx`);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      files.push(file);
    }
    // One LibreOffice run for all six (not blocking: the server answers in this process).
    const soffice = (to: string) =>
      promisify(execFile)('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, ...files], { timeout: 180_000 });
    await soffice('pdf');
    await soffice('txt:Text');
    for (const kind of noticeKinds) {
      expect(statSync(join(dir, `${kind}.pdf`)).size, kind).toBeGreaterThan(1024);
      const text = readFileSync(join(dir, `${kind}.txt`), 'utf8');
      for (const figure of expected[kind].texts) expect(text, kind).toContain(figure);
      expect(text, kind).toContain(`编号：${printed[kind]!.caseId}-${printed[kind]!.number}`);
    }
  }, 300_000);

  it('uses the office’s template from its change on; a notice printed before reads as it did', async () => {
    const before = (await server.call('GET', '/api/v1/cases/w1/notices/1')).body.lines;
    const templates = (await server.call('GET', '/api/v1/notices/templates')).body.templates;
    expect(templates.map((t: { kind: string; version: number }) => [t.kind, t.version])).toEqual(noticeKinds.map((k) => [k, 0]));
    const set = await server.call('POST', '/api/v1/notices/templates', {
      body: { kind: 'acceptance', officeName: '青阳街道信访工作办公室', sealText: '青阳街道信访工作办公室（印）', title: '受理告知书', body: '{信访人}反映的{事项}已于{受理日期}受理，办理期限至{办理期限}。', at: '2024-10-15T09:30:00+08:00' },
    });
    expect(set.status, set.text).toBe(201);
    const again = await server.call('POST', '/api/v1/cases/w1/notices', { body: { kind: 'acceptance', at: '2024-10-15T10:00:00+08:00' } });
    expect(again.body.notice).toMatchObject({ number: 6, templateVersion: 1 });
    const lines = (await server.call('GET', '/api/v1/cases/w1/notices/6')).body.lines;
    expect(lines).toContain('欧阳明反映的某工地拖欠工资三个月已于2024年9月3日受理，办理期限至2024年11月2日。');
    expect(lines).toContain('青阳街道信访工作办公室（印）');
    expect((await server.call('GET', '/api/v1/cases/w1/notices/1')).body.lines).toEqual(before);
  });

  it('refuses, writing nothing: a fact not there yet, a template naming an unknown placeholder, another role, a bad kind or number', async () => {
    await ok('/cases', { caseId: 'n1', origin: 'phone', communityId: 'qinghua', category: 'other', summary: '咨询', registeredAt: '2024-10-15T08:00:00+08:00', petitioners: [{ name: '赵六' }] });
    const refused = await expectNoWrite(server, () => server.call('POST', '/api/v1/cases/n1/notices', { body: { kind: 'opinion', at: '2024-10-15T09:00:00+08:00' } }), 422);
    expect(refused.body.code).toBe('nothingToNotify');
    const badTemplate = await expectNoWrite(
      server,
      () => server.call('POST', '/api/v1/notices/templates', { body: { kind: 'rejection', officeName: 'x', sealText: 'x', title: 'x', body: '{处理意见}', at: '2024-10-15T09:30:00+08:00' } }),
      422,
    );
    expect(badTemplate.body).toMatchObject({ code: 'unknownPlaceholder', errors: [{ path: 'body' }] });
    const withoutReason = await expectNoWrite(
      server,
      () => server.call('POST', '/api/v1/notices/templates', { body: { kind: 'rejection', officeName: 'x', sealText: 'x', title: 'x', body: '{信访人}：不予受理。', at: '2024-10-15T09:30:00+08:00' } }),
      422,
    );
    expect(withoutReason.body).toMatchObject({ code: 'missingPlaceholder', errors: [{ path: 'body' }] });
    await expectNoWrite(server, () => server.call('POST', '/api/v1/cases/w1/notices', { body: { kind: 'apology', at: '2024-10-15T09:00:00+08:00' } }), 400);
    await expectNoWrite(server, () => server.call('POST', '/api/v1/cases/w1/notices', { role: 'community:qinghua', body: { kind: 'acceptance', at: '2024-10-15T09:00:00+08:00' } }), 403);
    await expectNoWrite(server, () => server.call('POST', '/api/v1/cases/nope/notices', { body: { kind: 'acceptance', at: '2024-10-15T09:00:00+08:00' } }), 404);
    expect((await server.call('GET', '/api/v1/cases/w1/notices/99')).status).toBe(404);
    expect((await server.call('GET', '/api/v1/cases/w1/notices/x')).body.errors).toEqual([{ path: 'number', message: expect.any(String) }]);
    expect((await server.call('GET', '/api/v1/cases/w1/notices/1', { role: 'auditor' })).status).toBe(403);
  });
});

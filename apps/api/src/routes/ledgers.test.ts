import ExcelJS from 'exceljs';
import { forms, toCsv, toXlsx, type Form } from '@xinfang/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario, LI, WANG, ZHANG, ZHANG_MASKED, type Scenario } from '../test-query-scenario';

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
});
afterAll(async () => server.close());

const get = (path: string, role: TestRole | null = 'office') => server.call('GET', `/api/v1${path}`, { role });
/** The raw bytes of an answer (a fetch's `text()` would drop the BOM). */
const raw = async (path: string, role: TestRole = 'office') => {
  const response = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${server.tokens[role]}` } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};

/** A CSV answer's text after its BOM, which it must start with. */
const csvText = async (path: string, role: TestRole = 'office') => {
  const { response, bytes } = await raw(path, role);
  expect(response.status).toBe(200);
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return { response, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3)) };
};

const caseIds = (body: { rows: { caseId: string }[] }) => body.rows.map((row) => row.caseId);

const DISPUTES_HEADERS = [
  '序号', '社区', '网格', '排查日期', '当事人', '涉及人数', '矛盾纠纷类型', '基本情况', '诉求', '风险类型',
  '责任单位', '责任领导', '责任人', '化解措施', '化解时限', '化解状态', '化解情况',
];

describe('GET /ledgers/disputes (附件1)', () => {
  it('lists every case registered, newest last, with the form columns', async () => {
    const res = await get('/ledgers/disputes');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: '2024-09-25T12:00:00+08:00', knownAt: '2024-09-25T12:00:00+08:00', total: 3 });
    expect(caseIds(res.body)).toEqual(['c1', scenario.c2, 'c3']);
    expect(res.body.rows[0]).toMatchObject({
      seq: 1,
      caseId: 'c1',
      community: '青华社区',
      grid: '第一网格',
      registeredAt: '2024-09-02T10:00:00+08:00',
      peopleCount: 1,
      category: 'neighbour',
      responsibleLeader: '林书记',
      deadline: '2024-09-30',
      status: 'resolved',
      resolutionSummary: '已修复漏水，双方和解',
      petitioners: [{ personId: scenario.zhangId, ...ZHANG }],
    });
  });

  it('filters by communityId, from/to and category', async () => {
    expect(caseIds((await get('/ledgers/disputes?communityId=qinghua')).body)).toEqual(['c1', 'c3']);
    expect(caseIds((await get('/ledgers/disputes?from=2024-09-03&to=2024-09-19')).body)).toEqual([scenario.c2]);
    expect(caseIds((await get('/ledgers/disputes?category=realEstate')).body)).toEqual(['c3']);
  });

  it('answers as of a date and as known at a time', async () => {
    const asOf = await get('/ledgers/disputes?asOf=2024-09-15');
    expect(caseIds(asOf.body)).toEqual(['c1', scenario.c2]); // c3 was registered on the 20th
    expect(asOf.body.asOf).toBe('2024-09-15T23:59:59.999+08:00');
    expect(asOf.body.rows[0].status).toBe('resolved');
    const known = await get('/ledgers/disputes?asOf=2024-09-15&knownAt=2024-09-21T00:00:00%2B08:00');
    expect(known.body.rows[0].status).toBe('inProgress'); // the resolution was typed in on the 25th
    expect(known.body.knownAt).toBe('2024-09-21T00:00:00+08:00');
  });

  it('pages with limit and offset, numbering on', async () => {
    const res = await get('/ledgers/disputes?limit=1&offset=1');
    expect(res.body.total).toBe(3);
    expect(res.body.rows.map((r: { seq: number; caseId: string }) => [r.seq, r.caseId])).toEqual([[2, scenario.c2]]);
  });

  it('masks petitioners for the auditor, the inspector and a community', async () => {
    for (const role of ['auditor', 'inspector', 'community:qinghua'] as const) {
      const res = await get('/ledgers/disputes', role);
      expect(res.status, role).toBe(200);
      expect(res.body.rows[0].petitioners, role).toEqual([{ personId: scenario.zhangId, ...ZHANG_MASKED }]);
      expect(res.text, role).not.toContain(ZHANG.idNumber);
      expect(res.text, role).not.toContain(ZHANG.phone);
    }
  });

  it('limits a community to its own, and refuses another community (403, never an empty list)', async () => {
    expect(caseIds((await get('/ledgers/disputes', 'community:qinghua')).body)).toEqual(['c1', 'c3']);
    expect(caseIds((await get('/ledgers/disputes?communityId=qinghua', 'community:qinghua')).body)).toEqual(['c1', 'c3']);
    expect(caseIds((await get('/ledgers/disputes', 'community:yangguang')).body)).toEqual([scenario.c2]);
    expect((await get('/ledgers/disputes?communityId=yangguang', 'community:qinghua')).status).toBe(403);
  });

  it('refuses bad parameters with a 400 naming each', async () => {
    const res = await get('/ledgers/disputes?from=2024-13-01&limit=-1&offset=x&format=pdf&category=noise&communityId=a%20b');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['category', 'communityId', 'format', 'from', 'limit', 'offset'].sort(),
    );
    const twice = await get('/ledgers/disputes?asOf=2024-09-01&asOf=2024-09-02');
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: 'asOf', message: expect.any(String) }]);
  });

  it('exports CSV: BOM, the Chinese headers, one record per row, masked for the auditor', async () => {
    const { response, text } = await csvText('/ledgers/disputes?format=csv&asOf=2024-09-25', 'auditor');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('attachment; filename="disputes-2024-09-25.csv"');
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('附件1-矛盾纠纷排查化解清单-2024-09-25.csv');
    // The log's head when exported, the same one GET /audit/verify reports.
    const verified = (await server.call('GET', '/api/v1/audit/verify')).body;
    expect(response.headers.get('x-xinfang-head')).toBe(`${verified.checked}:${verified.headHash}`);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(DISPUTES_HEADERS.join(','));
    expect(lines.filter((line) => line !== '')).toHaveLength(4);
    expect(lines[1]).toMatch(/^1,青华社区,第一网格,2024-09-02,张\*\*,1,邻里纠纷,/);
    expect(text).not.toContain(ZHANG.name);
    expect((await csvText('/ledgers/disputes?format=csv')).text).toContain(ZHANG.name);
  });

  it('exports XLSX: the title, the headers and the rows of the JSON ledger for the same query', async () => {
    const query = '/api/v1/ledgers/disputes?communityId=qinghua&asOf=2024-09-25';
    const json = await server.call('GET', query, { role: 'auditor' });
    const { response, bytes } = await raw(`${query.slice('/api/v1'.length)}&format=xlsx`, 'auditor');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toContain('filename="disputes-2024-09-25.xlsx"');
    expect(response.headers.get('x-xinfang-head')).toMatch(/^[1-9][0-9]*:[0-9a-f]{64}$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    const sheet = workbook.getWorksheet('附件1');
    expect(sheet).toBeDefined();
    expect(sheet!.getCell(1, 1).value).toBe('附件1 矛盾纠纷排查化解清单');
    expect(sheet!.getCell(2, 1).text).toContain('填报单位：青华社区');
    const headerRow = sheet!.getRow(3);
    expect(DISPUTES_HEADERS.map((_, i) => headerRow.getCell(i + 1).value)).toEqual(DISPUTES_HEADERS);
    const rows = json.body.rows as { seq: number; community: string; summary: string; petitioners: { name: string }[] }[];
    expect(rows).toHaveLength(2);
    rows.forEach((row, i) => {
      const line = sheet!.getRow(4 + i);
      expect(line.getCell(1).value).toBe(row.seq);
      expect(line.getCell(2).value).toBe(row.community);
      expect(line.getCell(5).value).toBe(row.petitioners.map((p) => p.name).join('、'));
      expect(line.getCell(8).value).toBe(row.summary);
    });
    expect(sheet!.getRow(4 + rows.length).getCell(1).value).toBeNull();
  });

  it('answers 401 without a token and 403 to a leader', async () => {
    expect((await get('/ledgers/disputes', null)).status).toBe(401);
    expect((await get('/ledgers/disputes', 'leader:L01')).status).toBe(403);
    expect((await get('/ledgers/disputes', 'leader:L02')).status).toBe(403);
  });
});

describe('GET /ledgers/backlog (附件2)', () => {
  it('lists the cases in backlog as of asOf, with reasons, 包案 leader and 五个一', async () => {
    const res = await get('/ledgers/backlog');
    expect(res.status).toBe(200);
    expect(caseIds(res.body)).toEqual([scenario.c2]);
    expect(res.body.rows[0]).toMatchObject({
      seq: 1,
      community: '阳光社区',
      reasons: ['overdue', 'repeat'],
      listedSince: '2024-09-12',
      packageLeader: [],
      fiveOnesComplete: false,
      petitioners: [{ personId: scenario.liId, ...LI }],
    });
    // Before the repeat petition of the 12th, nothing was in backlog.
    expect((await get('/ledgers/backlog?asOf=2024-09-11')).body.total).toBe(0);
    // c3, never accepted, is overdue after its 15 days (5 October).
    const later = await get('/ledgers/backlog?asOf=2024-10-08');
    expect(caseIds(later.body).sort()).toEqual([scenario.c2, 'c3'].sort());
    expect(later.body.rows.find((r: { caseId: string }) => r.caseId === 'c3').petitioners[0].idNumber).toBe(WANG.idNumber);
  });

  it('applies the roles: inspector masked, community limited, leader 403', async () => {
    const inspector = await get('/ledgers/backlog', 'inspector');
    expect(inspector.body.rows[0].petitioners[0]).toEqual({ personId: scenario.liId, name: '李**', phone: '139****5678' });
    expect((await get('/ledgers/backlog', 'community:qinghua')).body.total).toBe(0);
    expect((await get('/ledgers/backlog', 'community:yangguang')).body.total).toBe(1);
    expect((await get('/ledgers/backlog?communityId=yangguang', 'community:qinghua')).status).toBe(403);
    expect((await get('/ledgers/backlog', 'leader:L01')).status).toBe(403);
    expect((await get('/ledgers/backlog', null)).status).toBe(401);
    expect((await get('/ledgers/backlog', 'auditor')).status).toBe(200);
  });

  it('exports CSV with the form headers', async () => {
    const { text } = await csvText('/ledgers/backlog?format=csv');
    expect(text.split('\r\n')[0]).toBe(
      '序号,信访人,社区,信访事项,诉求,列入原因,列入日期,包案领导,工作专班,化解方案,会议纪要,稳控措施,五个一落实,化解时限,最新进展',
    );
  });
});

describe('GET /ledgers/visits (附件3)', () => {
  it('lists one row per visit with the visitors, filtered by from/to and leaderId', async () => {
    const res = await get('/ledgers/visits');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      expect.objectContaining({
        seq: 1,
        caseId: scenario.c2,
        visitId: 'v1',
        receivedAt: '2024-09-05T09:30:00+08:00',
        leader: '陈主任',
        leaderPosition: '街道党工委书记',
        visitorCount: 1,
        matter: '工地拖欠工资',
        petitioners: [{ personId: scenario.liId, ...LI }],
      }),
    ]);
    expect((await get('/ledgers/visits?leaderId=L02')).body.total).toBe(0);
    expect((await get('/ledgers/visits?from=2024-09-06')).body.total).toBe(0);
    expect((await get('/ledgers/visits?asOf=2024-09-04')).body.total).toBe(0);
  });

  it('applies the roles', async () => {
    expect((await get('/ledgers/visits', 'auditor')).body.rows[0].petitioners[0].name).toBe('李**');
    expect((await get('/ledgers/visits', 'community:yangguang')).body.total).toBe(1);
    expect((await get('/ledgers/visits', 'community:qinghua')).body.total).toBe(0);
    expect((await get('/ledgers/visits?communityId=yangguang', 'community:qinghua')).status).toBe(403);
    expect((await get('/ledgers/visits', 'inspector')).status).toBe(200);
    expect((await get('/ledgers/visits', 'leader:L01')).status).toBe(403);
    expect((await get('/ledgers/visits', null)).status).toBe(401);
  });
});

describe('GET /ledgers/duties (附件4)', () => {
  it('lists the roster, filtered by from/to and unit', async () => {
    const res = await get('/ledgers/duties');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      expect.objectContaining({
        dutyId: 'd1',
        date: '2024-09-20',
        weekday: '星期五',
        leader: '陈主任',
        position: '街道党工委书记',
        unit: '街道',
        announcedAt: null,
      }),
    ]);
    expect((await get('/ledgers/duties?unit=qinghua')).body.total).toBe(0);
    expect((await get('/ledgers/duties?unit=subdistrict&from=2024-09-20&to=2024-09-20')).body.total).toBe(1);
    expect((await get('/ledgers/duties?to=2024-09-19')).body.total).toBe(0);
  });

  it('is public to every role, but not without a token', async () => {
    for (const role of ['office', 'auditor', 'inspector', 'community:qinghua', 'community:yangguang', 'leader:L01', 'leader:L02'] as const) {
      expect((await get('/ledgers/duties', role)).status, role).toBe(200);
    }
    expect((await get('/ledgers/duties', null)).status).toBe(401);
  });

  it('exports CSV with the form headers', async () => {
    const { text } = await csvText('/ledgers/duties?format=csv', 'leader:L01');
    const [header, row] = text.split('\r\n');
    expect(header).toBe('日期,星期,接访领导,职务,分管工作,接访地点,单位,公告时间');
    expect(row).toBe('2024-09-20,星期五,陈主任,街道党工委书记,全面工作,街道信访接待室,街道,');
  });
});

describe('exports, streamed', () => {
  it('write the bytes of toCsv and the cells of toXlsx for the JSON ledger of the same query, for every form', async () => {
    const cells = async (bytes: Uint8Array) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return workbook.worksheets.map((sheet) => sheet.getSheetValues());
    };
    for (const [name, path] of [['disputes', '/ledgers/disputes?asOf=2024-09-25'], ['backlog', '/ledgers/backlog'], ['visits', '/ledgers/visits'], ['duties', '/ledgers/duties']] as const) {
      const json = await server.call('GET', `/api/v1${path}`, { role: 'auditor' });
      const rows = json.body.rows as unknown[];
      const form = forms[name] as Form<unknown>;
      expect(rows.length, name).toBeGreaterThan(0);
      const separator = path.includes('?') ? '&' : '?';
      const csv = await raw(`${path}${separator}format=csv`, 'auditor');
      expect(Buffer.from(csv.bytes).equals(Buffer.from(toCsv(form, rows), 'utf8')), name).toBe(true);
      const xlsx = await raw(`${path}${separator}format=xlsx`, 'auditor');
      const asOf = (json.body as { asOf: string }).asOf;
      expect(await cells(xlsx.bytes), name).toEqual(await cells(await toXlsx(form, rows, { asOf, generatedAt: server.services.clock.now() })));
    }
  });
});

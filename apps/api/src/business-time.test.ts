import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACT_DATE_FIELDS, ACT_INSTANT_FIELDS, PLAN_TIME_FIELDS } from '@xinfang/domain';
import type { JsonSchema } from './io-ts-schema';
import { toJsonSchema } from './io-ts-schema';
import { endpoints } from './routes/system';
import { expectNoWrite, startTestServer, TEST_NOW, type TestServer } from './test-server';

/*
 * A business time later than the clock's now (plus 5 minutes) is refused: 422 businessTimeInFuture naming
 * the field, nothing written. Plans (deadlines, due dates, a slot's day, a roster's week) may lie ahead.
 */

let server: TestServer;
const FUTURE = '2030-01-01T09:00:00+08:00';
const minutesAfterNow = (minutes: number) => new Date(Date.parse(TEST_NOW) + minutes * 60_000).toISOString();

const ok = async (path: string, body: unknown) => {
  const res = await server.call('POST', `/api/v1${path}`, { body });
  expect(res.status, `${path}: ${res.text}`).toBeLessThan(300);
  return res;
};

const newCase = (caseId: string, registeredAt: string) => ({
  caseId,
  origin: 'screening',
  communityId: 'qinghua',
  category: 'neighbour',
  summary: '邻里漏水纠纷',
  registeredAt,
  petitioners: [{ name: '张三' }],
});

beforeAll(async () => {
  server = await startTestServer();
  await ok('/leaders', { leaderId: 'L01', name: '陈主任', position: '街道党工委书记', portfolio: '全面工作', unit: 'subdistrict' });
  await ok('/cases', newCase('c-bt', '2024-10-01T09:00:00+08:00'));
  await ok('/cases/c-bt/acceptance', { decision: 'accepted', at: '2024-10-01T10:00:00+08:00' });
  await ok('/duties', { dutyId: 'd-bt', date: '2024-10-30', leaderId: 'L01', location: '接待室', unit: 'subdistrict' });
  await ok('/inspections', { inspectionId: 'i-bt', unit: 'qinghua', finding: '登记不全', at: '2024-10-20T10:00:00+08:00', dueDate: '2024-11-30' });
});
afterAll(async () => server.close());

const refusedAsFuture = async (path: string, body: unknown, field: string) => {
  const res = await expectNoWrite(server, () => server.call('POST', `/api/v1${path}`, { body }), 422);
  expect(res.body).toMatchObject({ code: 'businessTimeInFuture', details: { field }, errors: [{ path: field }] });
  return res;
};

describe('a business time in the future', () => {
  it('refuses a case registered in 2030 (422 naming registeredAt), writing nothing — no person file either', async () => {
    const res = await refusedAsFuture('/cases', newCase('c-2030', FUTURE), 'registeredAt');
    expect(res.body.errors[0].message).toBe(
      `registeredAt（${FUTURE}）晚于当前时间，业务时间不能在将来 / registeredAt (${FUTURE}) is later than now: a business time cannot lie in the future`,
    );
    expect(res.body.details.latest).toBe('2024-10-31T10:05:00.000Z');
  });

  it('allows 5 minutes of clock drift, not more', async () => {
    await refusedAsFuture('/cases', newCase('c-drift', minutesAfterNow(6)), 'registeredAt');
    const res = await server.call('POST', '/api/v1/cases', { body: newCase('c-drift', minutesAfterNow(4)) });
    expect(res.status).toBe(201);
  });

  it.each([
    ['/visits', { leaderId: 'L01', receivedAt: FUTURE, location: '接待室', visitorCount: 1, matter: '电梯停运', petitioners: [{ name: '孙七' }], communityId: 'qinghua', category: 'realEstate' }, 'receivedAt'],
    ['/cases/c-bt/progress', { at: FUTURE, note: '约谈' }, 'at'],
    ['/cases/c-bt/assignment', { responsibleUnit: '青华社区', responsibleLeaderId: 'L01', responsiblePerson: '王', measures: '调解', deadline: '2024-11-20', at: FUTURE }, 'at'],
    ['/duties/announcements', { unit: 'subdistrict', weekOf: '2024-11-04', publishedAt: FUTURE, channel: '公众号' }, 'publishedAt'],
    ['/duties/d-bt/missed', { at: FUTURE, reason: '出差' }, 'at'],
    ['/screening-reports', { communityId: 'qinghua', reportDate: '2024-11-01', caseIds: [], nil: true }, 'reportDate'],
    ['/incidents', { type: 'massPetition', at: FUTURE, summary: '集体上访' }, 'at'],
    ['/inspections', { unit: 'qinghua', finding: '登记不全', at: FUTURE, dueDate: '2030-01-31' }, 'at'],
    ['/inspections/i-bt/rectification', { at: FUTURE, note: '已整改' }, 'at'],
  ] as const)('refuses POST %s with its act in the future (422 naming it), writing nothing', async (path, body, field) => {
    await refusedAsFuture(path, body, field);
  });

  it('takes plans that lie ahead: a deadline, a due date, a duty slot’s day, the week of a roster', async () => {
    await ok('/cases/c-bt/assignment', { responsibleUnit: '青华社区', responsibleLeaderId: 'L01', responsiblePerson: '王', measures: '调解', deadline: '2024-11-20', at: TEST_NOW });
    await ok('/inspections', { unit: 'qinghua', finding: '台账滞后', at: TEST_NOW, dueDate: '2030-01-31' });
    await ok('/duties', { date: '2025-03-03', leaderId: 'L01', location: '接待室', unit: 'subdistrict' });
    await ok('/duties/announcements', { unit: 'subdistrict', weekOf: '2024-11-04', publishedAt: TEST_NOW, channel: '公众号' });
    await ok('/screening-reports', { communityId: 'qinghua', reportDate: '2024-10-31', caseIds: [], nil: true });
  });
});

describe('the time fields of the commands', () => {
  /** Every property of a body schema with a date or a date-time format, by name, through arrays and objects. */
  const timeFields = (schema: JsonSchema, found = new Set<string>()): Set<string> => {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (property.format === 'date' || property.format === 'date-time') found.add(name);
      timeFields(property, found);
      if (property.items !== undefined && property.items !== false) timeFields(property.items, found);
    }
    for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) timeFields(member, found);
    return found;
  };

  it('are each an act (never in the future) or a plan (may lie ahead): a new one must be decided', () => {
    const all = new Set<string>();
    for (const endpoint of endpoints) if (endpoint.body !== undefined) timeFields(toJsonSchema(endpoint.body), all);
    const decided = new Set<string>([...ACT_INSTANT_FIELDS, ...ACT_DATE_FIELDS, ...PLAN_TIME_FIELDS]);
    expect([...all].filter((field) => !decided.has(field))).toEqual([]);
    expect([...all].sort()).toEqual([...decided].sort());
  });
});

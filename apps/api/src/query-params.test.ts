import { describe, expect, it } from 'vitest';
import { problemOf } from './test-problem';
import { kinds, param, parseQuery, required, requiredParam } from './query-params';
import { pagingParams, viewParams } from './query-view';

/** What a parameter means does not matter here. */
const what = { zh: '测试', en: 'test' };


describe('parseQuery', () => {
  it('reads asOf and knownAt as instants or dates (the end of that Shanghai day)', () => {
    expect(parseQuery(viewParams, { asOf: '2024-10-01', knownAt: '2024-10-05T08:00:00+08:00' })).toEqual({
      asOf: '2024-10-01T23:59:59.999+08:00',
      knownAt: '2024-10-05T08:00:00+08:00',
    });
    expect(parseQuery(viewParams, { asOf: '2024-10-01T00:00:00Z' })).toEqual({ asOf: '2024-10-01T00:00:00Z' });
  });

  it('reads back the `+` of an offset that a URL turned into a space', () => {
    expect(parseQuery(viewParams, { asOf: '2024-09-18T09:30:00 08:00' })).toEqual({ asOf: '2024-09-18T09:30:00+08:00' });
  });

  it('leaves out what is not given', () => {
    expect(parseQuery({ ...viewParams, ...pagingParams }, {})).toEqual({});
  });

  it('refuses a parameter it does not know, naming it (API.md v1.1)', () => {
    const body = problemOf(() => parseQuery({ ...viewParams, ...pagingParams }, { limit: '5', communityid: 'qinghua' }));
    expect(body.status).toBe(400);
    expect(body.errors).toEqual([{ path: 'communityid', message: '不支持此查询参数 / unknown query parameter' }]);
  });

  it('refuses bad values with a 400 naming every bad parameter', () => {
    const body = problemOf(() =>
      parseQuery(
        { ...viewParams, ...pagingParams, from: param(kinds.date, what), id: param(kinds.id, what), format: param(kinds.oneOf(['json', 'csv'] as const), what) },
        { asOf: '2024-10-01T09:00', knownAt: 'now', limit: '-1', offset: '1.5', from: '2024-02-30', id: 'a b', format: 'pdf' },
      ),
    );
    expect(body.status).toBe(400);
    expect(body.errors?.map((e) => e.path)).toEqual(['asOf', 'knownAt', 'limit', 'offset', 'from', 'id', 'format']);
    expect(body.errors?.find((e) => e.path === 'format')?.message).toContain('json | csv');
  });

  it('refuses a parameter given twice, and a count above its maximum', () => {
    expect(problemOf(() => parseQuery(viewParams, { asOf: ['2024-10-01', '2024-10-02'] })).errors).toEqual([
      { path: 'asOf', message: expect.stringContaining('once') },
    ]);
    expect(parseQuery({ limit: param(kinds.count(1000), what) }, { limit: '1000' })).toEqual({ limit: 1000 });
    expect(problemOf(() => parseQuery({ limit: param(kinds.count(1000), what) }, { limit: '1001' })).errors?.[0]?.path).toBe('limit');
  });

  it('names a missing required parameter, declared or supplied otherwise', () => {
    const spec = { date: requiredParam(kinds.date, what), unit: param(kinds.id, what) };
    expect(parseQuery(spec, { date: '2024-09-04' })).toEqual({ date: '2024-09-04' });
    expect(problemOf(() => parseQuery(spec, { unit: 'qinghua' }))).toMatchObject({ status: 400, errors: [{ path: 'date', message: expect.stringContaining('required') }] });
    expect(required('date', '2024-09-04')).toBe('2024-09-04');
    expect(problemOf(() => required('date', undefined))).toMatchObject({ status: 400, errors: [{ path: 'date' }] });
  });
});


describe('the kinds of parameters', () => {
  it('document what they parse: a value their schema refuses is one they refuse', () => {
    expect(kinds.count(1000).schema).toEqual({ type: 'integer', minimum: 0, maximum: 1000 });
    expect(kinds.text(50).schema).toEqual({ type: 'string', minLength: 1, maxLength: 50 });
    expect(kinds.oneOf(['json', 'csv'] as const, 'json').schema).toEqual({ type: 'string', enum: ['json', 'csv'], default: 'json' });
    expect(kinds.text(50).parse('x'.repeat(51)).ok).toBe(false);
    expect(kinds.text(50).parse('x'.repeat(50)).ok).toBe(true);
    expect(new RegExp(kinds.id.schema.pattern ?? '').test('a b')).toBe(false);
    expect(kinds.id.parse('a b').ok).toBe(false);
    expect(kinds.flag.parse('yes').ok).toBe(false);
    expect(kinds.flag.parse('true')).toEqual({ ok: true, value: true });
  });
});

import { describe, expect, it } from 'vitest';
import { HttpProblem } from './problem';
import { communityScope, pagingParams, params, parseQuery, required, viewParams } from './query-view';

const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error.body;
    throw error;
  }
  throw new Error('expected a problem');
};

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
        { ...viewParams, ...pagingParams, from: params.date, id: params.id, format: params.oneOf(['json', 'csv'] as const) },
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
    expect(parseQuery({ limit: params.count(1000) }, { limit: '1000' })).toEqual({ limit: 1000 });
    expect(problemOf(() => parseQuery({ limit: params.count(1000) }, { limit: '1001' })).errors?.[0]?.path).toBe('limit');
  });

  it('names a missing required parameter', () => {
    expect(required('date', '2024-09-04')).toBe('2024-09-04');
    expect(problemOf(() => required('date', undefined))).toMatchObject({ status: 400, errors: [{ path: 'date' }] });
  });
});

describe('communityScope', () => {
  it('lets office, auditor and inspector name any community, or none', () => {
    for (const kind of ['office', 'auditor', 'inspector'] as const) {
      expect(communityScope({ kind }, undefined)).toBeUndefined();
      expect(communityScope({ kind }, 'qinghua')).toBe('qinghua');
    }
  });

  it('limits a community to its own and refuses another (403)', () => {
    const role = { kind: 'community', communityId: 'qinghua' } as const;
    expect(communityScope(role, undefined)).toBe('qinghua');
    expect(communityScope(role, 'qinghua')).toBe('qinghua');
    expect(problemOf(() => communityScope(role, 'yangguang')).status).toBe(403);
  });

  it('refuses a leader (403)', () => {
    expect(problemOf(() => communityScope({ kind: 'leader', leaderId: 'L01' }, undefined)).status).toBe(403);
  });
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from './errors';
import { parseAnyStore, parseStore } from './store-location';
import { parseMoment } from './time-view';

describe('--store', () => {
  it('takes sqlite:PATH, relative to the working directory, or a plain path', () => {
    expect(parseStore('sqlite:./data/xinfang.db')).toMatchObject({ kind: 'sqlite', path: resolve('data/xinfang.db') });
    expect(parseStore('sqlite:/var/lib/xinfang/office.db').path).toBe('/var/lib/xinfang/office.db');
    expect(parseStore('office.db').path).toBe(resolve('office.db'));
  });

  it('says PostgreSQL (but for migrate) and EventStoreDB are not available yet, in Chinese and English', () => {
    expect(() => parseStore('postgres://office@db/xinfang')).toThrow(/暂不支持 PostgreSQL 存储.*not available yet for this command.*migrate/);
    expect(() => parseStore('postgresql://db/xinfang')).toThrow(CliError);
    expect(() => parseStore('esdb://localhost:2113?tls=false')).toThrow(/EventStoreDB.*not available yet/);
    expect(() => parseStore('mysql://db/x')).toThrow(/unknown store/);
    expect(() => parseStore('sqlite:')).toThrow(/no file path/);
  });
});

describe('--from and --to of migrate', () => {
  it('take postgres://… with an optional ?schema=, the password never shown, and SQLite as --store does', () => {
    expect(parseAnyStore('postgres://office:secret@db:5432/xinfang?schema=office_a&sslmode=disable')).toEqual({
      kind: 'postgres',
      url: 'postgres://office:secret@db:5432/xinfang?sslmode=disable',
      schema: 'office_a',
      path: resolve('data/pg-office_a/xinfang.db'),
      text: 'postgres://office:***@db:5432/xinfang?sslmode=disable',
    });
    expect(parseAnyStore('postgresql://db/x')).toMatchObject({ kind: 'postgres', schema: undefined, path: resolve('data/pg-xinfang/xinfang.db') });
    // The local folder of the read models and the app database, named in the URL and taken out of it.
    expect(parseAnyStore('postgres://db/x?local=/srv/xinfang&schema=a')).toMatchObject({ url: 'postgres://db/x', schema: 'a', path: '/srv/xinfang/xinfang.db' });
    expect(parseAnyStore('sqlite:./a.db')).toMatchObject({ kind: 'sqlite', path: resolve('a.db') });
    expect(() => parseAnyStore('postgres://db/x?schema=Bad-Name')).toThrow(/\?schema=/);
    expect(() => parseAnyStore('esdb://localhost:2113')).toThrow(/EventStoreDB/);
  });
});

describe('--as-of and --known-at', () => {
  it('take a date (the end of that day in Shanghai) or an instant with an offset', () => {
    expect(parseMoment('--as-of', '2024-10-01')).toBe('2024-10-01T23:59:59.999+08:00');
    expect(parseMoment('--as-of', '2024-10-01T18:00:00+08:00')).toBe('2024-10-01T18:00:00+08:00');
    expect(() => parseMoment('--as-of', '2024-10-01T18:00')).toThrow(/--as-of expects a date/);
    expect(() => parseMoment('--known-at', '2024-02-30')).toThrow(CliError);
  });
});

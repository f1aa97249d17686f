import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACT_DATE_FIELDS, ACT_INSTANT_FIELDS, TEXT_MAX_LENGTH } from '@xinfang/domain';
import { createApp } from './app';
import type { JsonSchema } from './io-ts-schema';
import { toJsonSchema } from './io-ts-schema';
import type { Endpoint } from './endpoint';
import { API_BASE, exampleBody } from './openapi';
import { endpoints } from './routes/system';
import { ROLES, startTestServer, type TestRole, type TestServer } from './test-server';
import { API_BODY_LIMIT } from './validator';

/*
 * Every POST of the API (enumerated from the endpoint table the OpenAPI document is built from) fed with
 * bodies that are almost right or plainly wrong, over real HTTP against a real SQLite store: missing,
 * extra and mistyped fields, lone surrogates and control characters, strings and lists over their caps,
 * `__proto__`/`constructor` keys, impossible dates, bodies that are not objects or not JSON, and one over
 * the body limit. Whatever comes in, the answer is never a 5xx, and a refusal leaves the log's head (its
 * position and hash) as it was, answers problem+json and names the bad field (400) or its rule (422).
 */

let server: TestServer;

/** The ids the endpoints' example bodies use (see `exampleByKey` in openapi.ts), made to exist. */
const SEEDED: Readonly<Record<string, string>> = { cases: 'case-001', duties: 'duty-001', inspections: 'inspection-001' };

const ok = async (path: string, body: unknown) => {
  const res = await server.call('POST', `${API_BASE}${path}`, { body });
  expect(res.status, `${path}: ${res.text}`).toBeLessThan(300);
};

beforeAll(async () => {
  server = await startTestServer();
  for (const leaderId of ['L01', 'L02'])
    await ok('/leaders', { leaderId, name: '王主任', position: '副主任', portfolio: '信访', unit: 'subdistrict' });
  await ok('/cases', {
    caseId: SEEDED['cases'],
    origin: 'visit',
    communityId: 'qinghua',
    category: 'wageArrears',
    summary: '拖欠工资',
    registeredAt: '2024-09-02T09:00:00+08:00',
    petitioners: [{ name: '张三' }],
  });
  await ok(`/cases/${SEEDED['cases']}/acceptance`, { decision: 'accepted', at: '2024-09-02T10:00:00+08:00' });
  await ok('/duties', { dutyId: SEEDED['duties'], date: '2024-09-18', leaderId: 'L01', location: '接待室', unit: 'subdistrict' });
  await ok('/inspections', { inspectionId: SEEDED['inspections'], unit: 'qinghua', finding: '登记不全', at: '2024-09-10T10:00:00+08:00', dueDate: '2024-09-30' });
});
afterAll(async () => server.close());

const POSTS = endpoints.filter((e): e is Endpoint & { body: NonNullable<Endpoint['body']> } => e.method === 'POST' && e.body !== undefined);

/** The log's head: its position and the hash of its last event. */
const head = async (): Promise<{ position: number; hash: string | undefined }> => {
  const position = await server.services.store.headPosition();
  let hash: string | undefined;
  for await (const event of server.services.store.readAll({ afterPosition: position - 1 })) hash = event.meta.hash;
  return { position, hash };
};

// ——— what is sent ———

interface Sent {
  /** What was done to the body, for the failure message and the checks that depend on it. */
  readonly label: string;
  readonly body: string | Uint8Array;
  /** Whether the body is wrong whatever the state: it must be refused (4xx). */
  readonly wrong: boolean;
  /** An extra top-level field that must not reach the log. */
  readonly extra?: string;
}

const json = (value: unknown): string => JSON.stringify(value);
const without = (body: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));

const BAD_CHARACTERS = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\u0001', '\u0007', '\u001B', '\u007F', '\u0085'];
const badText = fc
  .tuple(fc.string({ maxLength: 4 }), fc.constantFrom(...BAD_CHARACTERS), fc.string({ maxLength: 4 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);

/** Strings one past the Text cap, counted in code points: ASCII, CJK, and astral (two UTF-16 units each). */
const hugeText = fc
  .tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom('x', '字', '😀'))
  .map(([over, unit]) => unit.repeat(TEXT_MAX_LENGTH + over));

const IMPOSSIBLE_DATES = [
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '0000-01-01',
  '2024-9-18',
  '2024-02-30T10:00:00+08:00',
  '2024-09-18T25:00:00+08:00',
  '2024-09-18T23:60:00+08:00',
  '2024-09-18T09:30:00+24:00',
  '2024-09-18T09:30:00',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59+08:00',
  'yesterday',
  '',
  'NaN',
];

const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.string({ maxLength: 10 }),
);

const NOT_OBJECTS = ['', '[]', 'null', '1', '"x"', 'true', '{', '{"a":1}{', '{"a":}', '[{"name":"x"}]', '{"__proto__":1}'];

/** Puts `"<key>": <value>` first in the JSON text of an object: JSON.stringify would not write a `__proto__` key. */
const withKey = (objectText: string, key: string, valueText: string): string =>
  objectText === '{}' ? `{${json(key)}:${valueText}}` : `{${json(key)}:${valueText},${objectText.slice(1)}`;

const ACTS = new Set<string>([...ACT_INSTANT_FIELDS, ...ACT_DATE_FIELDS]);
/** The fields that name a community (a unit is one, or the subdistrict) or a grid. */
const REFERENCES = new Set(['communityId', 'gridId', 'unit']);
const GHOST = 'ghost';

const propertiesOf = (schema: JsonSchema): Record<string, JsonSchema> => schema.properties ?? {};

const bodies = (endpoint: Endpoint & { body: NonNullable<Endpoint['body']> }): fc.Arbitrary<Sent> => {
  const example = exampleBody(endpoint) ?? {};
  const schema = toJsonSchema(endpoint.body);
  const properties = propertiesOf(schema);
  const keys = Object.keys(properties);
  const present = Object.keys(example);
  const required = new Set(schema.required ?? []);
  const timeKeys = keys.filter((k) => properties[k]?.format === 'date' || properties[k]?.format === 'date-time');
  const referenceKeys = keys.filter((k) => REFERENCES.has(k));
  const arrayKeys = keys.filter((k) => properties[k]?.type === 'array');
  // A list of objects (petitioners, grids): its first item is where nested fields go wrong.
  const nested = arrayKeys.filter((k) => Array.isArray(example[k]) && typeof (example[k] as unknown[])[0] === 'object');
  const anyKey = fc.constantFrom(...keys);
  const set = (key: string, value: unknown) => json({ ...example, [key]: value });

  const kinds: fc.Arbitrary<Sent>[] = [
    fc.constant({ label: 'valid', body: json(example), wrong: false }),
    fc.constantFrom(...present).map((key) => ({ label: `without ${key}`, body: json(without(example, key)), wrong: required.has(key) })),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in properties) && k !== '__proto__'), fc.jsonValue({ maxDepth: 2 }))
      .map(([key, value]) => ({ label: `extra ${json(key)}`, body: set(key, value), wrong: false, extra: key })),
    // A mistyped value may happen to fit (a string where a text goes): not necessarily wrong.
    fc.tuple(anyKey, wrongValue).map(([key, value]) => ({ label: `${key} mistyped as ${json(value)}`, body: set(key, value), wrong: false })),
    fc.tuple(anyKey, badText).map(([key, text]) => ({ label: `${key} with ${json(text)}`, body: set(key, text), wrong: true })),
    fc.tuple(anyKey, hugeText).map(([key, text]) => ({ label: `${key} of ${text.length} UTF-16 units`, body: set(key, text), wrong: true })),
    fc.tuple(fc.constantFrom(...(arrayKeys.length > 0 ? arrayKeys : keys)), fc.integer({ min: 1, max: 3 })).map(([key, over]) => {
      const cap = properties[key]?.maxItems ?? 1_000;
      const item = Array.isArray(example[key]) && (example[key] as unknown[]).length > 0 ? (example[key] as unknown[])[0] : 'x';
      return { label: `${key} of ${cap + over} items`, body: set(key, Array.from({ length: cap + over }, () => item)), wrong: true };
    }),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom('{"isAdmin":true}', '{"registeredAt":"2030-01-01T00:00:00Z"}', 'null', '1', '[]'))
      .map(([key, value]) => ({ label: `top-level ${key}: ${value}`, body: withKey(json(example), key, value), wrong: false })),
    fc.tuple(fc.constantFrom(...(timeKeys.length > 0 ? timeKeys : keys)), fc.constantFrom(...IMPOSSIBLE_DATES)).map(([key, value]) => ({
      label: `${key} = ${json(value)}`,
      body: set(key, value),
      wrong: timeKeys.includes(key),
    })),
    // A real time, years ahead: wrong for an act (it cannot have happened yet), fine for a plan.
    fc.constantFrom(...(timeKeys.length > 0 ? timeKeys : keys)).map((key) => ({
      label: `${key} in 2030`,
      body: set(key, properties[key]?.format === 'date' ? '2030-01-01' : '2030-01-01T09:00:00+08:00'),
      wrong: ACTS.has(key),
    })),
    fc.constantFrom(...NOT_OBJECTS).map((text) => ({ label: `body ${json(text)}`, body: text, wrong: true })),
    fc
      .uint8Array({ minLength: 1, maxLength: 48 })
      .map((bytes) => ({ label: `raw bytes ${Buffer.from(bytes).toString('hex')}`, body: bytes, wrong: true })),
    fc.constant({ label: 'over the body limit', body: set(keys[0] ?? 'x', 'x'.repeat(API_BODY_LIMIT)), wrong: true }),
  ];
  // A community, grid or unit never registered: a record pointing at nothing. (Not sent to
  // POST /communities, which would register the ghost.)
  if (referenceKeys.length > 0 && endpoint.path !== '/communities')
    kinds.push(fc.constantFrom(...referenceKeys).map((key) => ({ label: `${key} = ${json(GHOST)}`, body: set(key, GHOST), wrong: true })));
  if (nested.length > 0) {
    const inner = (key: string) => ({ ...((example[key] as Record<string, unknown>[])[0] ?? {}) });
    kinds.push(
      fc.tuple(fc.constantFrom(...nested), fc.oneof(badText, hugeText)).map(([key, value]) => {
        const item = inner(key);
        const field = Object.keys(item)[0] ?? 'name';
        return { label: `${key}[0].${field} = ${json(value).slice(0, 40)}`, body: set(key, [{ ...item, [field]: value }]), wrong: true };
      }),
      fc.tuple(fc.constantFrom(...nested), fc.constantFrom('__proto__', 'constructor')).map(([key, protoKey]) => {
        const itemText = withKey(json(inner(key)), protoKey, '{"polluted":true}');
        return { label: `${key}[0] with ${protoKey}`, body: `{${json(key)}:[${itemText}],${json(without(example, key)).slice(1)}`, wrong: false };
      }),
    );
  }
  return fc.oneof(...kinds);
};

/** The `{id}` of a path: the seeded one mostly, else an unknown or a malformed one. */
const pathOf = (endpoint: Endpoint): fc.Arbitrary<string> => {
  if (!endpoint.path.includes('{id}')) return fc.constant(`${API_BASE}${endpoint.path}`);
  const seeded = SEEDED[endpoint.path.split('/')[1] ?? ''] ?? 'x';
  return fc
    .constantFrom(seeded, seeded, seeded, 'no-such-id', 'bad%20id', 'x'.repeat(65), '%F0%9F%98%80')
    .map((id) => `${API_BASE}${endpoint.path.replace('{id}', id)}`);
};

const roleOf: fc.Arbitrary<TestRole> = fc.oneof({ weight: 4, arbitrary: fc.constant<TestRole>('office') }, { weight: 1, arbitrary: fc.constantFrom(...ROLES) });

/** Mostly none: a key or a revision sent at random is refused (422, 409) before the body's rules are reached. */
const headersOf: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        'idempotency-key': fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/),
        'if-match': fc.constantFrom('0', '1', '"2"', 'W/"3"', 'abc', '-1', '99999999999999999999'),
      },
      { requiredKeys: [] },
    ),
  },
);

const send = async (path: string, role: TestRole, sent: Sent, headers: Record<string, string>) => {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.tokens[role]}`, 'content-type': 'application/json', ...headers },
    body: sent.body,
  });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, text };
};

// ——— the property ———

describe('every POST of the API, whatever the body', () => {
  it('enumerates every POST route the app serves, from the endpoint table', () => {
    const served = createApp(server.services)
      .routes.filter((r) => r.method === 'POST' && r.path.startsWith(`${API_BASE}/`))
      .map((r) => r.path.replace(/:id\b/, '{id}'));
    const declared = endpoints.filter((e) => e.method === 'POST' && !e.root);
    expect([...new Set(served)].sort()).toEqual(declared.map((e) => `${API_BASE}${e.path}`).sort());
    expect(POSTS.length).toBe(31);
    // The POSTs without a body: a receipt's code is made, or ended, by the call alone.
    expect(declared.filter((e) => e.body === undefined).map((e) => e.path)).toEqual(['/cases/{id}/receipt', '/cases/{id}/receipt/revocation']);
  });

  it.each(POSTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))(
    '%s: never a 5xx; a refusal leaves the log head unchanged and says why',
    async (_name, endpoint) => {
      await fc.assert(
        fc.asyncProperty(pathOf(endpoint), roleOf, bodies(endpoint), headersOf, async (path, role, sent, headers) => {
          const before = await head();
          const res = await send(path, role, sent, headers);
          const what = `${path} as ${role} with ${sent.label}: ${res.status} ${res.text.slice(0, 300)}`;
          expect(res.status, what).toBeLessThan(500);
          // A `__proto__` key is data, never the prototype of anything.
          expect(Object.prototype, what).not.toHaveProperty('isAdmin');
          expect(Object.prototype, what).not.toHaveProperty('polluted');
          if (sent.wrong) expect(res.status, what).toBeGreaterThanOrEqual(400);
          if (sent.label === 'over the body limit') expect(res.status, what).toBe(413);
          if (res.status < 300) {
            // Accepted: a field the codec does not know was dropped, never written.
            if (sent.extra !== undefined) {
              for await (const event of server.services.store.readAll({ afterPosition: before.position }))
                expect(Object.hasOwn(event.data as object, sent.extra), what).toBe(false);
            }
            return;
          }
          expect(await head(), what).toEqual(before);
          expect(res.contentType, what).toContain('application/problem+json');
          expect(res.body, what).toMatchObject({ type: expect.any(String), title: expect.any(String), status: res.status, detail: expect.any(String) });
          if (res.status === 400) {
            expect(res.body.errors.length, what).toBeGreaterThan(0);
            for (const error of res.body.errors) expect(error, what).toEqual({ path: expect.stringMatching(/./), message: expect.stringMatching(/./) });
          }
          if (res.status === 422) {
            expect(res.body.code, what).toEqual(expect.stringMatching(/^[a-z][A-Za-z]+$/));
            const field = res.body.details?.field;
            if (field !== undefined) expect(res.body.errors, what).toEqual([{ path: field, message: expect.any(String) }]);
          }
        }),
        { seed: 20241031, numRuns: 40 },
      );
    },
  );
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignCaseBody, decodeWith, RegisterCaseBody } from '@xinfang/domain';
import { toJsonSchema } from './io-ts-schema';
import { roleCode } from './access';
import type { Endpoint } from './endpoint';
import { API_BASE, exampleBody, fullPath, openApiDocument } from './openapi';
import { apiResources } from './api-routes';
import { endpoints, system } from './routes/system';
import { ROLES, startTestServer, type TestRole, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

/** Every `METHOD /path` API.md names: in its Commands and Queries tables (under /api/v1) and its Conventions (at the root). */
const apiMdOperations = (): string[] => {
  const text = readFileSync(fileURLToPath(new URL('../../../docs/API.md', import.meta.url)), 'utf8');
  const section = (title: string): string => {
    const start = text.indexOf(`## ${title}`);
    expect(start, title).toBeGreaterThanOrEqual(0);
    const end = text.indexOf('\n## ', start + 1);
    return text.slice(start, end === -1 ? undefined : end);
  };
  const operations = (block: string, prefix: string): string[] =>
    block
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .flatMap((line) => [...line.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`\s]*)`/g)].map((m) => `${m[1]} ${prefix}${m[2]}`));
  const root = [...section('Conventions').matchAll(/`(GET) (\/[^`\s]*)`/g)].map((m) => `${m[1]} ${m[2]}`);
  return [...operations(section('Commands'), API_BASE), ...operations(section('Queries'), API_BASE), ...root];
};

const documentOperations = (doc: ReturnType<typeof openApiDocument>): string[] =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));

describe('GET /openapi.json', () => {
  it('is public: an OpenAPI 3.1 document, without a token', async () => {
    const res = await server.call('GET', '/openapi.json', { role: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info.version).toBe('1');
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(res.body.security).toEqual([{ bearer: [] }]);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument(endpoints))));
  });

  it('names every endpoint of API.md, and nothing API.md does not name but the docs page', async () => {
    const doc = (await server.call('GET', '/openapi.json', { role: null })).body;
    const inApiMd = apiMdOperations();
    expect(inApiMd.length).toBeGreaterThanOrEqual(40);
    expect(inApiMd).toContain('POST /api/v1/inspections/{id}/rectification');
    expect(inApiMd).toContain('GET /api/v1/events/stream');
    expect(inApiMd).toContain('GET /openapi.json');
    const documented = documentOperations(doc);
    for (const operation of inApiMd) expect(documented, operation).toContain(operation);
    expect(documented.filter((o) => !inApiMd.includes(o))).toEqual(['GET /docs']);
  });

  it('lists exactly the routes the server has: every route is made from its declaration', () => {
    for (const resource of [...apiResources, system]) {
      const routed = new Set(resource.router.routes.map((r) => `${r.method} ${resource.base}${r.path === '/' ? '' : r.path}`));
      const declared = resource.endpoints.map((e) => `${e.method} ${e.path.replace(/\{([^}]+)\}/g, ':$1')}`);
      expect([...routed].sort(), resource.base).toEqual([...declared].sort());
    }
  });

  it('has one row per endpoint with a unique operationId', () => {
    const ids = endpoints.map((e) => e.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = endpoints.map((e) => `${e.method} ${fullPath(e)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives a command the request body of its codec', async () => {
    const doc = (await server.call('GET', '/openapi.json', { role: null })).body;
    const assignment = doc.paths['/api/v1/cases/{id}/assignment'].post;
    const schema = assignment.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['responsibleUnit', 'responsibleLeaderId', 'responsiblePerson', 'measures', 'deadline', 'at']);
    expect(Object.keys(schema.properties)).toEqual(Object.keys(toJsonSchema(AssignCaseBody).properties!));
    expect(schema.properties.deadline).toMatchObject({ type: 'string', format: 'date' });
    expect(schema.properties.at).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schema.properties.responsibleLeaderId).toMatchObject({ pattern: '^[A-Za-z0-9_-]{1,64}$' });

    const acceptance = doc.paths['/api/v1/cases/{id}/acceptance'].post.requestBody.content['application/json'].schema;
    expect(acceptance).toMatchObject({ type: 'object', required: ['decision', 'at'] });
    expect(acceptance.properties.decision.enum).toEqual(['accepted', 'rejected']);
    expect(acceptance.properties.reason).toMatchObject({ type: 'string', minLength: 1 });

    const registerCase = doc.paths['/api/v1/cases'].post.requestBody.content['application/json'].schema;
    expect(registerCase.required).toEqual(['origin', 'communityId', 'category', 'summary', 'registeredAt', 'petitioners']);
    expect(registerCase.properties.petitioners).toMatchObject({ type: 'array', minItems: 1, items: { required: ['name'] } });
    expect(Object.keys(registerCase.properties.petitioners.items.properties)).toEqual(['name', 'idNumber', 'phone', 'address', 'personId']);
    expect(registerCase.properties.riskFlags.items.enum).toEqual(['escalation', 'collective', 'extremeAct', 'opinionHype']);
    expect(registerCase.properties.peopleCount).toMatchObject({ type: 'integer', minimum: 1 });
    expect(registerCase.properties.firstPetition.description).toContain('初信初访');
    expect(registerCase.properties.petitioners.items.properties.personId.description).toMatch(/^已有档案的 personId/);
    expect(decodeWith(RegisterCaseBody, doc.paths['/api/v1/cases'].post.requestBody.content['application/json'].example)._tag).toBe('Right');
  });

  it('documents the replies, the errors and the headers of a command', async () => {
    const doc = (await server.call('GET', '/openapi.json', { role: null })).body;
    const create = doc.paths['/api/v1/communities'].post;
    expect(Object.keys(create.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '422', '503']);
    expect(create.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CommandReply' });
    expect(doc.components.schemas.CommandReply.required).toEqual(['id', 'revision', 'position']);
    expect(doc.paths['/api/v1/visits'].post.responses['201'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/VisitReply',
    });
    expect(doc.paths['/api/v1/cases/{id}/closure'].post.responses).toHaveProperty('200');
    expect(create.responses['422']).toEqual({ $ref: '#/components/responses/Unprocessable' });
    expect(doc.components.responses.Unprocessable.content).toHaveProperty('application/problem+json');
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail']);
    expect(create.parameters).toEqual([{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/IfMatch' }]);
    expect(create['x-roles']).toEqual(['office']);
    const erase = doc.paths['/api/v1/persons/{id}'].delete;
    expect(erase.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(erase).not.toHaveProperty('requestBody');
  });

  it('documents the body limit, the capped errors list and a store to retry later', async () => {
    const doc = (await server.call('GET', '/openapi.json', { role: null })).body;
    const ops = Object.values(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>).flatMap(Object.entries);
    const withStatus = (status: string) => ops.filter(([, op]) => status in op.responses).length;
    const writes = endpoints.filter((e) => e.method !== 'GET');
    expect(withStatus('413')).toBe(writes.length);
    expect(withStatus('503')).toBe(endpoints.filter((e) => e.root !== true).length);
    expect(doc.paths['/health'].get.responses).not.toHaveProperty('503');
    expect(doc.paths['/api/v1/kpis'].get.responses['503']).toEqual({ $ref: '#/components/responses/StoreUnavailable' });
    expect(doc.paths['/api/v1/kpis'].get.responses).not.toHaveProperty('413');
    expect(doc.paths['/api/v1/cases'].post.responses['413']).toEqual({ $ref: '#/components/responses/PayloadTooLarge' });
    expect(doc.components.responses.PayloadTooLarge.description).toContain('1048576');
    const unavailable = doc.components.responses.StoreUnavailable;
    expect(unavailable.description).toContain('storeUnavailable');
    expect(unavailable.headers['Retry-After'].schema).toEqual({ type: 'integer', minimum: 1 });
    expect(unavailable.content).toHaveProperty('application/problem+json');
    const problem = doc.components.schemas.Problem.properties;
    expect(problem.errors.maxItems).toBe(50);
    expect(problem.moreErrors).toMatchObject({ type: 'integer', minimum: 1 });
    expect(problem.limit).toMatchObject({ type: 'integer' });
  });

  it('documents the query parameters and the formats of a ledger', async () => {
    const doc = (await server.call('GET', '/openapi.json', { role: null })).body;
    const disputes = doc.paths['/api/v1/ledgers/disputes'].get;
    expect(disputes.parameters.map((p: { name: string }) => p.name)).toEqual([
      'asOf',
      'knownAt',
      'format',
      'limit',
      'offset',
      'communityId',
      'from',
      'to',
      'category',
    ]);
    expect(disputes.parameters.find((p: { name: string }) => p.name === 'format').schema.enum).toEqual(['json', 'csv', 'xlsx']);
    expect(Object.keys(disputes.responses['200'].content)).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const kpis = doc.paths['/api/v1/kpis'].get.parameters;
    expect(kpis.filter((p: { required: boolean }) => p.required).map((p: { name: string }) => p.name)).toEqual(['from', 'to']);
  });

  it('marks /health, /openapi.json and /docs public, and every other endpoint bearer-only', async () => {
    const doc = (await server.call('GET', '/openapi.json', { role: null })).body;
    for (const [path, item] of Object.entries<Record<string, { security?: unknown[] }>>(doc.paths)) {
      for (const operation of Object.values(item)) {
        if (path.startsWith(API_BASE)) expect(operation.security, path).toBeUndefined();
        else expect(operation.security, path).toEqual([]);
      }
    }
  });
});

/*
 * The document agrees with the routes, over real HTTP. Two checks that need no data: every query parameter
 * it names is one the route reads (a bad value is a 400 naming it; a route ignores a parameter it does not
 * know), and every role it does not list for an endpoint is refused (403).
 */
describe('the document agrees with the routes', () => {
  const concrete = (endpoint: Endpoint): string => fullPath(endpoint).replace(/\{[^}]+\}/g, 'x-1');
  const bad = (schema: { type?: string; enum?: unknown; anyOf?: unknown; format?: string; pattern?: string; maxLength?: number }): string =>
    schema.type === 'integer'
      ? '-1'
      : schema.enum !== undefined
        ? 'notAValue'
        : schema.maxLength !== undefined
          ? 'x'.repeat(schema.maxLength + 1)
          : 'not a value!';
  const withQuery = endpoints.filter((e) => e.root !== true && Object.keys(e.query ?? {}).length > 0 && e.reply !== 'stream');

  it.each(withQuery.map((e) => [`${e.method} ${e.path}`, e] as const))('%s reads every documented parameter', async (_name, endpoint) => {
    for (const [name, param] of Object.entries(endpoint.query ?? {})) {
      const res = await server.call(endpoint.method, `${concrete(endpoint)}?${name}=${encodeURIComponent(bad(param.schema))}`);
      expect(res.status, `${name}: ${res.text}`).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path), name).toContain(name);
    }
  });

  const apiEndpoints = endpoints.filter((e) => e.root !== true);
  it.each(apiEndpoints.map((e) => [`${e.method} ${e.path}`, e] as const))('%s refuses a query parameter it does not know (400 naming it)', async (_name, endpoint) => {
    const before = await server.eventCount();
    const res = await server.call(endpoint.method, `${concrete(endpoint)}?asof=2024-09-18`, { body: exampleBody(endpoint) });
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('asof');
    expect(await server.eventCount()).toBe(before);
  });

  const tokenRole = (role: TestRole): string => (role.startsWith('community:') ? 'community:<communityId>' : role.startsWith('leader:') ? 'leader:<leaderId>' : role);
  const guarded = endpoints.filter((e) => e.roles !== 'public' && e.reply !== 'stream');

  it.each(guarded.map((e) => [`${e.method} ${e.path}`, e] as const))('%s refuses every role it does not list', async (_name, endpoint) => {
    const listed = new Set((endpoint.roles as Exclude<Endpoint['roles'], 'public'>).access.map(roleCode));
    const required = Object.entries(endpoint.query ?? {}).filter(([, q]) => q.required === true);
    const query = required.length === 0 ? '' : `?${required.map(([name, q]) => `${name}=${encodeURIComponent(q.example ?? (name === 'date' ? '2024-09-18' : '2024-09-01'))}`).join('&')}`;
    for (const role of ROLES.filter((r) => !listed.has(tokenRole(r)))) {
      const res = await server.call(endpoint.method, `${concrete(endpoint)}${query}`, { role, body: exampleBody(endpoint) });
      expect(res.status, `${role}: ${res.text}`).toBe(403);
    }
    const res = await server.call(endpoint.method, `${concrete(endpoint)}${query}`, { role: null, body: exampleBody(endpoint) });
    expect(res.status).toBe(401);
  });
});

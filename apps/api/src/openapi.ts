import { Id, InstantC } from '@xinfang/domain';
import { roleCode, type Roles } from './access';
import { tags, type Endpoint } from './endpoint';
import { toJsonSchema, type JsonSchema } from './io-ts-schema';
import { MAX_LISTED_ERRORS } from './problem';
import { API_BODY_LIMIT } from './validator';

/*
 * The OpenAPI 3.1 document of API.md, generated from the endpoints the routes declare (endpoint.ts): every
 * request body schema from the io-ts codec the route decodes it with (io-ts-schema.ts), every query
 * parameter from the parser the route reads it with, every role list from the check the route makes. The
 * test compares the document with API.md's tables, so an endpoint cannot be forgotten, and the docs page
 * (pages/api-docs.tsx) is rendered from the same endpoints.
 */

export const API_BASE = '/api/v1';

/** The full path of an endpoint (`/api/v1/cases/{id}`). */
export const fullPath = (endpoint: Endpoint): string => (endpoint.root === true ? endpoint.path : `${API_BASE}${endpoint.path}`);

/** The names of an endpoint's path parameters (`{id}` → `id`). */
export const pathParams = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');

// ——— examples ———

const exampleByKey: Readonly<Record<string, unknown>> = {
  communityId: 'qinghua',
  gridId: 'qh-1',
  leaderId: 'L01',
  responsibleLeaderId: 'L01',
  substituteLeaderId: 'L02',
  caseId: 'case-001',
  caseIds: ['case-001', 'case-002'],
  visitId: 'visit-001',
  dutyId: 'duty-001',
  incidentId: 'incident-001',
  inspectionId: 'inspection-001',
  personId: 'person-001',
  unit: 'subdistrict',
  name: '张三',
  summary: '某工地拖欠工资三个月',
  matter: '反映拖欠工资问题',
  location: '街道信访接待室',
  position: '街道办事处主任',
  portfolio: '信访维稳',
  responsibleUnit: '街道劳动保障所',
  responsiblePerson: '刘科长',
  measures: '约谈用工单位，限期结清欠薪',
  reason: '情况复杂，需要协调多部门',
  note: '已约谈用工单位',
  content: '已书面告知受理结果',
  detail: '成立欠薪问题工作专班',
  toUnit: '区人社局',
  approvedBy: '街道党工委书记',
  finding: '排查报送不及时',
  channel: '街道公众号',
  visitorCount: 2,
  deadline: '2024-11-18',
  newDeadline: '2024-12-18',
  weekOf: '2024-09-23',
  reportDate: '2024-09-18',
  dueDate: '2024-09-30',
  from: '2024-09-01',
  to: '2024-09-30',
  date: '2024-09-18',
};

/** A value the schema accepts; `key` picks a readable one. Optional properties are left out. */
export const exampleOf = (schema: JsonSchema, key?: string): unknown => {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  if (key !== undefined && key in exampleByKey && schema.type !== 'object') return exampleByKey[key];
  if (schema.examples !== undefined && schema.examples.length > 0) return schema.examples[0];
  const alternative = (schema.oneOf ?? schema.anyOf)?.[0];
  if (alternative !== undefined) return exampleOf(alternative, key);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, exampleOf(schema.properties?.[name] ?? {}, name)]),
      );
    case 'array':
      return (schema.minItems ?? 0) > 0 || key !== undefined
        ? [exampleOf(schema.items === false || schema.items === undefined ? {} : schema.items, key)]
        : [];
    case 'string':
      return schema.title === 'Id' ? 'example-1' : '示例';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
};

/** The example body of an endpoint: the generated required fields, with the endpoint's own values over them. */
export const exampleBody = (endpoint: Endpoint): Record<string, unknown> | undefined => {
  if (endpoint.body === undefined) return undefined;
  const generated = exampleOf(toJsonSchema(endpoint.body)) as Record<string, unknown>;
  return { ...generated, ...(endpoint.example ?? {}) };
};

// ——— the document ———

/** Adds a field note to the property at `path` (`petitioners.idNumber` goes through the array's items). */
const withFieldNotes = (schema: JsonSchema, notes: Readonly<Record<string, string>>): JsonSchema => {
  const copy = structuredClone(schema);
  for (const [path, note] of Object.entries(notes)) {
    let node: JsonSchema | undefined = copy;
    for (const key of path.split('.')) {
      const container: JsonSchema | undefined = node?.type === 'array' && node.items !== false ? node.items : node;
      node = container?.properties?.[key];
    }
    if (node !== undefined) node.description = node.description === undefined ? note : `${note}. ${node.description}`;
  }
  return copy;
};

/** The request body schema of an endpoint: generated from its codec, with its field notes. */
export const bodySchema = (endpoint: Endpoint): JsonSchema | undefined =>
  endpoint.body === undefined ? undefined : withFieldNotes(toJsonSchema(endpoint.body), endpoint.fieldNotes ?? {});

const problemRef = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The path parameters other than an id: a printed notice's number, a receipt's query code. */
const pathParamDocs: Readonly<Record<string, { schema: unknown; description: string }>> = {
  id: { schema: toJsonSchema(Id), description: '标识 / the id' },
  number: { schema: { type: 'integer', minimum: 1 }, description: '告知书编号（该事项的第几份）/ the notice number (the case’s first, second, …)' },
  code: { schema: { type: 'string', maxLength: 40 }, description: '回执上的查询码 / the query code on the receipt' },
};

const okResponse = (endpoint: Endpoint): Record<string, unknown> => {
  const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
  switch (endpoint.reply) {
    case 'command':
      return json({ $ref: '#/components/schemas/CommandReply' }, endpoint.success === 201 ? '已创建 / created' : '已记录 / recorded');
    case 'visit':
      return json({ $ref: '#/components/schemas/VisitReply' }, '已创建 / created');
    case 'ledger':
      return {
        description: '台账 / the ledger',
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/Ledger' } },
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', contentMediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
          },
        },
        headers: {
          'X-Xinfang-Head': {
            description:
              'CSV、XLSX：导出时日志的末尾 位置:哈希，可用于 verify --expect / CSV, XLSX: the log head when exported, POSITION:HASH, for verify --expect',
            schema: { type: 'string', pattern: '^[0-9]{1,16}:[0-9a-f]{64}$' },
          },
        },
      };
    case 'object':
      return json({ type: 'object' }, `${endpoint.summary.zh} / ${endpoint.summary.en}`);
    case 'stream':
      return { description: 'Server-Sent Events', content: { 'text/event-stream': { schema: { type: 'string' } } } };
    case 'verify':
      return json(
        {
          type: 'object',
          properties: {
            ok: { type: 'boolean' },
            checked: { type: 'integer', minimum: 0 },
            firstBrokenPosition: { type: 'integer', minimum: 1 },
            headHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            reason: { type: 'string', enum: ['position', 'revision', 'prevHash', 'hash', 'keying', 'anchor', 'truncated'] },
          },
          required: ['ok', 'checked'],
        },
        '哈希链校验结果 / the result of the check',
      );
    case 'health':
      return json(
        {
          type: 'object',
          properties: {
            status: { enum: ['ok', 'degraded'] },
            reason: { type: 'string' },
            position: { type: 'integer' },
            head: { type: 'integer' },
            attempts: { type: 'integer' },
          },
          required: ['status'],
        },
        'ok，或读模型落后时 degraded（附原因与位置）/ ok, or degraded with the reason and positions while the read models are behind',
      );
    case 'openapi':
      return json({ type: 'object' }, 'OpenAPI 3.1');
    case 'html':
      return { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } };
  }
};

const rolesText = (roles: Roles | 'public'): string =>
  roles === 'public'
    ? '公开，无需令牌 / public, no token'
    : roles.access.map((a) => `${roleCode(a)}${a.scope === undefined ? '' : ` (${a.scope.zh} / ${a.scope.en})`}`).join(', ');

const operation = (endpoint: Endpoint): Record<string, unknown> => {
  const path = fullPath(endpoint);
  const parameters: unknown[] = [
    ...pathParams(path).map((name) => ({ name, in: 'path', required: true, ...(pathParamDocs[name] ?? pathParamDocs['id']) })),
    ...Object.entries(endpoint.query ?? {}).map(([name, q]) => ({
      name,
      in: 'query',
      required: q.required === true,
      schema: q.schema,
      description: `${q.description.zh} / ${q.description.en}`,
      ...(q.example === undefined ? {} : { example: q.example }),
    })),
    ...(endpoint.method === 'GET' ? [] : [{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/IfMatch' }]),
  ];
  const isPublic = endpoint.roles === 'public';
  const errors: Record<string, unknown> = {};
  // Under /api/v1 every endpoint refuses a query parameter it does not know.
  if (endpoint.root !== true || endpoint.body !== undefined || endpoint.method !== 'GET') {
    errors['400'] = { $ref: '#/components/responses/BadRequest' };
  }
  if (!isPublic) {
    errors['401'] = { $ref: '#/components/responses/Unauthorized' };
    errors['403'] = { $ref: '#/components/responses/Forbidden' };
  }
  if (pathParams(path).length > 0 || endpoint.method !== 'GET') errors['404'] = { $ref: '#/components/responses/NotFound' };
  if (endpoint.method !== 'GET') {
    errors['409'] = { $ref: '#/components/responses/Conflict' };
    if (endpoint.root !== true) errors['413'] = { $ref: '#/components/responses/PayloadTooLarge' };
    errors['422'] = { $ref: '#/components/responses/Unprocessable' };
  }
  // Every API endpoint reads or writes the store; a busy, full or read-only store (or, for a query, a full
  // pool of query workers) is a 503 to retry.
  if (endpoint.root !== true) errors['503'] = { $ref: '#/components/responses/StoreUnavailable' };
  const body = bodySchema(endpoint);
  const notes = endpoint.notes === undefined ? '' : `\n\n${endpoint.notes.zh}\n\n${endpoint.notes.en}`;
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: `${endpoint.summary.zh} / ${endpoint.summary.en}`,
    description: `角色 / roles: ${rolesText(endpoint.roles)}${notes}`,
    'x-roles': endpoint.roles === 'public' ? [] : endpoint.roles.access.map(roleCode),
    ...(isPublic ? { security: [] } : {}),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: body, example: exampleBody(endpoint) } } } }),
    responses: { [String(endpoint.success)]: okResponse(endpoint), ...errors },
  };
};

const components = {
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description: '令牌由 CLI 创建：xinfang token create --role ROLE / tokens are made with the CLI: xinfang token create --role ROLE',
    },
  },
  parameters: {
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 200 },
      description: '同一个键再次提交返回首次结果，不重复写入 / the same key again returns the first response and writes nothing',
    },
    IfMatch: {
      name: 'If-Match',
      in: 'header',
      required: false,
      schema: { type: 'string', pattern: '^(W/)?"?\\d{1,15}"?$' },
      description: '客户端看到的版本号；记录已更新则 409 / the revision the client saw; 409 when the stream moved on',
    },
  },
  schemas: {
    FieldError: {
      type: 'object',
      properties: { path: { type: 'string' }, message: { type: 'string' } },
      required: ['path', 'message'],
    },
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details',
      properties: {
        type: { type: 'string', format: 'uri' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        code: { type: 'string', description: '业务规则的代码（422）/ the domain rule’s code (422)' },
        currentRevision: { type: 'integer', description: '当前版本（409）/ the current revision (409)' },
        errors: {
          type: 'array',
          maxItems: MAX_LISTED_ERRORS,
          items: { $ref: '#/components/schemas/FieldError' },
          description: `出错的字段，至多 ${MAX_LISTED_ERRORS} 项（400）/ the bad fields, at most ${MAX_LISTED_ERRORS} (400)`,
        },
        moreErrors: { type: 'integer', minimum: 1, description: '未列出的其余错误数（400）/ how many more errors were not listed (400)' },
        limit: { type: 'integer', description: '请求内容的上限，字节（413）/ the body limit in bytes (413)' },
      },
      required: ['type', 'title', 'status', 'detail'],
    },
    CommandReply: {
      type: 'object',
      properties: {
        id: toJsonSchema(Id),
        revision: { type: 'integer', minimum: 1 },
        position: { type: 'integer', minimum: 1 },
      },
      required: ['id', 'revision', 'position'],
    },
    VisitReply: {
      type: 'object',
      properties: {
        id: toJsonSchema(Id),
        caseId: toJsonSchema(Id),
        revision: { type: 'integer', minimum: 1 },
        position: { type: 'integer', minimum: 1 },
      },
      required: ['id', 'caseId', 'revision', 'position'],
    },
    Ledger: {
      type: 'object',
      properties: {
        asOf: toJsonSchema(InstantC),
        knownAt: toJsonSchema(InstantC),
        total: { type: 'integer', minimum: 0, description: '分页前的行数 / rows before paging' },
        rows: { type: 'array', items: { type: 'object' } },
      },
      required: ['asOf', 'knownAt', 'total', 'rows'],
    },
  },
  responses: {
    BadRequest: problemRef('请求内容或参数有误，errors 列出每个字段 / a bad body or query; errors names each field'),
    Unauthorized: problemRef('缺少或无法识别的令牌 / missing or unknown token'),
    Forbidden: problemRef('当前角色无权执行 / this role may not do this'),
    NotFound: problemRef('标识不存在 / unknown id'),
    Conflict: problemRef('记录已被修改（If-Match）/ the stream moved on (If-Match)'),
    PayloadTooLarge: problemRef(
      `请求内容超过 ${API_BODY_LIMIT} 字节，未读取 / the body is over ${API_BODY_LIMIT} bytes and was not read`,
    ),
    Unprocessable: problemRef(
      '业务规则不允许，见 code（如 unknownCommunity、unknownGrid：引用的社区或网格未登记；businessTimeInFuture：业务时间晚于当前时间 5 分钟以上；errors 指明字段）/ refused by a rule of the domain, see code (e.g. unknownCommunity, unknownGrid: the community or grid named is not registered; businessTimeInFuture: a business time more than 5 minutes after now; errors names the field)',
    ),
    StoreUnavailable: {
      ...problemRef(
        '暂不可用，未写入任何内容，请在 Retry-After 秒后重试：存储繁忙、磁盘已满或只读（code 为 storeUnavailable）；台账、统计、报表或档案的查询线程全忙且排队已满（queriesBusy），或处理该查询的线程中断（queryWorkerFailed） / ' +
          'unavailable for now, nothing was written: retry after Retry-After seconds — the store is busy, full or read-only (code storeUnavailable); every query worker of the ledgers, KPIs, reports and files is busy and their queue is full (queriesBusy), or the worker answering this query stopped (queryWorkerFailed)',
      ),
      headers: {
        'Retry-After': { description: '建议的重试等待秒数 / seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } },
      },
    },
  },
};

export type OpenApiDocument = {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Record<string, unknown>>>;
} & Record<string, unknown>;

/** The OpenAPI 3.1 document of the endpoints: a fresh object on every call. */
export const openApiDocument = (endpoints: readonly Endpoint[]): OpenApiDocument => {
  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const endpoint of endpoints) {
    const path = fullPath(endpoint);
    paths[path] = { ...(paths[path] ?? {}), [endpoint.method.toLowerCase()]: operation(endpoint) };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'xinfang 信访 API',
      version: '1',
      description:
        '街道信访办的 HTTP API（API.md）。JSON 字段为英文 camelCase，枚举值为英文代码；时间为 ISO 8601，日期为北京时间的日。' +
        '\n\nThe HTTP API of a subdistrict petition office (API.md). JSON with camelCase English names and English enumeration codes; times are ISO 8601, dates are days in Asia/Shanghai.',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(tags).map(([name, label]) => ({ name, description: `${label.zh} / ${label.en}` })),
    security: [{ bearer: [] }],
    paths,
    components: structuredClone(components),
  };
};

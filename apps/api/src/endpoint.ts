import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type * as t from 'io-ts';
import type { Bilingual } from '@xinfang/reports';
import { lets, type Roles } from './access';
import { allow } from './auth';
import type { AppEnv } from './env';
import { query, type ParsedQuery, type QuerySpec } from './query-params';
import { idParam, jsonBody } from './validator';

/*
 * An endpoint is declared once, beside its handler: method, path, body codec, query parameters, roles,
 * summary. From that one declaration `resource(...).on(...)` builds the Hono route (role check, query
 * parser, `{id}` check, body decoder, in that order) and records the endpoint for the OpenAPI document
 * (openapi.ts) and the docs page — so the contract a client reads is the one the server enforces.
 */

export type Tag =
  | 'reference'
  | 'cases'
  | 'visits'
  | 'screening'
  | 'duties'
  | 'incidents'
  | 'inspections'
  | 'persons'
  | 'ledgers'
  | 'kpis'
  | 'feed'
  | 'system';

export const tags: Readonly<Record<Tag, Bilingual>> = {
  reference: { zh: '基础数据', en: 'Reference data' },
  cases: { zh: '信访事项', en: 'Cases' },
  visits: { zh: '来访接待', en: 'Visits' },
  screening: { zh: '排查报送', en: 'Screening reports' },
  duties: { zh: '接访值班', en: 'Reception roster' },
  incidents: { zh: '三个不发生', en: 'Incidents' },
  inspections: { zh: '督查整改', en: 'Inspections' },
  persons: { zh: '一人一档', en: 'Persons' },
  ledgers: { zh: '台账与报表', en: 'Ledgers and reports' },
  kpis: { zh: '指标', en: 'KPIs' },
  feed: { zh: '事件流与审计', en: 'Event feed and audit' },
  system: { zh: '系统', en: 'System' },
};

/** What a successful call answers. */
export type Reply =
  | 'command' // {id, revision, position}
  | 'visit' // {id, caseId, revision, position}
  | 'ledger' // {asOf, knownAt, total, rows} | CSV | XLSX
  | 'object' // a JSON object, described in `summary`
  | 'stream' // text/event-stream
  | 'verify' // {ok, checked, firstBrokenPosition?}
  | 'health' // {status: "ok" | "degraded", reason?, position?, head?, attempts?}
  | 'openapi' // the OpenAPI document
  | 'html'; // a web page

/** An endpoint as its route declares it. */
export interface EndpointSpec<Q extends QuerySpec = QuerySpec, B = unknown> {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Within its resource, as API.md writes it: `/`, `/{id}`, `/{id}/missed`. */
  readonly path: string;
  readonly operationId: string;
  readonly tag: Tag;
  readonly summary: Bilingual;
  /** Further notes (Chinese / English), shown under the summary. */
  readonly notes?: Bilingual;
  /** The codec the JSON body is decoded with: the request body schema is generated from it. */
  readonly body?: t.Decoder<unknown, B>;
  /** Notes on single body fields, by property path (`petitioners.idNumber`), added to their description. */
  readonly fieldNotes?: Readonly<Record<string, string>>;
  /** Example body values that read better than the generated ones (merged over them). */
  readonly example?: Readonly<Record<string, unknown>>;
  /** The query parameters, by name; none given means the endpoint takes none (any one sent is a 400). */
  readonly query?: Q;
  readonly success: 200 | 201;
  readonly reply: Reply;
  /** `'public'`: no token needed. Otherwise the roles let in (every caller needs a token). */
  readonly roles: Roles | 'public';
}

/** An endpoint as the OpenAPI document lists it. */
export interface Endpoint extends EndpointSpec {
  /** As API.md writes it: under `/api/v1` unless `root`. Path parameters in braces, `{id}`. */
  readonly path: string;
  readonly root?: boolean;
}

type Inputs<Q extends QuerySpec, B> = { out: { query: ParsedQuery<Q>; json: B; param: { id: string } } };

/** A handler of a declared endpoint: `c.req.valid('query' | 'json' | 'param')` are typed by the declaration. */
export type EndpointHandler<Q extends QuerySpec, B> = (c: Context<AppEnv, string, Inputs<Q, B>>) => Response | Promise<Response>;

/** `/{id}/missed` → `/:id/missed`. */
const honoPath = (path: string): string => path.replace(/\{([^}]+)\}/g, ':$1');

/** The role check, placed first: a refused caller gets its 403 before anything of the request is read. */
const permitted =
  (rule: Roles): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    allow(c, (role) => lets(rule, role), rule.denied);
    await next();
  };

/** A query's `{id}`, passed on as it is: an id that cannot exist names nothing, a 404 its handler answers. */
const anyIdParam = validator('param', (value): { id: string } => ({ id: value['id'] ?? '' }));

/**
 * What runs before the handler, in this order: the role check, the query parameters (under `/api/v1`, where
 * one the endpoint does not know is a 400), the `{id}`, the body. A command's `{id}` is checked (400 naming
 * `id`); a query's is not, since an id that cannot exist names nothing (404), like any other unknown id.
 */
const before = (spec: EndpointSpec<QuerySpec, unknown>, root: boolean): MiddlewareHandler<AppEnv>[] => [
  ...(spec.roles === 'public' ? [] : [permitted(spec.roles)]),
  // At the root (`/health`, the docs) a parameter is never refused: probes add their own.
  ...(root ? [] : [query(spec.query ?? {}) as MiddlewareHandler<AppEnv>]),
  ...(spec.path.includes('{id}') ? [(spec.method === 'GET' ? anyIdParam : idParam) as MiddlewareHandler<AppEnv>] : []),
  ...(spec.body === undefined ? [] : [jsonBody(spec.body) as MiddlewareHandler<AppEnv>]),
];

export interface Resource {
  /** Where it is mounted: under `/api/v1` (`/cases`), or at the root. */
  readonly base: string;
  readonly root: boolean;
  readonly router: Hono<AppEnv>;
  readonly endpoints: readonly Endpoint[];
  /** Declares an endpoint and routes it to its handler. */
  on<const Q extends QuerySpec = Record<never, never>, B = never>(spec: EndpointSpec<Q, B>, handler: EndpointHandler<Q, B>): Resource;
}

/** A router for one resource, mounted at `base` (under `/api/v1`, or at the root with `{ root: true }`). */
export const resource = (base: string, options: { readonly root?: boolean } = {}): Resource => {
  const router = new Hono<AppEnv>();
  const endpoints: Endpoint[] = [];
  const root = options.root === true;
  const self: Resource = {
    base,
    root,
    router,
    endpoints,
    on(spec, handler) {
      const path = `${base}${spec.path === '/' ? '' : spec.path}` || '/';
      endpoints.push({ ...(spec as EndpointSpec), path, ...(root ? { root } : {}) });
      const handlers = [...before(spec, root), handler as unknown as MiddlewareHandler<AppEnv>];
      // Hono's overloads type a literal list of handlers; this list is built, so it is routed untyped.
      (router.on as (method: string, path: string, ...handlers: MiddlewareHandler<AppEnv>[]) => unknown)(
        spec.method,
        honoPath(spec.path),
        ...handlers,
      );
      return self;
    },
  };
  return self;
};

import { apiEndpoints } from '../api-routes';
import { resource, type Endpoint } from '../endpoint';
import { health } from '../health';
import { publicStatus } from './public-status';
import { openApiDocument } from '../openapi';
import { DOCS_CSP, docsPage } from '../pages/api-docs';

/*
 * At the root, public (no token): `GET /health`, `GET /openapi.json` (the document generated from every
 * endpoint's declaration) and `GET /docs` (the same endpoints as a readable page in Chinese).
 */

/** The document never changes while the server runs: it is serialised once. */
let documentJson: string | undefined;

export const system = resource('', { root: true })
  .on(
    {
      method: 'GET',
      path: '/health',
      operationId: 'health',
      tag: 'system',
      summary: { zh: '健康检查', en: 'Health check' },
      success: 200,
      reply: 'health',
      roles: 'public',
    },
    async (c) => c.json(await health(c.var.services)),
  )
  .on(
    {
      method: 'GET',
      path: '/openapi.json',
      operationId: 'openApi',
      tag: 'system',
      summary: { zh: '本 API 的 OpenAPI 3.1 描述', en: 'This API as an OpenAPI 3.1 document' },
      success: 200,
      reply: 'openapi',
      roles: 'public',
    },
    (c) => {
      documentJson ??= JSON.stringify(openApiDocument(endpoints));
      return c.body(documentJson, 200, { 'content-type': 'application/json; charset=utf-8' });
    },
  )
  .on(
    {
      method: 'GET',
      path: '/docs',
      operationId: 'docsPage',
      tag: 'system',
      summary: { zh: 'API 文档页面', en: 'This documentation as a web page' },
      success: 200,
      reply: 'html',
      roles: 'public',
    },
    async (c) =>
      c.body(await docsPage(endpoints, new URL(c.req.url).origin), 200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': DOCS_CSP,
      }),
  );

/** Every endpoint the server has: those under `/api/v1`, then these. */
export const endpoints: readonly Endpoint[] = [...apiEndpoints, ...system.endpoints, ...publicStatus.endpoints];

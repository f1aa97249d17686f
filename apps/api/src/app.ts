import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { authenticate } from './auth';
import type { AppEnv } from './env';
import { handleError, notFound, problemResponse } from './problem';
import { requestLog } from './request-log';
import { API_BODY_LIMIT, limitBody } from './validator';
import { apiResources } from './api-routes';
import { API_BASE } from './openapi';
import { system } from './routes/system';
import { publicStatus } from './routes/public-status';
import { createPublicLimits } from './public-limits';
import type { Services } from './services';
import { pageBodyLimit, pageSession, PAGE_PATHS } from './pages/session';
import { loginPages } from './pages/login';
import { isPagePath, pageFailure, pageNotFound } from './pages/error-page';
import { dashboardPages } from './pages/dashboard';
import { ledgerPages } from './pages/ledgers';
import { caseListPages } from './pages/case-list';
import { casePages } from './pages/case-page';
import { personPages } from './pages/person-page';
import { registerVisitPages } from './pages/register-visit';
import { screeningFormPages } from './pages/screening-form';
import { announcementPages } from './pages/announcement';
import { registerCasePages } from './pages/register-case';
import { rosterPages } from './pages/roster';
import { referencePages } from './pages/reference-data';
import { campaignReportPages } from './pages/campaign-report';
import { hotspotPages } from './pages/hotspots';
import { noticePages } from './pages/notice-pages';
import { statusPages } from './pages/status';

/** How a client authenticates (RFC 9110: every 401 names it): a bearer token, made with the CLI. */
export const WWW_AUTHENTICATE = 'Bearer realm="xinfang"';

/**
 * Security headers on every answer (`nosniff`, `Referrer-Policy: no-referrer`, no framing, …). No HSTS:
 * the server speaks plain HTTP on the office's network, where that header means nothing.
 */
const securityHeaders = secureHeaders({ strictTransportSecurity: false });

/** Every 401 says how to authenticate, whoever answered it. */
const authChallenge = createMiddleware(async (c, next) => {
  await next();
  if (c.res.status === 401) c.res.headers.set('www-authenticate', WWW_AUTHENTICATE);
});

/** API answers hold personal data and change with every event: no cache keeps them. */
const noStore = createMiddleware(async (c, next) => {
  await next();
  c.res.headers.set('cache-control', 'no-store');
});

/**
 * The office's HTTP app (API.md). One router per resource under `/api/v1`, every request authenticated;
 * `/health`, `/openapi.json` and the web pages at the root.
 */
export const createApp = (services: Services) => {
  const api = new Hono<AppEnv>().use(noStore).use(authenticate).use(limitBody(API_BODY_LIMIT));
  for (const { base, router } of apiResources) api.route(base, router);

  const publicLimits = createPublicLimits(services.clock);
  const app = new Hono<AppEnv>()
    .use(requestLog(services.logger))
    .use(securityHeaders)
    .use(authChallenge)
    .use(async (c, next) => {
      c.set('services', services);
      c.set('publicLimits', publicLimits);
      await next();
    })
    .route('/', system.router)
    .route(publicStatus.base, publicStatus.router)
    .route(API_BASE, api);
  // The pages ask the API in-process, with the browser's own token (pages/session.tsx).
  const session = pageSession((path, init) => app.request(path, init));
  for (const path of PAGE_PATHS) app.use(path, pageBodyLimit, session);
  app.route('/', loginPages);
  app.route('/', dashboardPages);
  app.route('/', ledgerPages);
  app.route('/', caseListPages);
  // Before the case pages: their `/office/cases/:id/:segment` would take a receipt's POST.
  app.route('/', noticePages);
  app.route('/', casePages);
  app.route('/', personPages);
  app.route('/', registerVisitPages);
  app.route('/', screeningFormPages);
  app.route('/', announcementPages);
  app.route('/', registerCasePages);
  app.route('/', rosterPages);
  app.route('/', referencePages);
  app.route('/', campaignReportPages);
  app.route('/', hotspotPages);
  app.route('/', statusPages);

  const onError = handleError((error, c) => services.logger.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed'));
  // A page that fails or does not exist is answered as a page (with a way back), the API in problem+json.
  app.onError((error, c) => {
    const response = onError(error, c);
    return isPagePath(c.req.path) && response.status >= 500 ? pageFailure(c, response) : response;
  });
  app.notFound((c) => (isPagePath(c.req.path) ? pageNotFound(c) : problemResponse(c, notFound('路径 / path', c.req.path).body)));
  return app;
};

export type App = ReturnType<typeof createApp>;

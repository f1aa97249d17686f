import { Hono } from 'hono';
import { authenticate } from './auth';
import type { AppEnv } from './env';
import { handleError, notFound, problemResponse } from './problem';
import { communities } from './routes/communities';
import type { Services } from './services';

/**
 * The office's HTTP app (API.md). One router per resource under `/api/v1`, every request authenticated;
 * `/health`, `/openapi.json` and the web pages at the root.
 */
export const createApp = (services: Services) => {
  const api = new Hono<AppEnv>().use(authenticate).route('/communities', communities);

  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('services', services);
      await next();
    })
    .get('/health', (c) => c.json({ status: 'ok' }))
    .route('/api/v1', api);

  app.onError(
    handleError((error, c) => services.logger.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed')),
  );
  app.notFound((c) => problemResponse(c, notFound('路径 / path', c.req.path).body));
  return app;
};

export type App = ReturnType<typeof createApp>;

/*
 * The query worker's entry when the app runs from its TypeScript sources (tests, `xinfang` run from the
 * repository): a worker thread does not inherit the main thread's module hooks, so it registers them itself —
 * the `@xinfang/source` export condition (the workspace's packages resolve to their sources, as
 * `node --conditions=@xinfang/source` would) and tsx — then loads query-worker.ts. A build runs the built
 * worker instead (see query-pool.ts).
 */
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      const conditions = context.conditions ?? [];
      return next(specifier, conditions.includes('@xinfang/source') ? context : { ...context, conditions: [...conditions, '@xinfang/source'] });
    }`),
);
const { register: registerTsx } = await import('tsx/esm/api');
registerTsx();
await import('./query-worker.ts');

import type { Services } from './services';

/*
 * `GET /health` (API.md): `{"status":"ok"}`, or, while the projection runner is failing (it tries again by
 * itself), `200 {"status":"degraded", reason, position, head, attempts}` — the process still answers every
 * request (queries as of `position`, the last one the read models hold; commands as ever), so it stays
 * 200 for a load balancer, and the body says why and how far behind the log's head the read models are.
 */

export type Health =
  | { readonly status: 'ok' }
  | {
      readonly status: 'degraded';
      /** Why, in Chinese and English. */
      readonly reason: string;
      /** The position queries are answered as of (the read models hold the log up to it). */
      readonly position: number;
      /** The log's head (absent when the store could not be read either). */
      readonly head?: number;
      /** Failed attempts in a row. */
      readonly attempts: number;
    };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const health = async (services: Pick<Services, 'runner' | 'store'>): Promise<Health> => {
  const status = services.runner.status();
  if (status.state !== 'failed') return { status: 'ok' };
  const head = await services.store.headPosition().catch(() => undefined);
  return {
    status: 'degraded',
    reason:
      `读模型更新失败，正在自动重试（已失败 ${status.attempts} 次），查询按位置 ${status.position} 作答 / ` +
      `the projection runner failed (${status.attempts} attempts so far, retrying): ${messageOf(status.error)}; ` +
      `queries are answered as of position ${status.position}`,
    position: status.position,
    ...(head === undefined ? {} : { head }),
    attempts: status.attempts,
  };
};

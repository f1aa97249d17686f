import { createApp, openServices } from '@xinfang/api';
import { campaignShape, estimatedRequests, generateCampaign, requestKind } from '@xinfang/demo-data';
import type { Clock } from '@xinfang/event-store';
import { CliError, messageOf } from '../errors';
import { note, say, stderrLogger } from '../output';
import { progressBar } from '../progress';
import { parseStore } from '../store-location';

/*
 * `xinfang demo`: loads the synthetic campaign of @xinfang/demo-data by replaying its HTTP requests through
 * the app in this process — the same routes, codecs and rules as a clerk's requests — with the app's clock
 * set to each request's recording time, under a temporary office token that is revoked afterwards (also on
 * an error or Ctrl+C). It may run while a server uses the same store, even one taking writes: the log takes
 * appends from both, and this process keeps its own read models in memory (the server's stay the server's):
 * only the indexes its commands look petitioners and duties up in, not every case's state, which it never
 * queries and which made its memory grow with the campaign.
 */

const parseNumber = (name: string, text: string, check: (n: number) => boolean, expected: string): number => {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) throw new CliError(`${name} 应为${expected} / ${name} expects ${expected}, not "${text}"`);
  return n;
};

/** The problem detail of a refused request, as one line. */
const problemLine = async (response: Response): Promise<string> => {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string; code?: string; errors?: { path: string; message: string }[] };
    const errors = (problem.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
    return [problem.title, problem.code === undefined ? undefined : `[${problem.code}]`, problem.detail, errors === '' ? undefined : errors]
      .filter((part) => part !== undefined && part !== '')
      .join(' — ');
  } catch {
    return text.slice(0, 300);
  }
};

export const demo = async (options: { seed: string; scale: string; force?: boolean; store: string }): Promise<void> => {
  const seed = parseNumber('--seed', options.seed, Number.isSafeInteger, '整数 a whole number');
  const scale = parseNumber('--scale', options.scale, (n) => n > 0 && n <= 1000, '大于 0、不超过 1000 的数 a number above 0, at most 1000');
  const location = parseStore(options.store);

  let now = new Date().toISOString();
  const clock: Clock = { now: () => now };
  const services = await openServices({ storePath: location.path, clock, readModels: 'lookups', logger: stderrLogger('warn') });
  let token: { id: string; secret: string } | undefined;
  /**
   * Revokes the temporary token, once. The SQLite app database revokes before the promise is even returned,
   * so that this also works from the 'exit' handler of an abrupt exit, where nothing can be awaited.
   */
  const revokeToken = async (): Promise<void> => {
    if (token === undefined) return;
    const { id } = token;
    token = undefined;
    try {
      await services.database.tokens.revoke(id, new Date().toISOString());
    } catch (error) {
      note(`未能吊销临时令牌 ${id}，请手动吊销 / could not revoke the temporary token ${id}, revoke it by hand: ${messageOf(error)}`);
    }
  };
  const revokeOnExit = (): void => void revokeToken();
  // An office token must not outlive the demo: not on Ctrl+C, and not if the process ends some other way.
  const onSignal = (signal: NodeJS.Signals): void => {
    void revokeToken().finally(() => {
      note(`收到 ${signal}，已停止 / ${signal}: stopped`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', revokeOnExit);
  try {
    const before = await services.store.headPosition();
    if (before > 0 && options.force !== true) {
      throw new CliError(
        `存储中已有 ${before} 个事件，演示数据应载入空存储 / the store already holds ${before} events; load the demo into an empty store (e.g. --store sqlite:./data/demo.db), or pass --force`,
      );
    }
    const shape = campaignShape(scale);
    // The campaign is generated lazily, so a benchmark-sized one never sits in memory. It is not counted
    // first: a second pass over a large campaign costs seconds and lets the heap grow to hundreds of MB
    // before the first request; the progress bar's total is an estimate that gives way to the count.
    const estimate = estimatedRequests(scale);
    const requests = generateCampaign({ seed, scale });
    const app = createApp(services);
    const created = await services.database.tokens.create({ kind: 'office' }, '演示数据（临时）/ demo (temporary)', new Date().toISOString());
    token = { id: created.info.id, secret: created.token };

    const started = Date.now();
    const routes = new Map<string, number>();
    const bar = progressBar('载入 demo', '请求 requests');
    try {
      let index = -1;
      for (const request of requests) {
        index += 1;
        now = request.recordedAt;
        const response = await app.request(request.path, {
          method: request.method,
          headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' },
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        });
        if (!response.ok) {
          bar.stop();
          note(`  请求 request: ${request.method} ${request.path} (recordedAt ${request.recordedAt})`);
          if (request.body !== undefined) note(`  内容 body: ${JSON.stringify(request.body).slice(0, 500)}`);
          throw new CliError(
            `第 ${index + 1} 个请求被拒绝，已停止 / request ${index + 1} was refused, stopping: ` +
              `${request.method} ${request.path} → ${response.status} ${await problemLine(response)}`,
          );
        }
        await response.body?.cancel();
        const route = requestKind(request);
        routes.set(route, (routes.get(route) ?? 0) + 1);
        if (index % 25 === 0) {
          bar.update(index + 1, Math.max(estimate, index + 1));
          // The requests are answered in microtasks: let the event loop turn, so that Ctrl+C is heard.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      bar.update(index + 1, index + 1);
    } finally {
      bar.stop();
    }
    const total = [...routes.values()].reduce((a, b) => a + b, 0);
    const after = await services.store.headPosition();
    const seconds = (Date.now() - started) / 1000;
    say(`演示数据已载入 / demo campaign loaded (seed ${seed}, scale ${scale})`);
    say(`  请求 requests：${total}（${seconds.toFixed(1)} s，${Math.round(total / Math.max(seconds, 0.001))}/s）`);
    say(`  事件 events：${before} → ${after}（新增 ${after - before}）`);
    for (const [route, count] of [...routes].sort((a, b) => b[1] - a[1])) say(`    ${String(count).padStart(6)}  ${route}`);
    say(
      `  活动 campaign：${shape.start} 至 ${shape.end}，${shape.communities} 个社区 communities，${shape.grids} 个网格 grids`,
    );
    say(`  存储 store：${location.path}`);
  } finally {
    await revokeToken();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', revokeOnExit);
    await services.close().catch((error: unknown) => note(`关闭时出错 / while closing: ${messageOf(error)}`));
  }
};

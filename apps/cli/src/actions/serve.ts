import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, loginUrl, openServices } from '@xinfang/api';
import { CliError, messageOf } from '../errors';
import { note, say, stderrLogger } from '../output';
import { parseAnyStore, postgresLog } from '../store-location';

/*
 * `xinfang serve`: the office's app over HTTP, on 127.0.0.1 unless told otherwise. There is no default
 * password and no built-in token: when the store has no token at all, the first start makes one `office`
 * token and prints it, with a login URL that carries it, once (as a notebook server does). SIGINT/SIGTERM
 * close the server, then the projection runner and the store.
 */

export const DEFAULT_HOST = '127.0.0.1';
/** How long open connections (an event stream, say) may hold up a shutdown before they are cut. */
const SHUTDOWN_GRACE_MS = 3000;

export const parsePort = (text: string): number => {
  const port = Number(text);
  if (!(/^\d+$/.test(text.trim()) && Number.isSafeInteger(port) && port >= 0 && port <= 65535)) {
    throw new CliError(`端口应为 0–65535 的整数 / --port (or PORT) must be a whole number from 0 to 65535, not "${text}"`);
  }
  return port;
};

const isWildcard = (host: string): boolean => host === '0.0.0.0' || host === '::' || host === '[::]';
const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host);

/** The host as a URL writes it; a wildcard address is reached on this machine through 127.0.0.1. */
const urlHost = (host: string): string => (isWildcard(host) ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/**
 * Why this process cannot write the store, if it cannot: the file (or its folder, where SQLite keeps the WAL)
 * is read-only for it. A server on such a store reads, and answers every write with 503 storeUnavailable.
 */
export const storeNotWritable = (path: string): string | undefined => {
  for (const file of [path, `${path}-wal`, dirname(path)]) {
    try {
      accessSync(file, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') return `${file}: ${code ?? messageOf(error)}`;
    }
  }
  return undefined;
};

export const serve = async (options: { port: string; host: string; store: string }): Promise<void> => {
  const port = parsePort(options.port);
  const host = options.host.trim() || DEFAULT_HOST;
  const location = parseAnyStore(options.store);
  // Signals are taken from the start and held until the server can stop (a second one exits at once): taken
  // only once it announced itself, a SIGTERM sent on that announcement could still find Node's default in
  // force and kill the process mid-way (seen about once in six quick starts and stops).
  let onSignal = (signal: string): void => {
    if (pending !== undefined) process.exit(130);
    pending = signal;
    note(`收到 ${signal}，启动完成后关闭（再按一次立即退出）/ ${signal}: stopping once started (again to exit now)`);
  };
  let pending: string | undefined;
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  let services: Awaited<ReturnType<typeof openServices>>;
  try {
    services = await openServices({ storePath: location.path, ...postgresLog(location), logger: stderrLogger('info') });
  } catch (error) {
    throw new CliError(`无法打开存储 / cannot open the store ${location.kind === 'sqlite' ? location.path : location.text}: ${messageOf(error)}`);
  }
  const app = createApp(services);
  // Without `createServer` options the adaptor makes a plain node:http server.
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await services.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`端口已被占用 / ${host}:${port} is in use: pass --port or set PORT`);
    if (code === 'EACCES') throw new CliError(`没有权限监听 / not allowed to listen on ${host}:${port}: try a port above 1024`);
    throw new CliError(`无法监听 / cannot listen on ${host}:${port}: ${messageOf(error)}`);
  }

  // A query worker loads the live read model now, not when the first query comes (see query-pool.ts).
  services.queries.warm?.();
  const { port: actualPort } = server.address() as AddressInfo;
  const base = `http://${urlHost(host)}:${actualPort}`;
  say(`xinfang 已启动 / serving on ${base}`);
  say(`  存储 store: ${location.kind === 'sqlite' ? `${location.text} (${location.path})` : location.text}`);
  if (location.kind === 'postgres') say(`  读模型与应用数据库 read models and app database: ${dirname(location.path)}`);
  const readOnly = location.kind === 'sqlite' ? storeNotWritable(location.path) : undefined;
  if (readOnly !== undefined) {
    note(`警告：存储为只读，只能查询，所有写入将答复 503 / warning: the store is read-only (${readOnly}): reads work, every write answers 503`);
  }
  if (!isLoopback(host)) say(`  注意：监听 ${host}，其他机器也能访问 / note: listening on ${host}, reachable from other machines`);

  // After listening, so a start that fails (port in use) does not make a token nobody saw.
  if ((await services.database.tokens.count()) === 0) {
    const { info, token } = await services.database.tokens.create({ kind: 'office' }, '首次启动自动创建 / made on first start', new Date().toISOString());
    say('');
    say('首次启动：已创建一个 office（信访办）令牌，只显示这一次 / first start: an office token was made; it is shown only this once.');
    say(`  登录网址 login URL: ${loginUrl(base, token)}`);
    say(`  令牌 token (${info.id}): ${token}`);
    say(`  API 文档 docs: ${base}/docs`);
    say(`  API 示例 example: curl -H "Authorization: Bearer ${token}" ${base}/api/v1/ledgers/disputes`);
    say('  其他令牌 / more tokens: xinfang token create --role ROLE');
    say('');
  }
  say('按 Ctrl+C 停止 / press Ctrl+C to stop');

  await new Promise<void>((resolve, reject) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) {
        note('再次收到信号，立即退出 / second signal: exiting now');
        process.exit(130);
      }
      stopping = true;
      note(`收到 ${signal}，正在关闭 / ${signal}: shutting down…`);
      const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      cut.unref();
      server.close(() => {
        clearTimeout(cut);
        services.close().then(resolve, reject);
      });
      server.closeIdleConnections();
    };
    onSignal = stop;
    if (pending !== undefined) stop(pending);
  });
  say('已停止 / stopped');
};

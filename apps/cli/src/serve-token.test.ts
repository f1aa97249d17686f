import { networkInterfaces } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, lastLine, runCli, startServe, tempDir, type Served } from './test/cli';

const dir = tempDir();
const store = `sqlite:${join(dir.path, 'office.db')}`;
afterAll(() => dir.remove());

const TOKEN = /^xf_[A-Za-z0-9_-]{20,}$/;
const qinghua = { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] };

/** An IPv4 address of this machine other than loopback, if it has one. */
const otherAddress = (): string | undefined =>
  Object.values(networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

/** One line on stderr, and no stack trace. */
const expectOneLineError = (stderr: string, pattern: RegExp): void => {
  expect(stderr).toMatch(pattern);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe('xinfang serve: the first start', () => {
  it('prints a login URL carrying a new office token, once; answers /health; listens on 127.0.0.1 only', async () => {
    const served = await startServe(['--store', store]);
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const login = /(http:\/\/\S+)\/\?token=(xf_\S+)/.exec(served.stdout());
      expect(login?.[1]).toBe(served.url);
      const token = login?.[2] ?? '';
      expect(token).toMatch(TOKEN);
      expect(served.stdout()).toContain(`Authorization: Bearer ${token}`);

      expect(await call(served.url, 'GET', '/health', undefined)).toEqual({ status: 200, body: { status: 'ok' } });
      // The printed URL logs a browser in: a cookie, then the pages (hono/jsx, compiled by the bin's tsx).
      const loggedIn = await fetch(`${served.url}/?token=${token}`, { redirect: 'manual' });
      expect(loggedIn.status).toBe(302);
      const cookie = (loggedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const ledger = await fetch(`${served.url}/office/ledgers/disputes`, { headers: { cookie } });
      expect(ledger.status).toBe(200);
      expect(await ledger.text()).toContain('>附件1 矛盾纠纷排查化解清单</h1>');
      expect((await call(served.url, 'POST', '/api/v1/communities', token, qinghua)).status).toBe(201);
      expect((await call(served.url, 'POST', '/api/v1/communities', undefined, qinghua)).status).toBe(401);

      const other = otherAddress();
      if (other !== undefined) {
        const port = new URL(served.url).port;
        await expect(fetch(`http://${other}:${port}/health`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
      }
    } finally {
      const exit = await served.stop('SIGINT');
      expect(exit.code).toBe(0);
      expect(exit.stdout).toContain('已停止 / stopped');
    }
  });
});

describe('with a running server (second start)', () => {
  let served: Served;
  beforeAll(async () => {
    served = await startServe(['--store', store]);
  });
  afterAll(async () => {
    const exit = await served.stop();
    expect(exit.code).toBe(0);
  });

  it('prints no login URL and makes no token when the store has one', async () => {
    expect(served.stdout()).not.toContain('?token=');
    expect(served.stdout()).not.toContain('xf_');
    const list = await runCli(['token', 'list', '--store', store]);
    expect(list.stdout.match(/^t-[0-9a-f]+ /gm)).toHaveLength(1);
  });

  it('refuses a port in use with one line, not a stack', async () => {
    const port = new URL(served.url).port;
    const run = await runCli(['serve', '--port', port, '--store', `sqlite:${join(dir.path, 'elsewhere.db')}`]);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /is in use/);
  });

  it('starts a second server on the same store, with read models of its own (slot 1)', async () => {
    const second = await startServe(['--store', store]);
    expect(second.stdout()).not.toContain('?token=');
    expect((await second.stop()).code).toBe(0);
    expect(existsSync(join(dir.path, 'office.read.1.db'))).toBe(true);
  });

  it('token create prints the token alone on its last line; it verifies against the API; revoke ends it', async () => {
    const created = await runCli(['token', 'create', '--role', 'office', '--name', '王科员', '--store', store]);
    expect(created.code).toBe(0);
    const token = lastLine(created.stdout);
    expect(token).toMatch(TOKEN);
    const id = /(t-[0-9a-f]+)/.exec(created.stdout)?.[1] ?? '';
    expect(id).not.toBe('');
    expect((await call(served.url, 'GET', '/api/v1/ledgers/disputes', token)).status).toBe(200);
    expect((await call(served.url, 'GET', '/api/v1/ledgers/disputes', `${token}x`)).status).toBe(401);

    const community = await runCli(['token', 'create', '--role', 'community:qinghua', '--store', store]);
    const communityToken = lastLine(community.stdout);
    expect(communityToken).toMatch(TOKEN);
    // A community token may not register a community.
    expect((await call(served.url, 'POST', '/api/v1/communities', communityToken, { ...qinghua, communityId: 'x' })).status).toBe(403);

    const list = await runCli(['token', 'list', '--store', store]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain('王科员');
    expect(list.stdout).toContain('community:qinghua');
    expect(list.stdout).not.toContain(token);
    expect(list.stdout).not.toContain(communityToken);
    expect(list.stdout).not.toContain('xf_');

    const revoked = await runCli(['token', 'revoke', id, '--store', store]);
    expect(revoked.code).toBe(0);
    expect((await call(served.url, 'GET', '/api/v1/ledgers/disputes', token)).status).toBe(401);
    const again = await runCli(['token', 'revoke', id, '--store', store]);
    expect(again.code).toBe(1);
    expectOneLineError(again.stderr, /already revoked/);
    expect((await runCli(['token', 'list', '--store', store])).stdout).toMatch(new RegExp(`${id}.*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s*$`, 'm'));
  });
});

describe('mistakes are one clear line and a non-zero exit', () => {
  it('an unknown role, an unknown token id, a store that is not there yet, an option missing', async () => {
    const [role, revoke, pg, esdb, missing, noRole] = await Promise.all([
      runCli(['token', 'create', '--role', 'boss', '--store', store]),
      runCli(['token', 'revoke', 't-nope', '--store', store]),
      runCli(['backup', '--to', join(dir.path, 'pg-backup'), '--store', 'postgres://office@db/xinfang']),
      runCli(['token', 'list'], { env: { XINFANG_STORE: 'esdb://localhost:2113' } }),
      runCli(['verify', '--store', `sqlite:${join(dir.path, 'nothing-here.db')}`]),
      runCli(['token', 'create', '--store', store]),
    ]);
    expect(role.code).toBe(1);
    expectOneLineError(role.stderr, /unknown role "boss"/);
    expect(revoke.code).toBe(1);
    expectOneLineError(revoke.stderr, /no token with id "t-nope"/);
    expect(pg.code).toBe(1);
    // Backups of a PostgreSQL log are PostgreSQL's own (pg_dump): the command says it takes SQLite only.
    expectOneLineError(pg.stderr, /pg_dump.*pg_restore/);
    expect(esdb.code).toBe(1);
    expectOneLineError(esdb.stderr, /EventStoreDB.*not available yet/);
    expect(missing.code).toBe(1);
    expectOneLineError(missing.stderr, /no store at/);
    expect(noRole.code).toBe(1);
    expect(noRole.stderr).toMatch(/--role/);
  });

  it('a token for a community or a leader that is not registered', async () => {
    const before = (await runCli(['token', 'list', '--store', store])).stdout;
    const [community, leader, registered] = await Promise.all([
      runCli(['token', 'create', '--role', 'community:nosuch', '--store', store]),
      runCli(['token', 'create', '--role', 'leader:L99', '--store', store]),
      runCli(['token', 'create', '--role', 'community:qinghua', '--name', '青华社区网格员', '--store', store]),
    ]);
    expect(community.code).toBe(1);
    expectOneLineError(community.stderr, /没有登记社区 nosuch.*no community "nosuch" is registered/);
    expect(leader.code).toBe(1);
    expectOneLineError(leader.stderr, /没有登记领导 L99.*no leader "L99" is registered/);
    expect(registered.code).toBe(0);
    const after = (await runCli(['token', 'list', '--store', store])).stdout;
    expect(after.match(/^t-[0-9a-f]+ /gm)).toHaveLength((before.match(/^t-[0-9a-f]+ /gm) ?? []).length + 1);
    expect(after).not.toContain('nosuch');
    expect(after).not.toContain('L99');
  });
});

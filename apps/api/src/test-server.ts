import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { expect } from 'vitest';
import pino from 'pino';
import { sequentialIds, type Clock } from '@xinfang/event-store';
import { createApp } from './app';
import { openServices, type OpenOptions } from './open-services';
import { parseRole } from './roles';
import type { Services } from './services';

/*
 * Test support (not exported): the real app on a real SQLite store in a temp folder, served over real
 * HTTP on an ephemeral port of 127.0.0.1, with a settable clock (at `TEST_NOW` unless a test sets it),
 * one token per role and the test communities registered.
 */

/**
 * The communities every test server starts with (registered through the API, before anything else), so
 * a case, a visit or a report may name them: `qinghua` (grids `qh-1`, `qh-2`) and `yangguang` (`yg-1`).
 */
export const TEST_COMMUNITIES = [
  { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }, { gridId: 'qh-2', name: '第二网格' }] },
  { communityId: 'yangguang', name: '阳光社区', grids: [{ gridId: 'yg-1', name: '第一网格' }] },
] as const;

/** When the test communities are recorded: before any time a test sets, since recordedAt never goes back. */
export const TEST_SETUP_TIME = '2024-09-01T08:00:00+08:00';

/** The server's clock unless a test sets it: after the campaign the tests write (September–October 2024). */
export const TEST_NOW = '2024-10-31T18:00:00+08:00';

export const ROLES = ['office', 'auditor', 'inspector', 'community:qinghua', 'community:yangguang', 'leader:L01', 'leader:L02'] as const;
export type TestRole = (typeof ROLES)[number];

export interface TestServer {
  readonly url: string;
  /** The real services behind the server (its store, app database, …), for looking at what was written. */
  readonly services: Services;
  /** The SQLite file of the event log, for another connection (another process) to open (with `postgres`: the anchor of the app's files). */
  readonly storePath: string;
  readonly tokens: Record<TestRole, string>;
  /** Sets the time the server stamps as recordedAt. */
  readonly setNow: (instant: string) => void;
  readonly call: (
    method: string,
    path: string,
    options?: { role?: TestRole | null; body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: any; headers: Headers; text: string }>;
  readonly eventCount: () => Promise<number>;
  readonly logs: () => string;
  readonly close: () => Promise<void>;
}

export interface TestServerOptions extends Pick<OpenOptions, 'busyTimeoutMs' | 'queryWorkers' | 'queryQueueLimit' | 'postgres' | 'ids'> {
  /** Start with an empty log, without the test communities (for the tests of registering them). */
  readonly empty?: boolean;
}

export const startTestServer = async ({ empty = false, ...options }: TestServerOptions = {}): Promise<TestServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'xinfang-api-'));
  const storePath = join(dir, 'xinfang.db');
  let now = TEST_SETUP_TIME;
  const clock: Clock = { now: () => now };
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  // Queries in this thread unless a test asks for workers (query-workers.test.ts runs them there).
  const services = await openServices({ storePath, clock, ids: sequentialIds('id-'), logger, queryWorkers: 0, ...options });
  const app = createApp(services);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const tokens = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, (await services.database.tokens.create(parseRole(role)!, `test ${role}`, now)).token])),
  ) as Record<TestRole, string>;
  const testServer: TestServer = {
    url,
    services,
    storePath,
    tokens,
    setNow: (instant) => {
      now = instant;
    },
    call: async (method, path, { role = 'office', body, headers = {} } = {}) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(role === null ? {} : { authorization: `Bearer ${tokens[role]}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON (CSV, HTML, …): keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers, text };
    },
    eventCount: () => services.store.headPosition(),
    logs: () => logLines.join(''),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (!empty) {
    for (const community of TEST_COMMUNITIES) {
      const res = await testServer.call('POST', '/api/v1/communities', { body: community });
      expect(res.status, res.text).toBe(201);
    }
  }
  now = TEST_NOW;
  return testServer;
};

/** Sends a request and checks that it wrote nothing (a refusal, or a retry answered from the first). */
export const expectNoWrite = async (
  server: TestServer,
  send: () => ReturnType<TestServer['call']>,
  status: number,
): ReturnType<TestServer['call']> => {
  const before = await server.eventCount();
  const res = await send();
  expect(res.status).toBe(status);
  expect(await server.eventCount()).toBe(before);
  return res;
};

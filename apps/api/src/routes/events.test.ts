import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario, ZHANG, type Scenario } from '../test-query-scenario';

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
});
afterAll(async () => server.close());

const get = (path: string, role: TestRole | null = 'office') => server.call('GET', `/api/v1${path}`, { role });

interface Envelope {
  type: string;
  data: Record<string, unknown>;
  meta: { position: number; streamId: string; hash: string; prevHash: string };
}

describe('GET /events', () => {
  it('pages through the global feed in position order', async () => {
    const first = await get('/events?limit=5');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ after: 0, limit: 5, headPosition: scenario.head, next: 5 });
    const events = first.body.events as Envelope[];
    expect(events.map((e) => e.meta.position)).toEqual([1, 2, 3, 4, 5]);
    expect(events[0]).toMatchObject({ type: 'CommunityRegistered', meta: { streamId: 'community-qinghua' } });
    expect(events[1]!.meta.prevHash).toBe(events[0]!.meta.hash);
    const next = await get(`/events?after=${first.body.next}&limit=1000`);
    expect((next.body.events as Envelope[])[0]!.meta.position).toBe(6);
    expect(next.body.next).toBe(scenario.head);
    const end = await get(`/events?after=${scenario.head}`);
    expect(end.body).toMatchObject({ events: [], next: scenario.head, limit: 100 });
  });

  it('carries person events sealed: ciphertext, never the plain data', async () => {
    const all = (await get('/events?limit=1000')).body.events as Envelope[];
    const person = all.find((e) => e.type === 'PersonRegistered');
    expect(person?.data.sealed).toMatchObject({ iv: expect.any(String), data: expect.any(String), tag: expect.any(String) });
    const text = JSON.stringify(all);
    for (const value of Object.values(ZHANG)) expect(text).not.toContain(value);
  });

  it('is for the office and the auditor (401, 403)', async () => {
    expect((await get('/events', 'auditor')).status).toBe(200);
    for (const role of ['inspector', 'community:qinghua', 'leader:L01'] as const) expect((await get('/events', role)).status, role).toBe(403);
    expect((await get('/events', null)).status).toBe(401);
  });

  it('refuses bad after and limit (400 naming them)', async () => {
    const res = await get('/events?after=-1&limit=1001');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['after', 'limit']);
  });
});

interface SseMessage {
  readonly id?: string;
  readonly data: string;
}

/**
 * A Server-Sent Events client on a socket of its own (node:http, no connection pool), so that `close`
 * really drops the connection, as a browser leaving the page does.
 */
const openStream = (query: string, headers: Record<string, string> = {}, role: TestRole = 'office') =>
  new Promise<{ status: number; contentType: string; take: (count: number) => Promise<SseMessage[]>; close: () => void }>(
    (resolve, reject) => {
      const request = httpGet(
        `${server.url}/api/v1/events/stream${query}`,
        { headers: { authorization: `Bearer ${server.tokens[role]}`, accept: 'text/event-stream', ...headers }, agent: false },
        (response) => {
          let buffer = '';
          const messages: SseMessage[] = [];
          let wake: (() => void) | undefined;
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const lines = buffer.slice(0, end).split('\n').filter((line) => !line.startsWith(':'));
              buffer = buffer.slice(end + 2);
              if (lines.length === 0) continue;
              const id = lines.find((line) => line.startsWith('id: '))?.slice(4);
              const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
              messages.push({ ...(id === undefined ? {} : { id }), data });
            }
            wake?.();
          });
          const take = async (count: number): Promise<SseMessage[]> => {
            while (messages.length < count) await new Promise<void>((woken) => (wake = woken));
            return messages.splice(0, count);
          };
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type']),
            take,
            close: () => request.destroy(),
          });
        },
      );
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    },
  );

describe('GET /events/stream', () => {
  it('catches up after `after`, then delivers a new event live', async () => {
    const stream = await openStream(`?after=${scenario.head - 2}`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      const caughtUp = await stream.take(2);
      expect(caughtUp.map((m) => m.id)).toEqual([String(scenario.head - 1), String(scenario.head)]);
      expect((JSON.parse(caughtUp[1]!.data) as Envelope).meta.position).toBe(scenario.head);
      const written = await server.call('POST', '/api/v1/communities', { body: { communityId: 'live', name: '新社区', grids: [] } });
      expect(written.status).toBe(201);
      const [live] = await stream.take(1);
      expect(live!.id).toBe(String(written.body.position));
      expect(JSON.parse(live!.data)).toMatchObject({ type: 'CommunityRegistered', data: { communityId: 'live' } });
    } finally {
      stream.close();
    }
  });

  it('resumes after Last-Event-ID, which wins over `after`', async () => {
    const head = await server.eventCount();
    const stream = await openStream('?after=0', { 'last-event-id': String(head - 1) }, 'auditor');
    try {
      const [message] = await stream.take(1);
      expect(message!.id).toBe(String(head));
    } finally {
      stream.close();
    }
  });

  it('keeps serving after a client went away in the middle of its catch-up', async () => {
    const first = await openStream('?after=0'); // most of the log still to send when it goes
    await first.take(1);
    first.close();
    const second = await openStream(`?after=${scenario.head - 1}`);
    try {
      expect((await second.take(1))[0]!.id).toBe(String(scenario.head));
    } finally {
      second.close();
    }
  });

  it('is for the office and the auditor; bad positions are a 400', async () => {
    expect((await server.call('GET', '/api/v1/events/stream', { role: 'inspector' })).status).toBe(403);
    expect((await server.call('GET', '/api/v1/events/stream', { role: 'community:qinghua' })).status).toBe(403);
    expect((await server.call('GET', '/api/v1/events/stream', { role: null })).status).toBe(401);
    const bad = await server.call('GET', '/api/v1/events/stream?after=x');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['after']);
    const badId = await server.call('GET', '/api/v1/events/stream', { headers: { 'last-event-id': 'abc' } });
    expect(badId.status).toBe(400);
    expect(badId.body.errors.map((e: { path: string }) => e.path)).toEqual(['Last-Event-ID']);
  });
});

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore, NewEvent } from '@xinfang/event-store';
import { createApp } from './app';
import { createOffice } from './office';
import { startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const at = '2024-09-16T09:00:00+08:00';

describe('a command on a case with 10,000 events, over HTTP', () => {
  it("starts from the read models' state, reading only what follows it; once its state is kept, a command reads only the last event it folded again", async () => {
    // The server's own SQLite store, with every readStream counted: which stream, from which revision, how many events.
    const reads: { streamId: string; fromRevision: number; events: number }[] = [];
    const { store, runner } = server.services;
    const counted: EventStore = {
      ...store,
      readStream: async (streamId, options) => {
        const events = await store.readStream(streamId, options);
        reads.push({ streamId, fromRevision: options?.fromRevision ?? 1, events: events.length });
        return events;
      },
    };
    // The same app and services, with an office of its own on the counted store.
    const app = createApp({ ...server.services, office: createOffice({ ...server.services, store: counted }) });
    const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => http.once('listening', () => resolve()));
    const { port } = http.address() as AddressInfo;
    const progress = async (note: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases/c-long/progress`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.tokens.office}`, 'content-type': 'application/json' },
        body: JSON.stringify({ at, note }),
      });
      return { status: res.status, body: await res.json() };
    };

    try {
      const body = { caseId: 'c-long', origin: 'screening', communityId: 'qinghua', category: 'wageArrears', summary: '拖欠工资', registeredAt: at, petitioners: [{ name: '庚' }] };
      expect((await server.call('POST', '/api/v1/cases', { body })).status).toBe(201);
      expect((await server.call('POST', '/api/v1/cases/c-long/progress', { body: { at, note: '第 1 次走访' } })).status).toBe(200);
      // Catching up 10,000 events of one case is the read models' cost, not the command's: the runner stops
      // here, its read models holding the case at revision 2.
      await runner.waitFor(await store.headPosition());
      await runner.stop();
      // 9,998 more progress notes like the first, written straight to the log.
      const [, noted] = await store.readStream('case-c-long');
      if (noted === undefined) return expect.fail('no progress note');
      const more = Array.from({ length: 9_998 }, (_, i): NewEvent => ({
        type: noted.type,
        data: noted.data,
        meta: { ...noted.meta, eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, commandId: `long-${i}` },
      }));
      expect(await store.append('case-c-long', more, { expectedRevision: 2 })).toMatchObject({ right: { revision: 10_000 } });

      expect(await progress('第 10,001 次')).toEqual({ status: 200, body: expect.objectContaining({ id: 'c-long', revision: 10_001 }) });
      // This office has kept nothing (a restart): it takes the read models' state at revision 2, and reads from it.
      expect(reads).toEqual([{ streamId: 'case-c-long', fromRevision: 2, events: 9_999 }]);
      reads.length = 0;
      expect(await progress('第 10,002 次')).toEqual({ status: 200, body: expect.objectContaining({ id: 'c-long', revision: 10_002 }) });
      expect(reads).toEqual([{ streamId: 'case-c-long', fromRevision: 10_001, events: 1 }]);
      expect((await store.readStream('case-c-long', { fromRevision: 10_001 })).map((e) => e.data)).toEqual([
        { at, note: '第 10,001 次' },
        { at, note: '第 10,002 次' },
      ]);
    } finally {
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});

import { streamSSE } from 'hono/streaming';
import type { RecordedEvent, Subscription } from '@xinfang/event-store';
import { auditor, office, roles } from '../access';
import { resource } from '../endpoint';
import { badQuery } from '../problem';
import { kinds, param } from '../query-params';

/*
 * The global feed for other tools (API.md): every stored event in position order, as its envelope
 * `{type, data, meta}` exactly as stored — so a tool can check the hash chain itself. Personal data is
 * never in the log in plain text: a person's events carry it sealed (AES-GCM ciphertext under the
 * person's own key, which never leaves the app database) and the keyed hash of the id number; both are
 * included as stored, since they cannot be opened without the app's keys.
 *
 * - `GET /events?after&limit`: the events after position `after` (default 0), at most `limit` (default
 *   100, at most 1000): `{after, limit, headPosition, next, events}`; `next` is the `after` of the
 *   following page (the last position returned, or `after` when there is none).
 * - `GET /events/stream`: the same as Server-Sent Events — the events after `after` (or after the
 *   `Last-Event-ID` a reconnecting EventSource sends, which wins), then each new one as it is stored.
 *   Each message is the envelope as JSON in `data:`, with `id:` its position; the event type is in the
 *   envelope (the SSE event name is the default, `message`). A comment line every 15 s keeps idle
 *   connections open. The subscription is closed when the client goes.
 *
 * The office and the auditor only.
 */

export const FEED_DEFAULT_LIMIT = 100;
export const FEED_MAX_LIMIT = 1000;
const HEARTBEAT_MS = 15_000;
const WHOLE = /^\d{1,15}$/;

const readsFeed = roles([office, auditor], '只有信访办和审计可以读取事件流 / only the office and the auditor read the event feed');

const after = param(kinds.count(), { zh: '从此位置之后', en: 'events after this position' });

export const events = resource('/events')
  .on(
    {
      method: 'GET',
      path: '/',
      operationId: 'events',
      tag: 'feed',
      summary: { zh: '全局事件流（供其他系统读取）', en: 'The global event feed for other tools' },
      query: { after, limit: param(kinds.count(FEED_MAX_LIMIT), { zh: '最多返回的事件数', en: 'at most this many events' }) },
      success: 200,
      reply: 'object',
      roles: readsFeed,
    },
    async (c) => {
    const q = c.req.valid('query');
    const after = q.after ?? 0;
    const limit = q.limit ?? FEED_DEFAULT_LIMIT;
    const { store } = c.var.services;
    const headPosition = await store.headPosition();
    const page: RecordedEvent[] = [];
    if (limit > 0 && after < headPosition) {
      for await (const event of store.readAll({ afterPosition: after, batchSize: limit })) {
        page.push(event);
        if (page.length >= limit) break;
      }
    }
    return c.json({ after, limit, headPosition, next: page[page.length - 1]?.meta.position ?? after, events: page });
    },
  )
  .on(
    {
      method: 'GET',
      path: '/stream',
      operationId: 'eventStream',
      tag: 'feed',
      summary: { zh: '全局事件流（Server-Sent Events，实时）', en: 'The global feed as Server-Sent Events, live' },
      query: { after },
      success: 200,
      reply: 'stream',
      roles: readsFeed,
    },
    (c) => {
    let after = c.req.valid('query').after ?? 0;
    const lastEventId = c.req.header('last-event-id')?.trim();
    if (lastEventId !== undefined && lastEventId !== '') {
      if (!WHOLE.test(lastEventId)) {
        throw badQuery([{ path: 'Last-Event-ID', message: '应为事件位置（非负整数）/ expected an event position (a whole number ≥ 0)' }]);
      }
      after = Number(lastEventId);
    }
    const { store, logger } = c.var.services;
    const signal = c.req.raw.signal;
    return streamSSE(c, async (stream) => {
      let subscription: Subscription | undefined;
      let heartbeat: ReturnType<typeof setInterval> | undefined;
      await new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
        if (signal.aborted) return resolve();
        void stream.write(': xinfang event stream\n\n');
        heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
        subscription = store.subscribe(
          {
            afterPosition: after,
            onError: (error) => {
              logger.error({ err: error }, 'event stream subscription failed');
              resolve();
            },
          },
          async (event) => {
            if (stream.aborted || stream.closed) return;
            await stream.writeSSE({ id: String(event.meta.position), data: JSON.stringify(event) });
          },
        );
      });
      clearInterval(heartbeat);
      await subscription?.close();
    });
    },
  );

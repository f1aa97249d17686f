import type pg from 'pg';

/*
 * LISTEN/NOTIFY: every write transaction that stored events sends a notice on the log's channel, which
 * PostgreSQL delivers at COMMIT (never for a rolled-back one), to every process listening. Subscribers of other
 * processes then read at once instead of at their next poll. Notices only wake readers — they read after their
 * cursor as always — so a notice lost (the listening connection dropped, reconnecting) costs a poll interval,
 * never an event: polling stays on as the safety net.
 */

/** The channel of the log in `schema` (an identifier, ≤ 63 bytes: the schema name is checked, see schema.ts). */
export const channelOf = (schema: string): string => `xinfang_${schema}`;

/** Sends the notice inside the write transaction: delivered when, and only if, it commits. */
export const sendAppendNotice = async (client: pg.PoolClient, channel: string, position: number): Promise<void> => {
  await client.query('SELECT pg_notify($1, $2)', [channel, String(position)]);
};

export interface AppendNotices {
  /** Listens (one connection of the pool, held until `close`) while anyone wants notices; returns the function that stops wanting them. */
  readonly listen: (wake: () => void) => () => void;
  readonly close: () => Promise<void>;
}

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

/**
 * The notices of one channel, heard on one connection taken from `pool` when the first listener comes and given
 * back when the last one goes. A failed connection is dropped and made again, with backoff, while listeners remain.
 */
export const appendNotices = (pool: pg.Pool, channel: string): AppendNotices => {
  const wakes = new Set<() => void>();
  let client: pg.PoolClient | undefined;
  let connecting: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;
  let closed = false;

  const drop = (current: pg.PoolClient, broken: boolean): void => {
    if (client !== current) return;
    client = undefined;
    current.removeAllListeners('notification');
    current.release(broken ? new Error('store-postgres: the listening connection failed') : undefined);
  };

  const connect = (): void => {
    if (closed || client !== undefined || connecting !== undefined || wakes.size === 0) return;
    connecting = (async () => {
      const current = await pool.connect();
      current.on('error', () => {
        drop(current, true);
        scheduleRetry();
      });
      current.on('notification', (notice) => {
        if (notice.channel !== channel) return;
        for (const wake of wakes) wake();
      });
      client = current;
      // The channel is an identifier (LISTEN takes no parameters): made of the checked schema name.
      await current.query(`LISTEN "${channel}"`);
      failures = 0;
      if (wakes.size === 0 || closed) await stop();
      // Whatever was committed while there was no listener is found by the readers' next read.
      else for (const wake of wakes) wake();
    })()
      .catch(() => {
        if (client !== undefined) drop(client, true);
        scheduleRetry();
      })
      .finally(() => {
        connecting = undefined;
      });
  };

  const scheduleRetry = (): void => {
    if (closed || retry !== undefined || wakes.size === 0) return;
    const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 10_000;
    failures += 1;
    retry = setTimeout(() => {
      retry = undefined;
      connect();
    }, delay);
    retry.unref();
  };

  const stop = async (): Promise<void> => {
    const current = client;
    if (current === undefined) return;
    try {
      await current.query(`UNLISTEN "${channel}"`);
      drop(current, false);
    } catch {
      drop(current, true);
    }
    // Someone began listening while the connection was being given back: listen again.
    if (wakes.size > 0 && !closed) connect();
  };

  return {
    listen: (wake) => {
      wakes.add(wake);
      connect();
      return () => {
        wakes.delete(wake);
        if (wakes.size === 0) void stop();
      };
    },
    close: async () => {
      closed = true;
      wakes.clear();
      if (retry !== undefined) clearTimeout(retry);
      await connecting;
      await stop();
    },
  };
};

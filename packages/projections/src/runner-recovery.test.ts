import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore, type EventStore, type NewEvent } from '@xinfang/event-store';
import { defineProjection, type AnyProjection } from './projection';
import type { ReadModelStore } from './read-model-store';
import { createProjectionRunner, ProjectionFailedError, type ProjectionRunner } from './runner';
import { createSqliteReadModels } from './sqlite-read-models';

/*
 * A runner with `retry` (a server's): a failure is tried again until its cause is gone, positions committed
 * before it are still reached, and a read model found ahead (another runner committed first) is followed.
 * Real SQLite read models, the memory event store.
 */

const dirs: string[] = [];
const dbs: Database.Database[] = [];
const runners: ProjectionRunner[] = [];
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.stop();
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Read models in a SQLite file; `connect` opens another connection to it (another process would). */
const sqliteFile = (): { readonly connect: () => ReadModelStore } => {
  const dir = mkdtempSync(join(tmpdir(), 'xinfang-recovery-'));
  dirs.push(dir);
  const file = join(dir, 'read.db');
  return {
    connect: () => {
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      dbs.push(db);
      return createSqliteReadModels(db);
    },
  };
};

const note = (n: number, stream = `note-${n % 3}`): [string, NewEvent] => [
  stream,
  {
    type: 'Noted',
    data: { n },
    meta: {
      eventId: `e-${n}`,
      occurredAt: '2024-09-18T09:00:00+08:00',
      actor: { id: 'tester', role: 'office' },
      commandId: `c-${n}`,
      correlationId: `c-${n}`,
      causationId: `c-${n}`,
      schemaVersion: 1,
    },
  },
];

const append = async (store: EventStore, from: number, to: number): Promise<void> => {
  for (let n = from; n <= to; n++) {
    const [stream, event] = note(n);
    await store.append(stream, [event], { expectedRevision: 'any' });
  }
};

/** Counts events per stream; throws on the event `poison.at` while `poison.on`. */
const counting = (poison: { on: boolean; at: number }): AnyProjection =>
  defineProjection<{ events: number }>({
    name: 'counts',
    version: 1,
    keysOf: (event) => [event.meta.streamId],
    apply: (doc, event) => {
      if (poison.on && event.meta.position === poison.at) throw new Error('poisoned');
      return { events: (doc?.events ?? 0) + 1 };
    },
  });

const counted = async (readModels: ReadModelStore): Promise<Record<string, number>> => {
  const docs: Record<string, number> = {};
  for await (const [key, doc] of readModels.all('counts')) docs[key] = (doc as { events: number }).events;
  return docs;
};

/** Per stream, how many of the events up to `position` it holds (note(n) goes to note-(n mod 3)). */
const expectedUpTo = (position: number): Record<string, number> => {
  const docs: Record<string, number> = {};
  for (let n = 1; n <= position; n++) docs[`note-${n % 3}`] = (docs[`note-${n % 3}`] ?? 0) + 1;
  return docs;
};

const until = async (condition: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 1000 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(await condition()).toBe(true);
};

describe('a runner with retry', () => {
  it('fails live on a poisoned event, keeps answering for committed positions, and recovers once the poison is lifted', async () => {
    const store = createMemoryEventStore();
    await append(store, 1, 5);
    const readModels = sqliteFile().connect();
    const poison = { on: true, at: 8 };
    const errors: unknown[] = [];
    const recovered: number[] = [];
    const runner = createProjectionRunner({
      store,
      readModels,
      projections: [counting(poison)],
      retry: { firstMs: 5, maxMs: 20 },
      onError: (error) => errors.push(error),
      onRecovered: (position) => recovered.push(position),
    });
    runners.push(runner);
    await runner.start();
    expect(runner.status()).toEqual({ state: 'live', position: 5, attempts: 0 });
    await append(store, 6, 10);
    await until(() => runner.status().state === 'failed');
    // Events 6 and 7 came in the failed batch or the one before: what is committed is whole.
    const failed = runner.status();
    expect(failed.error).toBeInstanceOf(ProjectionFailedError);
    expect(failed.position).toBeLessThan(8);
    expect(await counted(readModels)).toEqual(expectedUpTo(failed.position));
    // A committed position is reached even now; one beyond the failure is refused at once, not waited for.
    await runner.waitFor(failed.position);
    await expect(runner.waitFor(10)).rejects.toBeInstanceOf(ProjectionFailedError);
    await until(() => runner.status().attempts >= 3); // it keeps trying
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(recovered).toEqual([]);

    poison.on = false;
    await until(() => runner.status().state === 'live');
    expect(recovered).toEqual([10]);
    expect(runner.status()).toEqual({ state: 'live', position: 10, attempts: 0 });
    expect(await counted(readModels)).toEqual(expectedUpTo(10));
    // And it follows the log live again.
    await append(store, 11, 12);
    await runner.waitFor(12);
    expect(await counted(readModels)).toEqual(expectedUpTo(12));
  });

  it('starts even when its first catch-up fails, and catches up by itself once it can', async () => {
    const store = createMemoryEventStore();
    await append(store, 1, 6);
    const readModels = sqliteFile().connect();
    const poison = { on: true, at: 4 };
    const runner = createProjectionRunner({ store, readModels, projections: [counting(poison)], batchSize: 2, retry: { firstMs: 5, maxMs: 5 }, onError: () => undefined });
    runners.push(runner);
    await runner.start();
    expect(runner.status()).toMatchObject({ state: 'failed', position: 2 });
    await runner.waitFor(2);
    poison.on = false;
    await runner.waitFor(6).catch(() => until(() => runner.status().state === 'live'));
    await until(() => runner.position() === 6);
    expect(await counted(readModels)).toEqual(expectedUpTo(6));
  });

  it('follows a read model another runner moved ahead of it, without failing', async () => {
    const store = createMemoryEventStore();
    await append(store, 1, 4);
    const file = sqliteFile();
    // Live events reach this runner only once the gate opens: the other runner commits them first.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated: EventStore = {
      ...store,
      subscribe: (options, handler) =>
        store.subscribe(options, async (event) => {
          await gate;
          return handler(event);
        }),
    };
    const followed: number[] = [];
    const errors: unknown[] = [];
    const runner = createProjectionRunner({
      store: gated,
      readModels: file.connect(),
      projections: [counting({ on: false, at: 0 })],
      retry: { firstMs: 5, maxMs: 20 },
      onError: (error) => errors.push(error),
      onFollowed: () => {
        followed.push(runner.position());
      },
    });
    runners.push(runner);
    await runner.start();
    // Another process's runner, on another connection to the same file, commits events 5–9 first.
    const theirs = file.connect();
    await append(store, 5, 9);
    await createProjectionRunner({ store, readModels: theirs, projections: [counting({ on: false, at: 0 })] }).catchUp();
    open();
    await runner.waitFor(9);
    await append(store, 10, 11);
    await runner.waitFor(11);
    expect(errors).toEqual([]);
    expect(followed).toEqual([9]);
    expect(runner.status()).toEqual({ state: 'live', position: 11, attempts: 0 });
    expect(await counted(theirs)).toEqual(expectedUpTo(11));
  });
});

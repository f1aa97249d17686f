import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppendConflict, AppendResult, NewEvent, NewEventMeta } from '@xinfang/event-store';
import { isLeft, isRight, type Either } from 'fp-ts/Either';
import { afterEach, beforeEach, expect } from 'vitest';
import { createSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from '../sqlite-store';

/** A fresh temporary directory per test, and every store opened in it closed and the directory removed after it. */
export const useTempStores = (): {
  readonly path: (name?: string) => string;
  readonly open: (options?: Partial<SqliteEventStoreOptions>) => SqliteEventStore;
} => {
  let dir = '';
  const opened: SqliteEventStore[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xinfang-store-sqlite-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const path = (name = 'events.db'): string => join(dir, name);
  return {
    path,
    open: (options = {}) => {
      const store = createSqliteEventStore({ path: path(), ...options });
      opened.push(store);
      return store;
    },
  };
};

export const newEvent = (data: unknown = {}, meta: Partial<NewEventMeta> = {}, type = 'Tested'): NewEvent => ({
  type,
  data,
  meta: {
    eventId: randomUUID(),
    occurredAt: '2024-09-18T01:30:00.000Z',
    actor: { id: 'clerk-1', role: 'office' },
    commandId: randomUUID(),
    correlationId: 'correlation-1',
    causationId: 'causation-1',
    schemaVersion: 1,
    ...meta,
  },
});

export const batch = (count: number, first = 0): NewEvent[] => Array.from({ length: count }, (_, i) => newEvent({ n: first + i }));

export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

export const expectRight = (result: Either<AppendConflict, AppendResult>): AppendResult => {
  if (isLeft(result)) return expect.fail(`expected the append to succeed, got ${JSON.stringify(result.left)}`);
  return result.right;
};

export const expectConflict = (result: Either<AppendConflict, AppendResult>): AppendConflict => {
  if (isRight(result)) return expect.fail(`expected an AppendConflict, got revision ${result.right.revision}`);
  return result.left;
};

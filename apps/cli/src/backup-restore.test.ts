import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockReadModels } from '@xinfang/api';
import { verifyChain, type RecordedEvent } from '@xinfang/event-store';
import { createSqliteEventStore } from '@xinfang/store-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupManifest } from './actions/backup';
import { runCli, tempDir } from './test/cli';

/*
 * `xinfang backup` of a store this process keeps appending to (the backup runs in another process), then
 * `xinfang restore` of it: every event acknowledged before the backup began is in it, and it verifies.
 */

const dir = tempDir();
afterAll(() => dir.remove());
const path = join(dir.path, 'office.db');
const store = `sqlite:${path}`;

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

const event = (n: number) => ({
  type: 'Tested',
  data: { n },
  meta: {
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    occurredAt: '2024-09-18T09:30:00+08:00',
    actor: { id: 'clerk-1', role: 'office' },
    commandId: `cmd-${n}`,
    correlationId: `cmd-${n}`,
    causationId: `cmd-${n}`,
    schemaVersion: 1,
  },
});

describe('backup and restore', () => {
  it('backs up a store while another process writes to it: every acknowledged event, the app database, a head', async () => {
    // The app database (tokens, personal-data keys) is made by the first token.
    expect((await runCli(['token', 'create', '--role', 'office', '--store', store])).code).toBe(0);
    const writer = createSqliteEventStore({ path });
    let acknowledged = 0;
    let writing = true;
    const writes = (async () => {
      for (let n = 1; writing || n <= 50; n++) {
        const result = await writer.append(`stream-${n % 7}`, [event(n)], { expectedRevision: 'any' });
        if (result._tag === 'Right') acknowledged = result.right.position;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (acknowledged < 50) await new Promise((resolve) => setTimeout(resolve, 5));

    const before = acknowledged;
    const run = await runCli(['backup', '--store', store, '--to', join(dir.path, 'backup')]);
    writing = false;
    await writes;
    await writer.close();

    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir.path, 'backup', 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest.files.map((f) => f.name)).toEqual(['xinfang.db', 'xinfang.app.db']);
    expect(manifest.head.position).toBeGreaterThanOrEqual(before);
    expect(run.stdout).toContain(`position ${manifest.head.position}, hash ${manifest.head.hash}`);
    const backedUp = createSqliteEventStore({ path: join(dir.path, 'backup', 'xinfang.db') });
    const original = createSqliteEventStore({ path });
    try {
      const copy = await collect(backedUp.readAll());
      expect(copy.length).toBe(manifest.head.position);
      // The backup is the log as it stood at one moment: a prefix of it, event for event.
      expect(copy).toEqual((await collect(original.readAll())).slice(0, copy.length));
      expect(copy.at(-1)?.meta.hash).toBe(manifest.head.hash);
    } finally {
      await backedUp.close();
      await original.close();
    }
  });

  it('restores into a new place (with the app database), refuses to overwrite without --force, and drops the read models', async () => {
    const backup = join(dir.path, 'backup');
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8')) as BackupManifest;
    const target = join(dir.path, 'restored', 'office.db');

    const restored = await runCli(['restore', '--from', backup, '--store', `sqlite:${target}`]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`position ${manifest.head.position}, hash ${manifest.head.hash}`);
    expect(existsSync(join(dir.path, 'restored', 'office.app.db'))).toBe(true);
    const verified = await runCli(['verify', '--store', `sqlite:${target}`]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`${manifest.head.position} 个事件已校验`);
    expect(verified.stdout).toContain(manifest.head.hash);

    const readDb = join(dir.path, 'restored', 'office.read.db');
    writeFileSync(readDb, 'stale read models');
    const refused = await runCli(['restore', '--from', backup, '--store', `sqlite:${target}`]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--force');
    expect(existsSync(readDb)).toBe(true);
    // A server on the store (its lock of the read models, held here as a server holds it): refused, even with --force.
    const serving = lockReadModels(join(dir.path, 'restored', 'office.read.lock'));
    try {
      const underServer = await runCli(['restore', '--from', backup, '--store', `sqlite:${target}`, '--force']);
      expect(underServer.code).toBe(1);
      expect(underServer.stderr).toMatch(/stop it, then restore; nothing was changed/);
      expect(readFileSync(readDb, 'utf8')).toBe('stale read models');
    } finally {
      serving.release();
    }
    const forced = await runCli(['restore', '--from', backup, '--store', `sqlite:${target}`, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(readDb)).toBe(false);
    const store = createSqliteEventStore({ path: target });
    try {
      expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, checked: manifest.head.position, headHash: manifest.head.hash });
    } finally {
      await store.close();
    }
  });

  it('refuses a folder that is not a backup, and a backup whose file was changed', async () => {
    const notBackup = await runCli(['restore', '--from', dir.path, '--store', `sqlite:${join(dir.path, 'x.db')}`]);
    expect(notBackup.code).not.toBe(0);
    expect(notBackup.stderr).toContain('不是 xinfang 备份');
    writeFileSync(join(dir.path, 'backup', 'xinfang.app.db'), 'changed');
    const changed = await runCli(['restore', '--from', join(dir.path, 'backup'), '--store', `sqlite:${join(dir.path, 'y.db')}`]);
    expect(changed.code).not.toBe(0);
    expect(changed.stderr).toContain('xinfang.app.db');
    expect(existsSync(join(dir.path, 'y.db'))).toBe(false);
  });
});

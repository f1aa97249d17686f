import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, openServices, type OpenOptions } from '@xinfang/api';
import { generateCampaign } from '@xinfang/demo-data';
import { tempDir } from './test/cli';

/*
 * `xinfang demo` keeps only the read models its commands look things up in (`readModels: 'lookups'`: the
 * person and duty indexes), not every case's state. The same campaign replayed with every read model in
 * memory (as the demo did before) and with the lookups only, with the same ids, must write the same log:
 * returning petitioners matched to the same person files, missed duties found in the same rosters.
 */

const dir = tempDir();
afterAll(() => dir.remove());

const SCALE = 0.05;

interface Row {
  readonly position: number;
  readonly stream_id: string;
  readonly type: string;
  readonly occurred_at: string;
  readonly recorded_at: string;
}

/** Replays the campaign through the app in this process, as `xinfang demo` does; returns the log's rows. */
const replay = async (name: string, readModels: NonNullable<OpenOptions['readModels']>) => {
  const storePath = join(dir.path, `${name}.db`);
  let now = '2024-09-01T08:00:00+08:00';
  let id = 0;
  const services = await openServices({
    storePath,
    clock: { now: () => now },
    ids: { next: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}` },
    readModels,
    queryWorkers: 0,
    logger: pino({ level: 'silent' }),
  });
  try {
    const app = createApp(services);
    const { token } = await services.database.tokens.create({ kind: 'office' }, 'test', now);
    const refused: string[] = [];
    for (const request of generateCampaign({ seed: 2024, scale: SCALE })) {
      now = request.recordedAt;
      const response = await app.request(request.path, {
        method: request.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      if (!response.ok) refused.push(`${request.method} ${request.path} → ${response.status}`);
      await response.body?.cancel();
    }
    const disputes = await app.request('/api/v1/ledgers/disputes?limit=1000', { headers: { authorization: `Bearer ${token}` } });
    const kept = await Promise.all(['aggregates', 'personIndex', 'dutyIndex'].map(async (p) => (await services.readModels.checkpoint(p))?.position));
    const db = new Database(storePath, { readonly: true });
    try {
      const rows = db.prepare('SELECT position, stream_id, type, occurred_at, recorded_at FROM events ORDER BY position').all() as Row[];
      return { refused, rows, disputes: { status: disputes.status, body: await disputes.text() }, kept };
    } finally {
      db.close();
    }
  } finally {
    await services.close();
  }
};

describe('xinfang demo with the lookups only', () => {
  it('writes the same log as with every read model, keeps no case states, and its queries replay the log', async () => {
    const all = await replay('memory', 'memory');
    const lookups = await replay('lookups', 'lookups');
    expect(all.refused).toEqual([]);
    expect(lookups.refused).toEqual([]);
    expect(lookups.rows.length).toBeGreaterThan(1000);
    expect(lookups.rows).toEqual(all.rows);
    // The indexes were needed: petitioners came back with an id number seen before (each matched to the
    // person file of their first petition, or the logs would differ by a PersonRegistered), and duties were
    // missed by their dutyId alone.
    const idNumbers = [...generateCampaign({ seed: 2024, scale: SCALE })]
      .filter((request) => request.path === '/api/v1/cases')
      .flatMap((request) => ((request.body as { petitioners: { idNumber?: string }[] }).petitioners ?? []).map((p) => p.idNumber))
      .filter((idNumber) => idNumber !== undefined);
    expect(idNumbers.length - new Set(idNumbers).size).toBeGreaterThan(0);
    expect(lookups.rows.filter((row) => row.type === 'DutyMissed')).toHaveLength(2);
    const head = lookups.rows.length;
    expect(all.kept).toEqual([head, head, head]);
    expect(lookups.kept).toEqual([undefined, head, head]);
    expect(lookups.disputes.status).toBe(200);
    expect(lookups.disputes.body).toBe(all.disputes.body);
  }, 240_000);
});

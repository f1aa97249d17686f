import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, openServices } from '@xinfang/api';
import { runCli, tempDir } from './test/cli';

/*
 * A server whose clock ran a day fast stamps recordedAt a day ahead. Once the clock is right again, the
 * CLI's default "known by now" must not hide those events (the API's default view does not either).
 */

const dir = tempDir();
const path = join(dir.path, 'office.db');
const store = `sqlite:${path}`;
afterAll(() => dir.remove());

const DAY = 24 * 3600_000;

beforeAll(async () => {
  const realNow = Date.now();
  const services = await openServices({
    storePath: path,
    clock: { now: () => new Date(realNow + DAY).toISOString() },
    logger: pino({ level: 'silent' }),
  });
  try {
    const app = createApp(services);
    const { token } = await services.database.tokens.create({ kind: 'office' }, 'test', new Date(realNow).toISOString());
    const post = async (route: string, body: unknown) => {
      const response = await app.request(`/api/v1${route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, `${route}: ${await response.clone().text()}`).toBe(201);
    };
    await post('/communities', { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] });
    await post('/cases', {
      caseId: 'c-fast',
      origin: 'visit',
      communityId: 'qinghua',
      gridId: 'qh-1',
      category: 'wageArrears',
      summary: '快时钟下登记的欠薪事项',
      registeredAt: new Date(realNow - 3600_000).toISOString(),
      petitioners: [{ name: '李四' }],
    });
  } finally {
    await services.close();
  }
});

describe('the CLI after a server clock ran fast', () => {
  it('replay shows the case recorded a day ahead, by default', async () => {
    const run = await runCli(['replay', 'c-fast', '--store', store]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/事件 events：1\n/);
    expect(run.stdout).toContain('快时钟下登记的欠薪事项');
    expect(run.stdout).not.toContain('尚未登记');
  });

  it('export lists it on 附件1, by default', async () => {
    const run = await runCli(['export', '--form', '1', '--format', 'csv', '--out', '-', '--store', store]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('快时钟下登记的欠薪事项');
  });

  it('an explicit --known-at still hides it', async () => {
    const run = await runCli(['export', '--form', '1', '--format', 'csv', '--out', '-', '--known-at', new Date().toISOString(), '--store', store]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('快时钟下登记的欠薪事项');
  });
});

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupManifest } from './actions/backup';
import { call, runCli, startServe, tempDir } from './test/cli';

/*
 * A case made through the API of a served store, then replayed by the CLI (while the server runs), and the
 * log verified — intact, then tampered with.
 */

const dir = tempDir();
const path = join(dir.path, 'office.db');
const store = `sqlite:${path}`;
afterAll(() => dir.remove());

const at = (day: number, time = '10:00') => `2024-09-${String(day).padStart(2, '0')}T${time}:00+08:00`;

beforeAll(async () => {
  const served = await startServe(['--store', store]);
  try {
    const token = /\?token=(xf_\S+)/.exec(served.stdout())?.[1];
    const post = async (route: string, body: unknown) => {
      const res = await call(served.url, 'POST', `/api/v1${route}`, token, body);
      expect(res.status, `${route}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    await post('/communities', { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] });
    await post('/leaders', { leaderId: 'L01', name: '王建国', position: '党工委副书记', portfolio: '信访维稳', unit: 'subdistrict' });
    await post('/cases', {
      caseId: 'c-1',
      origin: 'visit',
      communityId: 'qinghua',
      gridId: 'qh-1',
      category: 'wageArrears',
      summary: '某工地拖欠 12 名工人工资',
      demands: '尽快结清工资',
      registeredAt: at(16, '09:00'),
      petitioners: [{ name: '李四', phone: '15800009011' }],
      peopleCount: 12,
      riskFlags: ['collective'],
    });
    await post('/cases/c-1/acceptance', { decision: 'accepted', at: at(16, '15:00') });
    await post('/cases/c-1/assignment', {
      responsibleUnit: '青华社区居委会',
      responsibleLeaderId: 'L01',
      responsiblePerson: '赵主任',
      measures: '约谈施工方，督促支付',
      deadline: '2024-10-31',
      at: at(17),
    });
    await post('/cases/c-1/package', { leaderId: 'L01', at: at(18) });
    await post('/cases/c-1/resolution', { at: at(20), method: 'mediation', level: 'community', outcome: 'solved', summary: '施工方已足额支付' });

    // While the server runs: the CLI reads the same store.
    const replay = await runCli(['replay', 'c-1', '--store', store]);
    expect(replay.code, replay.stderr).toBe(0);
    whileServing = replay.stdout;
  } finally {
    expect((await served.stop()).code).toBe(0);
  }
});
let whileServing = '';

describe('xinfang replay', () => {
  it('prints the case as a Chinese timeline, with both times, then its state', () => {
    const lines = whileServing.split('\n');
    const headings = lines.filter((line) => line.startsWith('[')).map((line) => /^\[[^\]]+\] (\S+?)（/.exec(line)?.[1]);
    expect(headings).toEqual(['登记', '受理', '交办', '领导包案', '化解']);
    expect(whileServing).toMatch(/^\[2024-09-16 09:00\] 登记（补录 \d{4}-\d\d-\d\d \d\d:\d\d · #\d+）$/m);
    expect(whileServing).toContain('来源 来访 · 类别 欠薪 · 青华社区 第一网格 · 12 人（集体访） · 初信初访');
    expect(whileServing).toContain('信访人：李四');
    expect(whileServing).toContain('风险：集体访风险');
    expect(whileServing).toContain('一案一策：责任单位 青华社区居委会 · 责任领导 王建国（党工委副书记） · 责任人 赵主任');
    expect(whileServing).toContain('化解时限 2024-10-31');
    expect(whileServing).toContain('四包：包掌握情况、包思想教育、包解决化解、包息诉息访');
    expect(whileServing).toContain('方式 调解 · 层级 社区 · 解决问题到位');
    expect(whileServing).toContain('状态 status：已化解');
    expect(whileServing).toContain('积案 backlog：否');
    expect(whileServing).not.toContain('15800009011');
  });

  it('shows only what had happened by --as-of, and the state then', async () => {
    const run = await runCli(['replay', 'c-1', '--as-of', '2024-09-18', '--store', store]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('领导包案');
    expect(run.stdout).not.toMatch(/\] 化解（/);
    expect(run.stdout).toContain('1 more happened or were recorded after this view');
    expect(run.stdout).toContain('状态 status：化解中');
    expect(run.stdout).toContain('state as of 2024-09-18 23:59');
  });

  it('shows nothing recorded after --known-at; an unknown case is an error', async () => {
    const [early, unknown] = await Promise.all([
      runCli(['replay', 'c-1', '--known-at', '2024-09-30', '--store', store]),
      runCli(['replay', 'c-404', '--store', store]),
    ]);
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('事件 events：0');
    expect(early.stdout).toContain('not registered yet');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no case "c-404"/);
  });
});

describe('xinfang verify', () => {
  it('anchors the head: the head it prints is the backup manifest’s, and --expect with it catches a cut-off tail', async () => {
    const intact = await runCli(['verify', '--store', store]);
    const head = /末尾 head: (\d+:[0-9a-f]{64})/.exec(intact.stdout)?.[1] ?? expect.fail(intact.stdout);
    const backupDir = join(dir.path, 'anchored');
    expect((await runCli(['backup', '--to', backupDir, '--store', store])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(`${manifest.head.position}:${manifest.head.hash}`).toBe(head);

    // The backup folder is a store of its own (xinfang.db beside xinfang.app.db): cut its last event off.
    const copy = `sqlite:${join(backupDir, 'xinfang.db')}`;
    const anchored = await runCli(['verify', '--expect', head, '--store', copy]);
    expect(anchored.code, anchored.stderr).toBe(0);
    expect(anchored.stdout).toContain(`matches --expect at position ${manifest.head.position}`);
    const db = new Database(join(backupDir, 'xinfang.db'));
    db.exec('DROP TRIGGER events_are_not_deleted');
    db.prepare('DELETE FROM events WHERE position = ?').run(manifest.head.position);
    db.close();
    const [unanchored, truncated, badExpect] = await Promise.all([
      runCli(['verify', '--store', copy]),
      runCli(['verify', '--expect', head, '--store', copy]),
      runCli(['verify', '--expect', '8:abc', '--store', copy]),
    ]);
    // The chain alone cannot see a cut-off tail; the anchor does, at the first missing position.
    expect(unanchored.code).toBe(0);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toContain(`BROKEN at position ${manifest.head.position}`);
    expect(truncated.stdout).toContain('the log ends before the head given to --expect');
    expect(badExpect.code).toBe(1);
    expect(badExpect.stderr).toContain('--expect takes POSITION:HASH');

    // Without the app database (and so without the key), a keyed log does not verify.
    rmSync(join(backupDir, 'xinfang.app.db'));
    const keyless = await runCli(['verify', '--store', copy]);
    expect(keyless.code).toBe(1);
    expect(keyless.stdout).toContain('BROKEN at position 1');
    expect(keyless.stdout).toContain('the chain-key marker does not match');
  });

  it('exits 0 on an intact log, and 1 naming the first broken position once an event was changed', async () => {
    const intact = await runCli(['verify', '--store', store]);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/OK: 8 个事件已校验/);

    // The table refuses updates by trigger; a tamperer with the file can drop it.
    const db = new Database(path);
    db.exec('DROP TRIGGER events_are_not_updated');
    db.prepare("UPDATE events SET data = json_set(data, '$.summary', '某工地拖欠 2 名工人工资') WHERE position = 4").run();
    db.close();

    const broken = await runCli(['verify', '--store', store]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BROKEN at position 4');
    expect(broken.stdout).toContain('its content does not match its hash');
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BENCH_SRC, ROOT } from './paths';

/* The machine and the versions a report was measured with. */

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly loadAverage: string;
  readonly commit: string;
  readonly versions: Readonly<Record<string, string>>;
}

const require = createRequire(resolve(BENCH_SRC, 'machine.ts'));

const versionOf = (name: string): string => {
  // Some packages do not export their package.json: find it beside the resolved entry instead.
  try {
    let dir = require.resolve(name);
    for (let i = 0; i < 6; i += 1) {
      dir = resolve(dir, '..');
      const file = resolve(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? '?';
      }
    }
  } catch {
    // not installed
  }
  return 'not installed';
};

const osName = (): string => {
  try {
    return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
};

const commitOf = (): string => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
};

export const machine = (): Machine => {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: osName(),
    node: process.version,
    loadAverage: loadavg().map((l) => l.toFixed(2)).join(', '),
    commit: commitOf(),
    versions: {
      'better-sqlite3': versionOf('better-sqlite3'),
      SQLite: sqlite,
      hono: versionOf('hono'),
      '@hono/node-server': versionOf('@hono/node-server'),
      '@event-driven-io/emmett': versionOf('@event-driven-io/emmett'),
      '@event-driven-io/emmett-sqlite': versionOf('@event-driven-io/emmett-sqlite'),
      sqlite3: versionOf('sqlite3'),
    },
  };
};

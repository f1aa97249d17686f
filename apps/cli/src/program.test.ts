import { logBoundsProjection, worldProjections } from '@xinfang/projections';
import { describe, expect, it } from 'vitest';
import { ledgerEntries } from '@xinfang/reports';
import { FORM_NUMBERS, PROJECTION_NAMES, createProgram } from './program';
import { runCli } from './test/cli';

describe('the command line', () => {
  it('exports the forms of the ledger table, by their numbers', () => {
    expect([...FORM_NUMBERS]).toEqual(ledgerEntries.map((entry) => String(entry.number)));
  });

  const program = createProgram();
  const commands = program.commands.flatMap((c) => (c.commands.length > 0 ? c.commands.map((s) => [`${c.name()} ${s.name()}`, s] as const) : [[c.name(), c] as const]));

  it('has the commands of API.md (and backup, restore, migrate, report campaign, notice), each with --help and --store (migrate: --from and --to)', () => {
    expect(commands.map(([name]) => name)).toEqual([
      'serve',
      'token create',
      'token list',
      'token revoke',
      'demo',
      'replay',
      'verify',
      'backup',
      'restore',
      'migrate',
      'rebuild',
      'export',
      'report campaign',
      'notice',
    ]);
    for (const [name, command] of commands) {
      const help = command.helpInformation().replace(/\s+/g, ' ');
      expect(help, name).toContain('--help');
      if (name === 'migrate') {
        expect(help).toContain('--from <store>');
        expect(help).toContain('--to <store>');
        continue;
      }
      expect(help, name).toContain('--store <store>');
      expect(help, name).toContain('env: XINFANG_STORE');
    }
  });

  it('knows the projections the app runs', () => {
    expect(PROJECTION_NAMES).toEqual([...worldProjections, logBoundsProjection].map((p) => p.name));
  });

  it('prints help and exits 0 (the real bin)', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: xinfang');
    const sub = await runCli(['export', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('附件1 矛盾纠纷排查化解清单');
  });

  it('an unknown command or option is one line and exit 1', async () => {
    const run = await runCli(['verfy']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown command 'verfy'/);
    expect(run.stderr).toMatch(/Did you mean verify/);
  });
});

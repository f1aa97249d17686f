import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Where things are. Children run from the workspace root with the same flags as `npm run bench` (the
 * `@xinfang/source` condition and tsx), so they load the packages' TypeScript sources as the CLI does and
 * measure whatever those sources are at the time of the run.
 */

export const BENCH_SRC = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(BENCH_SRC, '../../..');
export const PROBE = resolve(BENCH_SRC, 'probe.ts');
export const CLI_BIN = resolve(ROOT, 'apps/cli/bin/xinfang.js');
/** What profiling found where a target is missed: written by people, copied into every report. */
export const FINDINGS = resolve(BENCH_SRC, '../FINDINGS.md');

/** The node flags that run a TypeScript entry from the sources. */
export const SOURCE_FLAGS: readonly string[] = ['--conditions=@xinfang/source', '--import', 'tsx'];

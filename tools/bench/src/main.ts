import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDataset } from './dataset';
import { failedSection, type Section } from './figure';
import { asKept, loadKept, saveKept } from './kept-sections';
import { machine } from './machine';
import { measurements } from './measurements';
import { parseOptions, USAGE } from './options';
import { FINDINGS, ROOT } from './paths';
import { progress } from './progress';
import { renderReport } from './report';

/*
 * `npm run bench`: generates (or takes from the cache) the dataset, runs each measurement with its
 * references, and writes BENCHMARKS.md — again after each section, so that a run cut short keeps what it
 * measured.
 */

const names = measurements.map((m) => m.name);
const options = parseOptions(process.argv.slice(2), names);
if (options === 'help') {
  process.stdout.write(`${USAGE.replace('MEASUREMENTS', names.join(', '))}\n`);
  process.exit(0);
}

const started = new Date();
const host = machine();
const dataset = await ensureDataset({ cache: options.cache, seed: options.seed, events: options.events, fresh: options.fresh, commit: host.commit });
const workDir = mkdtempSync(join(tmpdir(), 'xinfang-bench-'));
const out = resolve(ROOT, options.out);
const sections: Section[] = [];
const notRun = measurements.filter((m) => options.only !== undefined && !options.only.includes(m.name));
// With --keep, the sections not run now come from the last run on the same dataset, where there is one.
const kept = options.keep ? loadKept(dataset.dir) : {};
const skipped = notRun.filter((m) => kept[m.name] === undefined);
const findings = existsSync(FINDINGS) ? readFileSync(FINDINGS, 'utf8') : undefined;
const write = () =>
  writeFileSync(out, renderReport({ options, machine: host, dataset, sections, skipped, started, seconds: (Date.now() - started.getTime()) / 1000, findings }));
try {
  for (const measurement of measurements) {
    if (options.only !== undefined && !options.only.includes(measurement.name)) {
      const earlier = kept[measurement.name];
      if (earlier !== undefined) sections.push(asKept(earlier));
      continue;
    }
    let section: Section;
    try {
      section = await measurement.run({ options, dataset, workDir });
    } catch (error) {
      // One failing job must not cost the run the other sections: its error goes into its own section.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      progress(`${measurement.name} failed: ${message.split('\n')[0] ?? ''}`);
      section = failedSection(measurement.name, message, measurement.targets);
    }
    sections.push(section);
    saveKept(dataset.dir, { section, measuredAt: new Date().toISOString(), commit: host.commit, rounds: options.rounds });
    write();
  }
  write();
  progress(`wrote ${out}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

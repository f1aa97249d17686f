import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from './cli-run';
import { atMost, measured, rateFigure, type Figure, type Section } from './figure';
import { fmt } from './format';
import type { Measurement } from './measurement';
import { progress } from './progress';
import { median } from './stats';

/*
 * `xinfang export --form N --format csv|xlsx` of each form (附件1–4) on the whole dataset, as the office runs
 * it (the CLI from the sources, a child process, default view: everything the log holds): its time and peak
 * RSS (target ≤ 512 MB: streamed, not growing with the log). Rounds interleave the forms and formats.
 */

const FORMS = [1, 2, 3, 4] as const;
const FORMATS = ['csv', 'xlsx'] as const;
const TITLES: Record<number, string> = { 1: '附件1 disputes', 2: '附件2 backlog', 3: '附件3 visits', 4: '附件4 duties' };

export const exportsMeasurement: Measurement = {
  name: 'exports',
  targets: [
    'an export of any form ≤ 512 MB RSS',
  ],
  run: async ({ options, dataset, workDir }) => {
    const results = new Map<string, { seconds: number; rss: number; bytes: number }[]>();
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const form of FORMS) {
        for (const format of FORMATS) {
          const key = `${form}.${format}`;
          progress(`exports: round ${round}/${options.rounds}, form ${form} ${format}`);
          const out = resolve(workDir, `form${key}`);
          // Read-only on the log: the cached dataset itself.
          const run = await runCli(['export', '--form', String(form), '--format', format, '--out', out, '--store', `sqlite:${dataset.path}`]);
          const list = results.get(key) ?? [];
          list.push({ seconds: run.seconds, rss: run.peakRssMb, bytes: statSync(out).size });
          results.set(key, list);
        }
      }
    }
    const figures: Figure[] = [];
    for (const form of FORMS)
      for (const format of FORMATS) {
        const list = results.get(`${form}.${format}`) ?? [];
        const size = median(list.map((r) => r.bytes)) / 1024 / 1024;
        figures.push(
          rateFigure(`${TITLES[form]} ${format} (${fmt(size, 1)} MB): peak RSS`, measured('peak RSS', 'MB', list.map((r) => r.rss)), undefined, atMost(512, 'MB', 'max')),
          rateFigure(`${TITLES[form]} ${format}: time`, measured('time', 's', list.map((r) => r.seconds))),
        );
      }
    return {
      name: 'exports',
      title: 'Export of each form',
      method:
        '`xinfang export --form N --format csv|xlsx --out FILE` on the dataset (every form, both formats, no filter: the default view, everything the log holds), ' +
        'the CLI run from the sources as a user runs it, in a child process; wall time including start-up, peak RSS from the kernel (VmHWM). ' +
        'Rounds interleave the eight exports. The file size is the median of the rounds.',
      figures,
      notes: [],
    } satisfies Section;
  },
};

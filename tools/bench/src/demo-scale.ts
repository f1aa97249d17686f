import { resolve } from 'node:path';
import { fifthsOf, rssAtFifths, runDemo } from './demo-run';
import { atMost, measured, rateFigure, type Figure, type Section } from './figure';
import { fmt } from './format';
import type { Measurement } from './measurement';
import { progress } from './progress';

/*
 * `xinfang demo --scale 25` (the scale; `--demo-scale` for a quicker run) into a new store on disk,
 * as the office runs it: its peak RSS (target ≤ 512 MB) and its events/s in each fifth of the log (target:
 * not falling as the campaign and the log grow). One round: it is long, and it is its own reference (the
 * second fifth against the last).
 */

export const demoScaleMeasurement: Measurement = {
  name: 'demo-scale',
  targets: [
    'demo --scale 25: RSS ≤ 512 MB',
    'demo --scale 25: events/s not falling as the scale grows',
  ],
  run: async ({ options, workDir }) => {
    const scale = options.demoScale;
    progress(`demo-scale: xinfang demo --scale ${scale} into a new store on disk`);
    const run = await runDemo({ path: resolve(workDir, 'demo-scale', 'demo.db'), seed: options.seed, scale, label: 'demo-scale' });
    const fifths = fifthsOf(run);
    const second = fifths[1] ?? Number.NaN;
    const last = fifths[4] ?? Number.NaN;
    const figures: Figure[] = [
      rateFigure(
        'events/s in the last fifth vs the second fifth',
        measured('last fifth of the log', 'events/s', [last]),
        measured('second fifth', 'events/s', [second]),
        (ratio) => ({ text: '≥ 0.9× (not falling as it grows)', met: ratio >= 0.9 }),
      ),
      rateFigure('demo peak RSS', measured(`xinfang demo --scale ${scale}`, 'MB', [run.peakRssMb]), undefined, atMost(512, 'MB')),
      rateFigure('demo events/s overall', measured('events/s', 'events/s', [run.events / run.seconds])),
    ];
    return {
      name: 'demo-scale',
      title: `demo --scale ${scale}`,
      method:
        `\`xinfang demo --seed ${options.seed} --scale ${scale}\` (every request of the campaign through the app in one process, into a new SQLite store on disk: ` +
        `WAL, synchronous = FULL), run once: ${fmt(run.events, 0)} events in ${fmt(run.seconds, 0)} s. The log's head and the process's RSS were sampled every second. ` +
        `Events/s in each fifth of the log: ${fifths.map((r) => fmt(r, 0)).join(', ')} (the first fifth holds the reference data and the start-up, so the second is the baseline); ` +
        `RSS at each fifth: ${rssAtFifths(run).map((r) => fmt(r, 0)).join(', ')} MB.`,
      figures,
      notes: scale < 25 ? [`The issue asks for \`--scale 25\`; this run is at \`--demo-scale ${scale}\`.`] : [],
    } satisfies Section;
  },
};

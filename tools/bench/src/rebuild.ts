import { runJob, type JobResult } from './child';
import { atLeast, atMost, measured, rateFigure, type Section } from './figure';
import { fmt } from './format';
import type { Measurement } from './measurement';
import { median } from './stats';
import { interleaved, ratesOf } from './rounds';
import { progress } from './progress';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';

/*
 * Rebuild of every projection (the pass `xinfang rebuild` runs) against: the raw read+parse loop over the same
 * rows (target ≥ 0.5×), Emmett's in-memory fold of the same events with the same evolve (target ≥ 2×), and
 * emmett-sqlite's reader with that fold (no target: the peer on the same kind of storage). Peak RSS of the
 * rebuild process ≤ 512 MB, and not growing with the log (RSS at a quarter, half and all of the log).
 */

export const rebuildMeasurement: Measurement = {
  name: 'rebuild',
  targets: [
    'rebuild of every projection ≥ 0.5× the raw read+parse loop',
    "rebuild ≥ 2× Emmett's in-memory fold",
    'rebuild peak RSS ≤ 512 MB, not growing with the log',
  ],
  run: async ({ options, dataset }) => {
    const path = dataset.path;
    progress('rebuild: read models caught up once (not timed)');
    await runJob('prepareReadModels', { path });
    const emmettPath = resolve(dataset.dir, 'emmett.db');
    const notes: string[] = [];
    let emmettSqliteReady = existsSync(emmettPath);
    if (!emmettSqliteReady) {
      progress('rebuild: loading the events into an emmett-sqlite file (setup, kept in the cache)');
      try {
        const load = await runJob('emmettSqliteLoad', { path, emmettPath });
        notes.push(`Setup: the ${fmt(load.count as number, 0)} events were appended to emmett-sqlite in ${fmt(load.seconds as number)} s (transactions of 1,000 appends; not a figure).`);
        emmettSqliteReady = true;
      } catch (error) {
        notes.push(`emmett-sqlite could not be loaded with the dataset: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    const runs: Record<string, () => Promise<JobResult>> = {
      raw: () => runJob('rawReadParse', { path }),
      rebuild: () => runJob('rebuildAll', { path }),
      emmett: () => runJob('emmettInMemoryFold', { path }),
      ...(emmettSqliteReady ? { emmettSqlite: () => runJob('emmettSqliteFold', { emmettPath }) } : {}),
    };
    const results = await interleaved('rebuild', options.rounds, runs);
    const rebuild = measured('rebuild, every projection', 'events/s', ratesOf(results.rebuild ?? []));
    const raw = measured('raw read+parse loop', 'events/s', ratesOf(results.raw ?? []));
    const emmett = measured('Emmett in-memory fold', 'events/s', ratesOf(results.emmett ?? []));
    const rss = measured('rebuild peak RSS', 'MB', (results.rebuild ?? []).map((r) => r.peakRssMb));
    const figures = [
      rateFigure('rebuild vs raw read+parse', rebuild, raw, atLeast(0.5)),
      rateFigure('rebuild vs Emmett in-memory fold', rebuild, emmett, atLeast(2)),
    ];
    if (results.emmettSqlite !== undefined) {
      figures.push(rateFigure('rebuild vs emmett-sqlite reader + fold', rebuild, measured('emmett-sqlite readMessagesBatch + fold', 'events/s', ratesOf(results.emmettSqlite))));
    }
    figures.push(rateFigure('rebuild peak RSS', rss, undefined, atMost(512, 'MB', 'max')));
    // RSS as the first projection's pass goes through the log: flat means it does not grow with the log.
    const at = (mark: string) => median((results.rebuild ?? []).map((r) => (r.rssAt as Record<string, number>)[mark] ?? Number.NaN));
    const quarter = at('0.25');
    const all = at('1');
    figures.push(
      rateFigure('RSS at all of the log vs at a quarter', measured('RSS after the whole log', 'MB', [all]), measured('RSS after a quarter', 'MB', [quarter]), (ratio) => ({
        text: '≤ 1.25× (not growing with the log)',
        met: ratio <= 1.25,
      })),
    );
    const streams = median((results.emmett ?? []).map((r) => r.streams as number));
    return {
      name: 'rebuild',
      title: 'Rebuild of every projection',
      method:
        `What \`xinfang rebuild\` runs (\`buildBeside\`: \`runner.rebuildAll()\`, one pass over the log) for every projection the app runs (${fmt(median((results.rebuild ?? []).map((r) => r.projections as number)), 0)}), ` +
        `into a new read-model file beside the served one (which a server would swap in; deleted after each round), in a child process per round; events/s = events in the log / total time. ` +
        `Raw read+parse: one better-sqlite3 statement iterated over the same rows, \`data\` and \`meta\` JSON.parse'd. ` +
        `Emmett in-memory fold: the same events held as Emmett's in-memory store holds them (${fmt(streams, 0)} streams), each aggregated as its ` +
        '`aggregateStream` does with our domain `evolve` (the one the `aggregates` projection uses); loading them is not timed. ' +
        "emmett-sqlite: the same events in an emmett-sqlite file, read with its `readMessagesBatch` (500 at a time) and folded the same way. " +
        'RSS after a quarter and all of the log is sampled as the rebuild goes.',
      figures,
      notes,
    } satisfies Section;
  },
};

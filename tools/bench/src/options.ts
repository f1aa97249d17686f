import { parseArgs } from 'node:util';

/* `npm run bench -- [--events N] [--rounds R] [--out FILE] [--only a,b] [--seed S] [--cache DIR] [--fresh]`. */

export interface BenchOptions {
  /** Events in the dataset (the demo campaign at the scale that gives about this many). */
  readonly events: number;
  readonly rounds: number;
  /** The scale of the `xinfang demo` figure (the is 25). */
  readonly demoScale: number;
  readonly out: string;
  /** Measurement names to run; all when undefined. */
  readonly only?: readonly string[];
  readonly seed: number;
  /** Where generated datasets are kept between runs, keyed by seed and events. */
  readonly cache: string;
  /** Generate the dataset again even when the cache has it. */
  readonly fresh: boolean;
  /** Sections not run now (`--only`) are taken from the last run on the same dataset. */
  readonly keep: boolean;
}

const whole = (name: string, text: string, min: number): number => {
  const n = Number(text.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} expects a whole number ≥ ${min}, not "${text}"`);
  return n;
};

const positive = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 1000) throw new Error(`--${name} expects a number above 0, at most 1000, not "${text}"`);
  return n;
};

export const USAGE = `npm run bench -- [options]
  --events N     events in the dataset (default 1000000; the demo campaign at the scale that gives about N)
  --rounds R     interleaved rounds per figure (default 3)
  --demo-scale X the scale of the xinfang demo figure (default 25, as the issue; e.g. 2 for a quick run)
  --out FILE     the report (default BENCHMARKS.md)
  --only a,b     only these measurements: MEASUREMENTS
  --seed S       the demo campaign's seed (default 2024)
  --cache DIR    where datasets are kept between runs (default node_modules/.cache/xinfang-bench)
  --fresh        generate the dataset again even if the cache has it
  --keep         with --only: the other sections as last measured on the same dataset (marked so)`;

export const parseOptions = (argv: readonly string[], known: readonly string[]): BenchOptions | 'help' => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      events: { type: 'string', default: '1000000' },
      rounds: { type: 'string', default: '3' },
      'demo-scale': { type: 'string', default: '25' },
      out: { type: 'string', default: 'BENCHMARKS.md' },
      only: { type: 'string' },
      seed: { type: 'string', default: '2024' },
      cache: { type: 'string', default: 'node_modules/.cache/xinfang-bench' },
      fresh: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const only = values.only?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const name of only ?? []) if (!known.includes(name)) throw new Error(`--only: no measurement "${name}"; expected ${known.join(', ')}`);
  return {
    events: whole('events', values.events, 1000),
    rounds: whole('rounds', values.rounds, 1),
    demoScale: positive('demo-scale', values['demo-scale']),
    out: values.out,
    ...(only === undefined ? {} : { only }),
    seed: whole('seed', values.seed, 0),
    cache: values.cache,
    fresh: values.fresh,
    keep: values.keep,
  };
};

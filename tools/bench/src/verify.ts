import { runJob } from './child';
import { atLeast, measured, rateFigure, type Section } from './figure';
import type { Measurement } from './measurement';
import { progress } from './progress';
import { interleaved, ratesOf } from './rounds';

/* `verify` (the keyed hash chain over the whole log) against the raw read-and-hash loop: target ≥ 0.7×. */

export const verifyMeasurement: Measurement = {
  name: 'verify',
  targets: [
    'verify ≥ 0.7× the raw read-and-hash loop',
  ],
  run: async ({ options, dataset }) => {
    const path = dataset.path;
    progress('verify');
    const results = await interleaved('verify', options.rounds, {
      raw: () => runJob('rawReadHash', { path }),
      verify: () => runJob('verifyAll', { path }),
    });
    return {
      name: 'verify',
      title: 'Verify the hash chain',
      method:
        '`verifyLog` (what `xinfang verify` and `GET /audit/verify` run: every event read through the store, its canonical JSON HMAC-SHA-256\'d ' +
        'under the chain key and checked against its hash and its predecessor) vs a raw loop: one better-sqlite3 statement iterated over the ' +
        'same rows, each row\'s stored columns HMAC-SHA-256\'d as they are. Events/s; a child process per round.',
      figures: [
        rateFigure(
          'verify vs raw read+hash',
          measured('verify', 'events/s', ratesOf(results.verify)),
          measured('raw read+hash loop', 'events/s', ratesOf(results.raw)),
          atLeast(0.7),
        ),
      ],
      notes: [],
    } satisfies Section;
  },
};

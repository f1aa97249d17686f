import type { JobResult } from './child';
import { progress } from './progress';

/*
 * Interleaved rounds: reference, subject, reference, subject … so that a slow spell of the machine (the
 * cores are shared) falls on both sides instead of on one.
 */

export const interleaved = async <K extends string, R extends JobResult = JobResult>(
  label: string,
  rounds: number,
  runs: Readonly<Record<K, () => Promise<R>>>,
): Promise<Record<K, R[]>> => {
  const names = Object.keys(runs) as K[];
  const results = Object.fromEntries(names.map((name) => [name, [] as R[]])) as Record<K, R[]>;
  for (let round = 1; round <= rounds; round += 1) {
    for (const name of names) {
      progress(`${label}: round ${round}/${rounds}, ${name}`);
      results[name].push(await runs[name]());
    }
  }
  return results;
};

/** Events per second of each result: `count / seconds`. */
export const ratesOf = (results: readonly JobResult[]): number[] => results.map((r) => (r.count as number) / (r.seconds as number));
export const fieldOf = (results: readonly JobResult[], field: string): number[] => results.map((r) => r[field] as number);

import type { Dataset } from './dataset';
import type { Section } from './figure';
import type { BenchOptions } from './options';

/* A measurement: one section of BENCHMARKS.md, with its figures, run against the dataset. */

export interface Context {
  readonly options: BenchOptions;
  readonly dataset: Dataset;
  /** A scratch folder for this run (copies of the dataset a measurement may write to). */
  readonly workDir: string;
}

export interface Measurement {
  readonly name: string;
  /** The targets this measurement judges, as the report lists them when it failed or was not run. */
  readonly targets: readonly string[];
  readonly run: (context: Context) => Promise<Section>;
}

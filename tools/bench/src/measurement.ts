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
  readonly run: (context: Context) => Promise<Section>;
}

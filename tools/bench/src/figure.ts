import { statOf, type Stat } from './stats';

/*
 * One row of a report table: a subject measured over rounds, beside its reference from the same run, the
 * ratio of their medians, and the target it is judged against.
 */

export interface Measured {
  readonly label: string;
  readonly unit: string;
  readonly stat: Stat;
}

export interface Target {
  readonly text: string;
  /** `n/a`: the target does not apply (the contract says otherwise); the figure is reported all the same. */
  readonly met: boolean | 'n/a';
}

export interface Figure {
  readonly what: string;
  readonly subject: Measured;
  readonly reference?: Measured;
  /** subject / reference (medians), for rates; reference / subject for times. */
  readonly ratio?: number;
  readonly target?: Target;
}

export interface Section {
  readonly name: string;
  readonly title: string;
  /** What was measured and how, in a few sentences. */
  readonly method: string;
  readonly figures: readonly Figure[];
  /** Findings: why a target is missed, what was tried. */
  readonly notes: readonly string[];
  /** Targets this section should have judged but could not (it failed). */
  readonly unmeasured?: readonly string[];
}

export const measured = (label: string, unit: string, values: readonly number[]): Measured => ({ label, unit, stat: statOf(values) });

/** A rate figure: higher is better; ratio = subject / reference. */
export const rateFigure = (what: string, subject: Measured, reference?: Measured, target?: (ratio: number, subject: Measured) => Target): Figure => {
  const ratio = reference === undefined ? undefined : subject.stat.median / reference.stat.median;
  return { what, subject, ...(reference === undefined ? {} : { reference }), ...(ratio === undefined ? {} : { ratio }), ...(target === undefined ? {} : { target: target(ratio ?? Number.NaN, subject) }) };
};

export const atLeast = (wanted: number, text = `≥ ${wanted}×`) => (ratio: number): Target => ({ text, met: ratio >= wanted });
/** At most `limit`, judged on the median, or on the worst round (`max`) for a ceiling such as peak RSS. */
export const atMost =
  (limit: number, unit: string, on: 'median' | 'max' = 'median') =>
  (_ratio: number, subject: Measured): Target => ({
    text: `≤ ${limit} ${unit}${on === 'max' ? ' (every round)' : ''}`,
    met: subject.stat[on] <= limit,
  });

/** The section of a measurement that failed: its error, in place of its figures. */
export const failedSection = (name: string, error: string, targets: readonly string[]): Section => ({
  name,
  unmeasured: targets,
  title: `${name} (failed)`,
  method: 'This measurement failed in this run; its error (the first lines):\n\n```\n' + error.split('\n').slice(0, 12).join('\n') + '\n```',
  figures: [],
  notes: [],
});

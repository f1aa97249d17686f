/**
 * A rate of REPORTS.md: `{numerator, denominator, rate}`, with `rate` the plain fraction (0 to 1, not a
 * percentage) and `null` when the denominator is 0 — "nothing to measure" must not read as 0 % or 100 %.
 */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

/** The fraction `numerator / denominator`, or null when there is nothing to divide by. */
export const fraction = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

export const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  rate: fraction(numerator, denominator),
});

/** The rate of the items that pass `counts` among all `items` (the denominator). */
export const rateOf = <T>(items: readonly T[], counts: (item: T) => boolean): Rate =>
  rate(items.filter(counts).length, items.length);

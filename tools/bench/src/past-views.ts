import Database from 'better-sqlite3';

/*
 * Past dates to ask the dataset about: instants at which the log was part-way written (recording times of
 * events between 55 % and 85 % of the log), each used as both `asOf` and `knownAt`, so that every such view
 * hides the events recorded after it — and events already recorded with a later business time — as an
 * office looking back at a past month would. The views are distinct instants, and a measurement takes each
 * once, so no answer can be one the server kept from an earlier query.
 */

export interface PastView {
  /** `asOf` and `knownAt`. */
  readonly at: string;
  /** The KPI window: the 30 days up to `at`'s date. */
  readonly from: string;
  readonly to: string;
  /** Events the view hides (recorded after `at`); counted for the first and the last view only (NaN between). */
  readonly hidden: number;
}

const DAY_MS = 86_400_000;

const dateOf = (instant: string, minusDays = 0): string => new Date(Date.parse(instant) - minusDays * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);

export const pastViews = (path: string, count: number): PastView[] => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const head = (db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events').get() as { head: number }).head;
    const at = db.prepare<[number], { recorded_at: string }>('SELECT recorded_at FROM events WHERE position = ?');
    // A full scan each: counted for the first and the last view only (the report names them).
    const after = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM events WHERE recorded_at > ?');
    const seen = new Set<string>();
    const instants: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const position = Math.max(1, Math.round(head * (0.55 + (0.3 * i) / Math.max(1, count - 1))));
      const instant = at.get(position)?.recorded_at;
      // Events recorded together share an instant: each view is a distinct one.
      if (instant === undefined || seen.has(instant)) continue;
      seen.add(instant);
      instants.push(instant);
    }
    return instants.map((instant, i) => ({
      at: instant,
      from: dateOf(instant, 29),
      to: dateOf(instant),
      hidden: i === 0 || i === instants.length - 1 ? (after.get(instant)?.n ?? 0) : Number.NaN,
    }));
  } finally {
    db.close();
  }
};

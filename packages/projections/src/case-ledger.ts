import type { ExistingCase, Instant } from '@xinfang/domain';
import { toLedger, type Ledger, type Numbered, type Paging } from './ledger';
import { caseById, existingCases } from './lookups';
import type { PersonalDataReader } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * A ledger of cases (附件1–3) in three pieces: what each case puts in it at T (its entries: none, one, or one
 * per visit), their order, and the row of an entry. `caseLedger` runs them over a whole World; a streamed
 * export runs the same pieces one case at a time (`streamCaseLedger`), so both list the same rows in the
 * same order.
 */

/** An entry names its case; it holds what ordering needs, and little else (an export keeps every entry). */
export interface CaseEntry {
  readonly caseId: string;
}

export interface CaseLedgerPlan<Query, Entry extends CaseEntry, Row> {
  readonly entries: (s: ExistingCase, T: Instant, query: Query) => readonly Entry[];
  /** The order of the rows; entries it ties keep the order of the World's cases (a stable sort). */
  readonly compare: (a: Entry, b: Entry) => number;
  /** The row of an entry; `world` holds at least the entry's case, the persons it names and every other aggregate. */
  readonly row: (world: World, s: ExistingCase, entry: Entry, T: Instant, personal: PersonalDataReader) => Row;
}

/** The ledger of a plan over a whole World: every case's entries, ordered, as rows, numbered and paged. */
export const caseLedger =
  <Query extends Paging, Entry extends CaseEntry, Row extends object>(plan: CaseLedgerPlan<Query, Entry, Row>) =>
  (world: World, view: TimeView, query: Query, personal: PersonalDataReader): Ledger<Numbered<Row>> => {
    const T = view.asOf;
    const entries = existingCases(world)
      .flatMap((s) => plan.entries(s, T, query))
      .sort(plan.compare);
    const rows = entries.map((entry) => {
      const s = caseById(world, entry.caseId);
      if (s === undefined) throw new Error(`caseLedger: no case ${entry.caseId}`);
      return plan.row(world, s, entry, T, personal);
    });
    return toLedger(view, rows, query);
  };

import { aggregateOfStream, caseStream, personStream, type AggregateName, type ExistingCase, type StateOf } from '@xinfang/domain';
import { readAllUpTo, type EventStore } from '@xinfang/event-store';
import type { CaseEntry, CaseLedgerPlan } from './case-ledger';
import type { Numbered } from './ledger';
import type { PersonalDataReader } from './personal-data';
import { isVisible, type TimeView } from './view';
import { applyToWorld, emptyWorld, evolveStream, type World } from './world';

/*
 * A case ledger straight from the log, with memory flat in the log's size — for exporting a form from a log of
 * any length. `buildWorld` would hold every case and every person at once; here the World holds the other
 * aggregates (a few hundred: communities, leaders, the roster …), and cases and persons are folded one
 * stream at a time from their own events (`readStream`), with the same view and up to the same head. So each
 * state is the one `buildWorld(readAllUpTo(store, head), view)` holds, and the rows are those of the
 * ledger over that World, in the same order: every case's entries are gathered and ordered first (small),
 * then the rows are made a chunk of entries at a time, from a World of the chunk's cases and persons only.
 */

/** Streams whose states are folded on demand rather than held. */
const ON_DEMAND: ReadonlySet<AggregateName> = new Set(['case', 'person']);

export interface LogWorld {
  /** Every aggregate but cases and persons, as the view shows it, from the log up to the head. */
  readonly world: World;
  /** The case streams the view shows up to the head, in the order a World's map holds them. */
  readonly caseStreams: readonly string[];
  /** One stream's state as the view shows it, from its events up to the head; undefined if it shows none. */
  readonly stateOf: <N extends AggregateName>(name: N, streamId: string) => Promise<StateOf<N> | undefined>;
}

/** Reads the log once up to `head`: the World without cases and persons, and the list of case streams. */
export const openLogWorld = async (store: EventStore, head: number, view: TimeView): Promise<LogWorld> => {
  const world = emptyWorld();
  const caseStreams = new Set<string>();
  for await (const event of readAllUpTo(store, head)) {
    const name = aggregateOfStream(event.meta.streamId);
    if (name === undefined) continue;
    if (!isVisible(event, view)) continue;
    // Listed at its first event the view shows, where buildWorld's map would take it in.
    if (name === 'case') caseStreams.add(event.meta.streamId);
    if (!ON_DEMAND.has(name)) applyToWorld(world, event);
  }
  return {
    world,
    caseStreams: [...caseStreams],
    stateOf: async <N extends AggregateName>(name: N, streamId: string) => {
      let state: StateOf<N> | undefined;
      for (const event of await store.readStream(streamId)) {
        if (event.meta.position <= head && isVisible(event, view)) state = evolveStream(name, state, event);
      }
      return state;
    },
  };
};

export interface StreamLedgerOptions {
  /** How many entries' rows are made from one World (default 500). */
  readonly chunkSize?: number;
  /** Called with the World of each chunk before its rows are made (tests look at its size). */
  readonly onChunk?: (world: World) => void;
}

const existing = (state: StateOf<'case'> | undefined): ExistingCase | undefined =>
  state === undefined || state.status === 'none' ? undefined : state;

/** Every person a case names: its petitioners, its registration's and its visits'. */
const personIdsOf = (s: ExistingCase): string[] => [
  ...s.petitioners.map((p) => p.personId),
  ...s.registration.petitioners.map((p) => p.personId),
  ...s.visits.flatMap((visit) => visit.petitioners.map((p) => p.personId)),
];

/**
 * The rows of a case ledger over the log (see above), numbered from 1, as they are made: the same rows as
 * `caseLedger(plan)` over `buildWorld(readAllUpTo(store, head), view)` with no paging.
 */
export async function* streamCaseLedger<Query, Entry extends CaseEntry, Row extends object>(
  log: LogWorld,
  plan: CaseLedgerPlan<Query, Entry, Row>,
  view: TimeView,
  query: Query,
  personal: PersonalDataReader,
  options: StreamLedgerOptions = {},
): AsyncGenerator<Numbered<Row>> {
  const T = view.asOf;
  const chunkSize = options.chunkSize ?? 500;
  const entries: Entry[] = [];
  for (const streamId of log.caseStreams) {
    const s = existing(await log.stateOf('case', streamId));
    if (s !== undefined) entries.push(...plan.entries(s, T, query));
  }
  entries.sort(plan.compare);
  let seq = 0;
  for (let start = 0; start < entries.length; start += chunkSize) {
    const chunk = entries.slice(start, start + chunkSize);
    const world: World = { ...log.world, case: new Map(), person: new Map() };
    const byCaseId = new Map<string, ExistingCase>();
    for (const { caseId } of chunk) {
      if (byCaseId.has(caseId)) continue;
      const streamId = caseStream(caseId);
      const s = existing(await log.stateOf('case', streamId));
      if (s === undefined) throw new Error(`streamCaseLedger: no case ${caseId}`);
      byCaseId.set(caseId, s);
      world.case.set(streamId, s);
    }
    for (const s of byCaseId.values()) {
      for (const personId of personIdsOf(s)) {
        const streamId = personStream(personId);
        if (world.person.has(streamId)) continue;
        const person = await log.stateOf('person', streamId);
        if (person !== undefined) world.person.set(streamId, person);
      }
    }
    options.onChunk?.(world);
    for (const entry of chunk) {
      seq += 1;
      yield { seq, ...plan.row(world, byCaseId.get(entry.caseId) as ExistingCase, entry, T, personal) };
    }
  }
}

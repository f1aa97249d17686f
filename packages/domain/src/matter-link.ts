import * as t from 'io-ts';
import { left, right } from 'fp-ts/Either';
import { Id, InstantC, Text, boundedArray, struct } from './codecs';
import { assertNever, type Decider } from './decider';
import { domainError } from './errors';
import { compareInstants, type Instant } from './time';

/*
 * Cases that may be one matter brought by several people (串访/联访): the read side suggests them (by
 * community, category, time and the words of their summaries); an officer confirms or dismisses each
 * suggestion, and that decision is recorded here — never an automatic merge: the cases stay as they are.
 * A suggestion is named by its cases: the same cases are the same suggestion, whoever found it when.
 */

export const matterLinkDecisionLabels = { confirmed: '确认为同一事项', dismissed: '不是同一事项' } as const;
export const MatterLinkDecision = t.keyof(matterLinkDecisionLabels, 'MatterLinkDecision');
export type MatterLinkDecision = t.TypeOf<typeof MatterLinkDecision>;

/** How many cases one suggestion may name. */
export const MATTER_LINK_CASES = { minItems: 2, maxItems: 20 } as const;

/** `POST /analysis/matter-links`. */
export const DecideMatterLinkBody = struct(
  { caseIds: boundedArray(Id, MATTER_LINK_CASES), decision: MatterLinkDecision, at: InstantC },
  { note: Text },
  'DecideMatterLinkBody',
);
export type DecideMatterLinkBody = t.TypeOf<typeof DecideMatterLinkBody>;

export type MatterLinkCommand = { type: 'DecideMatterLink'; data: DecideMatterLinkBody };

const MatterLinkDecidedData = struct(
  { linkId: t.string, caseIds: t.array(Id), decision: MatterLinkDecision, at: InstantC },
  { note: Text },
);
export const MatterLinkDecided = t.type({ type: t.literal('MatterLinkDecided'), data: MatterLinkDecidedData }, 'MatterLinkDecided');
export type MatterLinkDecided = t.TypeOf<typeof MatterLinkDecided>;

/** Every event of a matter-link stream (one kind so far). */
export const MatterLinkEvent = MatterLinkDecided;
export type MatterLinkEvent = MatterLinkDecided;

export type MatterLinkState =
  | { status: 'none' }
  | { status: 'decided'; linkId: string; caseIds: readonly string[]; decisions: readonly Omit<MatterLinkDecided['data'], 'linkId' | 'caseIds'>[] };

/** FNV-1a, 64 bits: a short, stable name for a set of case ids (not a secret: they are ids). */
const fnv1a64 = (text: string): string => {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
};

/** The cases of a suggestion in one order. */
export const sortedCaseIds = (caseIds: readonly string[]): string[] => [...caseIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The name of the suggestion of these cases (in any order). */
export const matterLinkId = (caseIds: readonly string[]): string => fnv1a64(sortedCaseIds(caseIds).join(','));

export const matterLinkStream = (linkId: string): string => `matter-${linkId}`;

export const matterLinkEventTime = (event: MatterLinkEvent): string => event.data.at;

type Decision = Omit<MatterLinkDecided['data'], 'linkId' | 'caseIds'>;

/** The decision in force at T: the last one made by then (by business time; of equal times, the last recorded). */
export const matterLinkDecisionAt = (state: MatterLinkState, moment: Instant): MatterLinkDecision | undefined => {
  if (state.status !== 'decided') return undefined;
  let current: Decision | undefined;
  for (const d of state.decisions) {
    if (compareInstants(d.at, moment) > 0) continue;
    if (current === undefined || compareInstants(d.at, current.at) >= 0) current = d;
  }
  return current?.decision;
};

export const matterLinkDecider: Decider<MatterLinkCommand, MatterLinkEvent, MatterLinkState> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    const { linkId, caseIds, ...decision } = event.data;
    return { status: 'decided', linkId, caseIds, decisions: [...(state.status === 'decided' ? state.decisions : []), decision] };
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'DecideMatterLink': {
        const { caseIds, decision, at, note } = command.data;
        const sorted = sortedCaseIds(caseIds);
        if (new Set(sorted).size !== sorted.length)
          return left(domainError('duplicateCase', '同一事项列了两次', 'a case is listed twice', { field: 'caseIds' }));
        const linkId = matterLinkId(sorted);
        if (state.status === 'decided' && state.caseIds.join(',') !== sorted.join(','))
          return left(domainError('matterLinkMismatch', '该编号已用于另一组事项', 'the link id names another set of cases', { field: 'caseIds' }));
        const data = { linkId, caseIds: sorted, decision, at };
        return right([{ type: 'MatterLinkDecided', data: note === undefined ? data : { ...data, note } }]);
      }
      default:
        return assertNever(command.type); // one kind of command: TypeScript narrows its tag, not the command
    }
  },
};

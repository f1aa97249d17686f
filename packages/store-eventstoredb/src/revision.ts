import { ANY, NO_STREAM, type AppendExpectedRevision, type CurrentRevision } from '@eventstore/db-client';
import type { ExpectedRevision } from '@xinfang/event-store';

/*
 * Our revisions are 1-based (a stream's first event is revision 1; 0 = the stream does not exist); the
 * client's are 0-based bigints, with `no_stream` for a stream that does not exist.
 */

/** Our expected revision as the client's: 0 → `no_stream`, n → n − 1, 'any' → `any`. */
export const toExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  if (expected === 'any') return ANY;
  if (!(Number.isSafeInteger(expected) && expected >= 0)) throw new RangeError(`expectedRevision must be 'any' or a whole number ≥ 0, not ${String(expected)}`);
  return expected === 0 ? NO_STREAM : BigInt(expected - 1);
};

/** The client's current revision of a stream as ours: `no_stream` → 0, n → n + 1. */
export const fromCurrentRevision = (current: CurrentRevision): number => {
  if (current === NO_STREAM) return 0;
  const revision = Number(current) + 1;
  if (!Number.isSafeInteger(revision)) throw new RangeError(`store-eventstoredb: revision ${String(current)} is beyond a safe integer`);
  return revision;
};

/** The revision of a read event (the client's 0-based `revision`) as ours. */
export const fromEventRevision = (revision: bigint): number => fromCurrentRevision(revision);

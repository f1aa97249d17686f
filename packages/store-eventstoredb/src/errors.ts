import { ErrorType, type WrongExpectedVersionError } from '@eventstore/db-client';
import { appendConflict, StoreUnavailableError, type AppendConflict, type ExpectedRevision } from '@xinfang/event-store';
import { fromCurrentRevision } from './revision';

/*
 * The client's errors in the port's terms: a wrong expected version is a conflict (a value, with our revision
 * numbers); a server that cannot be reached, times out, is not the leader or is shutting down is a
 * transient `StoreUnavailableError`; anything else is rethrown as it is.
 */

const TRANSIENT: ReadonlySet<string> = new Set([ErrorType.UNAVAILABLE, ErrorType.TIMEOUT, ErrorType.DEADLINE_EXCEEDED, ErrorType.NOT_LEADER, ErrorType.CANCELLED]);

const typeOf = (error: unknown): string | undefined => {
  const type = (error as { type?: unknown } | null | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
};

/** The conflict a wrong expected version means, in our revisions (the stream's id, not the server's name). */
export const conflictOf = (error: unknown, streamId: string, expected: ExpectedRevision): AppendConflict | undefined => {
  if (typeOf(error) !== ErrorType.WRONG_EXPECTED_VERSION) return undefined;
  const actual = (error as WrongExpectedVersionError).actualVersion;
  return appendConflict(streamId, expected, actual === undefined ? 0 : fromCurrentRevision(actual));
};

/** A transient failure as `StoreUnavailableError` (`busy`), or undefined. */
export const unavailableOf = (error: unknown): StoreUnavailableError | undefined => {
  const type = typeOf(error);
  if (type === undefined || !TRANSIENT.has(type)) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`store-eventstoredb: the server is not available (${type}): ${message}`, 'busy', { cause: error });
};

import { ErrorType, NO_STREAM, type AppendResult as ClientAppendResult, type CurrentRevision, type WrongExpectedVersionError } from '@eventstore/db-client';
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

/** Reading a stream that does not exist: an empty stream to us. */
export const isStreamNotFound = (error: unknown): boolean => typeOf(error) === ErrorType.STREAM_NOT_FOUND;

/** An append expecting a revision: written (or an idempotent repeat of what is there), or refused with the stream at `actual`. */
export type AppendOutcome = { readonly ok: true } | { readonly ok: false; readonly actual: CurrentRevision };

/** The outcome of a client answer (a client made with `throwOnAppendFailure: false` answers a refusal so). */
export const outcomeOfResult = (result: ClientAppendResult): AppendOutcome =>
  result.success ? { ok: true } : { ok: false, actual: result.nextExpectedRevision < 0n ? NO_STREAM : result.nextExpectedRevision };

/** The outcome of a client error: a wrong expected version is a refusal; a transient failure `StoreUnavailableError`; anything else is thrown as it is. */
export const outcomeOfError = (error: unknown): AppendOutcome => {
  if (typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION) return { ok: false, actual: (error as WrongExpectedVersionError).actualVersion };
  throw unavailableOf(error) ?? error;
};

/**
 * The log refused an append expecting it at `expectedHead`: another process appended first, and the log's
 * head is now at the position returned (ours). The append is decided again against the new head.
 */
export const logMovedTo = (outcome: AppendOutcome, expectedHead: number): number | undefined => {
  if (outcome.ok) return undefined;
  const head = fromCurrentRevision(outcome.actual);
  if (head <= expectedHead) throw new Error(`store-eventstoredb: the log refused an append at ${expectedHead} while it is at ${head}`);
  return head;
};

/** How long a writer whose log append lost the race waits before deciding again: none the first time, then up to 2^attempt ms (at most 200), jittered by `random` ∈ [0, 1). */
export const backoffMs = (attempt: number, random: number): number => (attempt <= 1 ? 0 : Math.floor(Math.min(200, 2 ** attempt) * random));

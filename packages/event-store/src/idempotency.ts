import { domainError, type DomainError } from '@xinfang/domain';
import type { RecordedEvent } from './envelope';

/** The kind of a command (`{type, …}`), recorded in its events' meta so that a reused key can be told apart. */
export const commandTypeOf = (command: unknown): string | undefined => {
  const type = (command as { type?: unknown } | null | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
};

/**
 * Whether the events a command id found were made by this command: the same stream and, where the events
 * record it, the same kind. Events recorded before `commandType` existed are compared by stream alone.
 */
export const isSameCommand = (
  events: readonly RecordedEvent[],
  streamId: string,
  commandType: string | undefined,
): boolean => {
  const first = events[0];
  if (first === undefined) return false;
  const recorded = first.meta.commandType;
  return first.meta.streamId === streamId && (recorded === undefined || commandType === undefined || recorded === commandType);
};

/** A command id (an `Idempotency-Key`) already used for another command. */
export const idempotencyKeyReused: DomainError = domainError(
  'idempotencyKeyReused',
  '该 Idempotency-Key 已用于另一项操作',
  'this Idempotency-Key was already used for another command',
);

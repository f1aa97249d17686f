import { GENESIS_HASH, type RecordedEvent } from '@xinfang/event-store';

/** Where the log ends: what the next append is sealed against (its position + 1, its hash, its recordedAt). */
export interface LogHead {
  readonly position: number;
  readonly hash: string;
  readonly recordedAt: string | undefined;
}

export const EMPTY_HEAD: LogHead = { position: 0, hash: GENESIS_HASH, recordedAt: undefined };

/** The head a log whose last event is `last` has. */
export const headOf = (last: RecordedEvent | undefined): LogHead =>
  last === undefined ? EMPTY_HEAD : { position: last.meta.position, hash: last.meta.hash, recordedAt: last.meta.recordedAt };

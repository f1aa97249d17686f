import type { Instant } from '@xinfang/domain';

/** Who caused an event: a user id and the role they acted in (the role is kept because it can change later). */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

/** What a caller supplies about an event it appends. */
export interface NewEventMeta {
  /** Unique across the whole store; appending an already stored id is a no-op (idempotence). */
  readonly eventId: string;
  /** Business time: when the thing happened (a visit may be registered days later). */
  readonly occurredAt: Instant;
  readonly actor: Actor;
  /** The command that produced the event; a repeated command is recognised by it. */
  readonly commandId: string;
  /** The kind of that command (`CloseCase`): one id reused for another kind is refused, not answered with the first result. Absent on older events. */
  readonly commandType?: string;
  /** The id shared by everything that one request started. */
  readonly correlationId: string;
  /** The id of the command or event that directly caused this one. */
  readonly causationId: string;
  /** Version of the `data` shape, so that old events can be upcast on read. */
  readonly schemaVersion: number;
}

/** An event as a caller appends it. `data` must be plain JSON (it is stored and hashed as such). */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly meta: NewEventMeta;
}

/** What the store adds when it records an event. */
export interface RecordedEventMeta extends NewEventMeta {
  readonly streamId: string;
  /** 1-based, gap-free within the stream. */
  readonly revision: number;
  /** 1-based, gap-free across the whole store, in append order. */
  readonly position: number;
  /** System time: when the store learned of the event (from the store's clock). */
  readonly recordedAt: Instant;
  /** The hash of the event at `position - 1` (64 zeros for the first event). */
  readonly prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of this envelope without `hash`; HMAC-SHA-256 under the chain key in a keyed log. */
  readonly hash: string;
}

/** An event as it was stored: the envelope of DESIGN.md. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly meta: RecordedEventMeta;
}

/** A recorded event before its hash is computed. */
export interface UnsealedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly meta: Omit<RecordedEventMeta, 'hash'>;
}

/*
 * The versions of the domain's events. An event's `data` never changes once stored (its hash is over it):
 * when a type's shape changes, its old versions are read as the new one through an upcaster added here —
 * `{ CaseRegistered: { 1: (v1) => v2 } }` — and the store as the app opens it (`upcastingStore`) applies them
 * for every reader, and writes new events at the current version. None yet: every event is at version 1.
 */

/** `{ [eventType]: { [fromVersion]: data of that version → data of the next } }`. */
export type EventUpcasters = Readonly<Record<string, Readonly<Record<number, (data: unknown) => unknown>>>>;

export const eventUpcasters: EventUpcasters = {};

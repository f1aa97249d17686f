import { createHash } from 'node:crypto';

/*
 * The server wants a UUID as each event's id, and its idempotent append works by that id. Our event ids are
 * UUIDs when the command handler makes them (`eventIdFor`), but the port allows any string: such an id is
 * mapped to a UUID made from its SHA-256, so a repeated write of the same event has the same server id. Our
 * own id always travels in the metadata too, so nothing depends on how the server spells a UUID back.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const serverEventId = (eventId: string): string => {
  if (UUID.test(eventId)) return eventId;
  const hex = createHash('sha256').update(`xinfang/esdb-event-id\u0000${eventId}`, 'utf8').digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

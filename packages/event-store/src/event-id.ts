import { canonicalJson } from './canonical-json';
import { sha256Hex } from './hash-chain';

/**
 * The id of the `index`-th event a command produces: a UUID (version 8, "custom") made from a SHA-256 of
 * the command id and the index. Because a retry of the same command computes the same ids, a duplicate
 * that races past the command-id check is still stopped by the store's idempotent append.
 */
export const eventIdFor = (commandId: string, index: number): string => {
  const hex = sha256Hex(canonicalJson(['xinfang/event-id', commandId, index]));
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

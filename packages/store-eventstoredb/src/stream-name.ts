/*
 * Our streams map one to one onto the server's, each under a prefix (default `xinfang-`), so that `$all` can be
 * filtered on the server to ours: other applications' streams and the system's (`$…`) stay out.
 */

export const DEFAULT_PREFIX = 'xinfang-';

const PREFIX = /^[A-Za-z0-9_.:-]{1,64}$/;

export const assertPrefix = (prefix: string): string => {
  if (!PREFIX.test(prefix) || prefix.startsWith('$')) throw new RangeError(`store-eventstoredb: bad stream prefix "${prefix}"`);
  return prefix;
};

/** Our stream id as the server's stream name. */
export const toStreamName = (prefix: string, streamId: string): string => `${prefix}${streamId}`;

/** The server's stream name as our stream id, or undefined for a stream that is not ours. */
export const fromStreamName = (prefix: string, streamName: string): string | undefined =>
  streamName.startsWith(prefix) && streamName.length > prefix.length ? streamName.slice(prefix.length) : undefined;

/** The server-side filter of `$all` to our streams (`streamNameFilter({ prefixes })`'s options). */
export const ourStreams = (prefix: string): { readonly prefixes: string[] } => ({ prefixes: [prefix] });

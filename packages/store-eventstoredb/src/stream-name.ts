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

/**
 * The adapter's own streams beside the one-to-one ones, each outside the prefix so that `ourStreams` never
 * matches them: the log (`_<prefix>log`, the truth and the source of positions), the store's identity and
 * chain marker (`_<prefix>meta`) and one index stream per command (`_<prefix>command-<id>`).
 */
export interface StreamNames {
  readonly log: string;
  readonly meta: string;
  readonly mirror: (streamId: string) => string;
  readonly command: (commandId: string) => string;
}

export const streamNamesOf = (prefix: string): StreamNames => ({
  log: `_${prefix}log`,
  meta: `_${prefix}meta`,
  mirror: (streamId) => toStreamName(prefix, streamId),
  command: (commandId) => `_${prefix}command-${commandId}`,
});

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/** The server-side filter of `$all` to the log stream alone (`streamNameFilter({ regex })`'s options): what wakes subscribers. */
export const logStreamOnly = (prefix: string): { readonly regex: string } => ({ regex: `^${escapeRegex(streamNamesOf(prefix).log)}$` });

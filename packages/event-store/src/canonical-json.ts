import canonicalizeExport from 'canonicalize';

type Canonicalize = (value: unknown) => string | undefined;

// `canonicalize` is ESM only. The CommonJS build loads it with require(esm) (Node ≥ 20.19), and esbuild's
// Node-mode interop then hands over the module namespace rather than its default export: unwrap it.
const canonicalize: Canonicalize =
  typeof canonicalizeExport === 'function'
    ? canonicalizeExport
    : (canonicalizeExport as unknown as { readonly default: Canonicalize }).default;

/**
 * RFC 8785 (JCS) canonical JSON: sorted keys, no whitespace, ECMAScript number formatting. The hash chain
 * hashes this text, so two stores that hold the same JSON (whatever key order their database returns)
 * agree on every hash. Throws on what JSON cannot hold faithfully (NaN, Infinity, lone surrogates, cycles).
 */
export const canonicalJson = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON representation');
  return text;
};

/**
 * The value as it comes back from a JSON column: `undefined` members dropped, dates as strings, and so on.
 * Stores keep (and hash) this form, so what is read back is exactly what was hashed. Unlike a bare
 * `JSON.stringify`, it refuses NaN and Infinity instead of silently turning them into `null`.
 */
export const toPlainJson = <T>(value: T): T => JSON.parse(canonicalJson(value)) as T;

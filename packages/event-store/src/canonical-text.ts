/*
 * Recognises text that is already canonical JSON (RFC 8785, as `canonicalJson` writes it) without parsing it:
 * what the stores hold is written canonical, so verifying the log can hash it as it is. Only text that
 * `canonicalJson(JSON.parse(text))` gives back unchanged is recognised; anything else (whitespace, other
 * escapes, number forms, keys out of order or repeated, a key with an escape, lone surrogates, deep nesting)
 * is not, and the caller takes the slow way. A scanner over the characters, at one place in one text at a
 * time (module state: it never yields).
 */

const MAX_DEPTH = 64;

let text = '';
let at = 0;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The escapes JSON.stringify writes for a control character (the rest as \u00xx, lower-case hex). */
const SHORT_ESCAPES: Readonly<Record<number, number>> = { 0x62: 0x08, 0x74: 0x09, 0x6e: 0x0a, 0x66: 0x0c, 0x72: 0x0d };

const isLowerHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);

/** A string at `at` as JSON.stringify writes it (escapes, and well formed); moves past it. */
const string = (allowEscapes: boolean): boolean => {
  // Local copies: this loop runs over every character of the log's text.
  const t = text;
  let i = at;
  if (t.charCodeAt(i) !== QUOTE) return false;
  i += 1;
  for (;;) {
    const c = t.charCodeAt(i);
    if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH && (c < 0xd800 || c > 0xdfff)) {
      i += 1;
      continue;
    }
    if (c === QUOTE) {
      at = i + 1;
      return true;
    }
    if (Number.isNaN(c) || c < 0x20) return false;
    if (c === BACKSLASH) {
      if (!allowEscapes) return false;
      const e = t.charCodeAt(i + 1);
      if (e === QUOTE || e === BACKSLASH || SHORT_ESCAPES[e] !== undefined) {
        i += 2;
        continue;
      }
      // \u00xx for the other control characters only; never \/, never another \u.
      if (e !== 0x75 || t.charCodeAt(i + 2) !== 0x30 || t.charCodeAt(i + 3) !== 0x30) return false;
      const h = t.charCodeAt(i + 4);
      const l = t.charCodeAt(i + 5);
      if (!(h === 0x30 || h === 0x31) || !isLowerHex(l)) return false;
      const code = (h - 0x30) * 16 + (l <= 0x39 ? l - 0x30 : l - 0x61 + 10);
      if (code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return false;
      i += 6;
      continue;
    }
    // A surrogate pair, or not well formed.
    const next = t.charCodeAt(i + 1);
    if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
    i += 2;
  }
};

const isNumberChar = (c: number): boolean => (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;

/** A number at `at` written as ECMAScript writes it (what JSON.stringify and canonicalJson write). */
const number = (): boolean => {
  const start = at;
  while (isNumberChar(text.charCodeAt(at))) at += 1;
  if (at === start) return false;
  const literal = text.slice(start, at);
  // Exactly the text of a finite number: NaN, Infinity, -0, 1.0, 1e21, 01, +1 … all differ from it.
  return String(Number(literal)) === literal;
};

const word = (w: string): boolean => {
  if (!text.startsWith(w, at)) return false;
  at += w.length;
  return true;
};

/** Whether the text at [aStart, aEnd) is before the text at [bStart, bEnd) in code-unit order (no slices made). */
const keyBefore = (aStart: number, aEnd: number, bStart: number, bEnd: number): boolean => {
  const t = text;
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let k = 0; k < n; k += 1) {
    const a = t.charCodeAt(aStart + k);
    const b = t.charCodeAt(bStart + k);
    if (a !== b) return a < b;
  }
  return aEnd - aStart < bEnd - bStart;
};

/** Where the members of the object being recorded begin and end, and their keys (see `canonicalObjectSpans`). */
let spans: ObjectSpans | undefined;

/** Members of an object at `at` in strictly ascending code-unit order of their (unescaped) keys. */
const object = (depth: number): boolean => {
  const recording = spans;
  spans = undefined;
  at += 1;
  if (text.charCodeAt(at) === 0x7d) {
    at += 1;
    return true;
  }
  let previousStart = -1;
  let previousEnd = -1;
  for (;;) {
    const keyStart = at;
    // A key with an escape would have to be compared unescaped: left to the slow way.
    if (!string(false)) return false;
    const keyEnd = at;
    if (previousStart >= 0 && !keyBefore(previousStart + 1, previousEnd - 1, keyStart + 1, keyEnd - 1)) return false;
    previousStart = keyStart;
    previousEnd = keyEnd;
    if (text.charCodeAt(at) !== 0x3a) return false;
    at += 1;
    if (!value(depth + 1)) return false;
    if (recording !== undefined) {
      recording.keys.push(text.slice(keyStart + 1, keyEnd - 1));
      recording.starts.push(keyStart);
      recording.ends.push(at);
    }
    const c = text.charCodeAt(at);
    at += 1;
    if (c === 0x7d) return true;
    if (c !== 0x2c) return false;
  }
};

const array = (depth: number): boolean => {
  at += 1;
  if (text.charCodeAt(at) === 0x5d) {
    at += 1;
    return true;
  }
  for (;;) {
    if (!value(depth + 1)) return false;
    const c = text.charCodeAt(at);
    at += 1;
    if (c === 0x5d) return true;
    if (c !== 0x2c) return false;
  }
};

const value = (depth: number): boolean => {
  if (depth > MAX_DEPTH) return false;
  switch (text.charCodeAt(at)) {
    case 0x7b:
      return object(depth);
    case 0x5b:
      return array(depth);
    case QUOTE:
      return string(true);
    case 0x74:
      return word('true');
    case 0x66:
      return word('false');
    case 0x6e:
      return word('null');
    default:
      return number();
  }
};

/** Whether `json` is exactly `canonicalJson(JSON.parse(json))`, for the texts described above. */
export const isCanonicalJsonText = (json: string): boolean => {
  text = json;
  at = 0;
  try {
    return value(0) && at === json.length;
  } finally {
    text = '';
  }
};

/** The members of a canonical object text: each one's key, and where it begins (its key's quote) and ends. */
export interface ObjectSpans {
  readonly keys: string[];
  readonly starts: number[];
  readonly ends: number[];
}

/** One record, refilled by every call: verifying reads one row's spans before it scans the next. */
const lastSpans: ObjectSpans = { keys: [], starts: [], ends: [] };

/**
 * The members of a canonical JSON object text, in key order, as spans of the text; undefined when `json` is
 * not recognised as a canonical object (see above). The answer is overwritten by the next call: read it first.
 */
export const canonicalObjectSpans = (json: string): Readonly<ObjectSpans> | undefined => {
  text = json;
  at = 0;
  lastSpans.keys.length = 0;
  lastSpans.starts.length = 0;
  lastSpans.ends.length = 0;
  spans = lastSpans;
  try {
    return json.charCodeAt(0) === 0x7b && object(0) && at === json.length ? lastSpans : undefined;
  } finally {
    text = '';
    spans = undefined;
  }
};

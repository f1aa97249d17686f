import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { canonicalObjectSpans, isCanonicalJsonText } from './canonical-text';

/** A seeded generator (mulberry32): the same texts on every run. The layer rules keep event-store from demo-data's copy. */
const random = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};


/** Characters that matter to canonical JSON: controls, quotes, backslash, slash, DEL, CJK, U+2028, pairs and lone surrogates. */
const CHARS = ['a', 'b', 'z', 'A', '0', '9', ' ', '"', '\\', '/', '\b', '\t', '\n', '\f', '\r', '\u0000', '\u001f', '\u007f', '内', '容', '\u2028', '😀', '\ud800', '\udfff', 'é'];
const KEYS = ['a', 'b', 'aa', 'B', '0', '1', '10', '9', '__proto__', 'constructor', 'ключ', '内容', 'a"b', 'a\\b', '\n', '😀', '\ud83d', ''];
const NUMBERS = [0, -0, 1, -1, 1.5, 0.1, 1e21, 1e-7, 123456789012345680000, 2 ** 53, -1e-300, 5e-324, Number.MAX_VALUE];

const generator = (next: () => number) => {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const string = (): string => Array.from({ length: Math.floor(next() * 6) }, () => pick(CHARS)).join('');
  const value = (depth: number): unknown => {
    const kind = Math.floor(next() * (depth > 3 ? 5 : 7));
    switch (kind) {
      case 0:
        return null;
      case 1:
        return next() < 0.5;
      case 2:
        return pick(NUMBERS);
      case 3:
      case 4:
        return string();
      case 5:
        return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default: {
        const object: Record<string, unknown> = {};
        for (let i = Math.floor(next() * 5); i > 0; i -= 1) Object.defineProperty(object, next() < 0.7 ? pick(KEYS) : string(), { value: value(depth + 1), enumerable: true, configurable: true, writable: true });
        return object;
      }
    }
  };
  return { value, pick };
};

/** Ways of writing the same value that are not canonical, and edits that are not even JSON. */
const variants = (json: string, value: unknown, next: () => number): string[] => {
  const i = Math.floor(next() * (json.length + 1));
  return [
    json,
    JSON.stringify(value) ?? 'null',
    JSON.stringify(value, null, 1) ?? 'null',
    `${json.slice(0, i)} ${json.slice(i)}`,
    `${json.slice(0, i)}${json.slice(i + 1)}`,
    json.replace('1', '1.0'),
    json.replace(/"(\w)/, '"\\u00$1'),
    json.replace('/', '\\/'),
    json.replace('e+', 'E+'),
    `${json},`,
    `[${json}]`,
  ];
};

/** canonicalJson of `value`, or undefined where it throws (a value it cannot write). */
const canonicalOrUndefined = (value: unknown): string | undefined => {
  try {
    return canonicalJson(value);
  } catch {
    return undefined;
  }
};

/** What the fast way claims: the text is exactly canonicalJson of what it parses to. */
const isReallyCanonical = (text: string): boolean => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  return canonicalOrUndefined(parsed) === text;
};

describe('isCanonicalJsonText', () => {
  it('recognises only text that canonicalJson gives back unchanged (20,000 random texts, seed 20241031)', () => {
    const next = random(20241031);
    const { value } = generator(next);
    let recognised = 0;
    for (let run = 0; run < 2_000; run += 1) {
      const v = value(0);
      const json = canonicalOrUndefined(v) ?? JSON.stringify(v);
      for (const text of variants(json, v, next)) {
        const fast = isCanonicalJsonText(text);
        if (fast) recognised += 1;
        // Never a false yes (that would hash a text the slow way would not); a no only costs time.
        if (fast) expect(isReallyCanonical(text), text).toBe(true);
      }
    }
    // The fast way is taken for most canonical texts (keys with escapes and lone surrogates are left out).
    expect(recognised).toBeGreaterThan(2_000);
  });

  it('recognises canonical text as the store writes it, and refuses the rest', () => {
    const data = { at: '2024-09-24T10:05:00+08:00', detail: '由吴泉俊（办事处副主任）包案，“四包”责任。\n第二行\t"引号"\\', item: 'leader', n: [1, 0.5, -2, 1e21, 1e-7, true, false, null], nested: { a: {}, b: [] } };
    expect(isCanonicalJsonText(canonicalJson(data))).toBe(true);
    expect(isCanonicalJsonText('{"a":"\\u0001\\u001f","b":"\u007f\u2028😀"}')).toBe(true);
    for (const text of ['{"b":1,"a":2}', '{"a":1,"a":1}', '{"a":1.0}', '{"a":-0}', '{"a":1e400}', '{"a":"\\u0008"}', '{"a":"\\u00E9"}', '{"a":"\\ud800"}', '{"a":"\ud800"}', '{"a":"\\/"}', '{"a\\n":1}', '{ "a":1}', '{"a":01}', '{"a":+1}', '{"a":1E+21}', '', '{"a":1}x', '{"a":tru}', '[1,]', '{"a":"\t"}']) {
      expect(isCanonicalJsonText(text), text).toBe(false);
    }
    // Nesting deeper than the fast way follows is left to the slow way.
    expect(isCanonicalJsonText(`${'['.repeat(70)}${']'.repeat(70)}`)).toBe(false);
    expect(isCanonicalJsonText(`${'['.repeat(60)}${']'.repeat(60)}`)).toBe(true);
  });
});

const isWritable = (value: unknown): boolean => canonicalOrUndefined(value) !== undefined;

describe('canonicalObjectSpans', () => {
  it('gives each member of a canonical object as its key and its text, in key order', () => {
    const next = random(7);
    const { value } = generator(next);
    let recorded = 0;
    for (let run = 0; run < 500; run += 1) {
      const object = { actor: { id: 't-1', role: 'office' }, causationId: 'c', x: value(0), 内容: value(0) };
      if (!isReallyCanonical(JSON.stringify(object)) && !isWritable(object)) continue;
      const json = canonicalJson(object);
      const spans = canonicalObjectSpans(json);
      if (spans === undefined) {
        expect(isCanonicalJsonText(json)).toBe(false);
        continue;
      }
      recorded += 1;
      const keys = Object.keys(object).sort();
      expect(spans.keys).toEqual(keys);
      expect(spans.keys.map((_key, i) => json.slice(spans.starts[i], spans.ends[i]))).toEqual(keys.map((key) => `${canonicalJson(key)}:${canonicalJson((object as Record<string, unknown>)[key])}`));
    }
    expect(recorded).toBeGreaterThan(100);
    expect(canonicalObjectSpans('{}')).toEqual({ keys: [], starts: [], ends: [] });
    expect(canonicalObjectSpans('[1]')).toBeUndefined();
    expect(canonicalObjectSpans('{"b":1,"a":2}')).toBeUndefined();
  });
});

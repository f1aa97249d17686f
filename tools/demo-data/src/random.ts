/*
 * A small seeded PRNG (mulberry32) and the helpers the generator draws with. Every random stream is
 * derived from the seed and a few integers naming what it is for (a case, a day, a person), so a draw
 * never depends on how many draws came before it elsewhere: the campaign is a pure function of the seed.
 */

/** A source of numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: 32 bits of state, good enough for synthetic data, and the same on every platform. */
export const mulberry32 = (seed: number): Random => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Mixes integers into one 32-bit seed (murmur3's finaliser after each word). */
export const hashInts = (...values: readonly number[]): number => {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + 0x27d4eb2f) >>> 0;
  }
  return h >>> 0;
};

/** What a stream is for: the first word of its seed, so that streams of different kinds never coincide. */
export const Stream = {
  cell: 1,
  case: 2,
  person: 3,
  roster: 4,
  report: 5,
  legacy: 6,
  period: 7,
  community: 8,
  leader: 9,
} as const;

/** A generator for one purpose: `rngFor(seed, Stream.case, 42)`. */
export const rngFor = (seed: number, ...words: readonly number[]): Random => mulberry32(hashInts(seed, ...words));

/** A whole number from `min` to `max`, both included. */
export const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** True with probability `p`. */
export const chance = (random: Random, p: number): boolean => random() < p;

/** One item, uniformly. */
export const pick = <T>(random: Random, items: readonly T[]): T => {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)] as T;
};

const tables = new WeakMap<object, { keys: string[]; weights: number[]; total: number }>();

/** One key of a table of weights, in proportion to its weight. Tables are read once (keep them constant). */
export const weighted = <K extends string>(random: Random, weights: Readonly<Partial<Record<K, number>>>): K => {
  let table = tables.get(weights);
  if (table === undefined) {
    const entries = Object.entries(weights).filter((e): e is [K, number] => typeof e[1] === 'number');
    table = { keys: entries.map(([k]) => k), weights: entries.map(([, w]) => w), total: entries.reduce((sum, [, w]) => sum + w, 0) };
    tables.set(weights, table);
  }
  let x = random() * table.total;
  for (let i = 0; i < table.keys.length; i += 1) {
    x -= table.weights[i] as number;
    if (x < 0) return table.keys[i] as K;
  }
  return table.keys[table.keys.length - 1] as K;
};

/** A count whose mean is `mean` (a Poisson draw; Knuth's method is fine for the small means used here). */
export const poisson = (random: Random, mean: number): number => {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
};

/** A standard normal draw (Box–Muller). */
export const normal = (random: Random): number => {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
};

/** `count` distinct items, in a random order. */
export const sample = <T>(random: Random, items: readonly T[], count: number): T[] => {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  return out;
};

/**
 * A small seeded PRNG for demo data. `Math.random` cannot be seeded, and demo data must be
 * reproducible: the same seed and scale give byte-identical files on every machine.
 *
 * Only integer arithmetic, + − × ÷ and sqrt (all exactly specified by IEEE 754) are used, never
 * sin/log/pow, whose last bit may differ between JavaScript engines.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-clean, 128-bit state) seeded
 * through cyrb128, a string hash that spreads any seed text over the four state words.
 */

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; `weights` and `items` have the same length. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A copy of `items` in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items (count ≤ items.length). */
  sample<T>(items: readonly T[], count: number): T[];
  /** `length` decimal digits as a string (leading zeros allowed). */
  digits(length: number): string;
  /**
   * An independent stream derived from this generator's seed and a label. Each dataset draws from its
   * own fork, so changing how many customers are made does not change the products.
   */
  fork(label: string): Random;
};

/** cyrb128: a 128-bit hash of a string as four 32-bit words. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 over a 128-bit state; returns 32-bit unsigned integers. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** A generator for `seed` (any text or number). */
export function createRandom(seed: string | number): Random {
  const seedText = String(seed);
  const [a, b, c, d] = cyrb128(seedText);
  const nextU32 = sfc32(a, b, c, d);
  // The first outputs of a fresh sfc32 are weakly mixed; skipping a few is the usual practice.
  for (let i = 0; i < 12; i++) nextU32();

  const next = () => nextU32() / 4294967296;
  const int = (min: number, max: number) => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min)
      throw new Error(`bad range ${min}..${max}`);
    return min + Math.floor(next() * (max - min + 1));
  };

  const random: Random = {
    next,
    int,
    chance: (p) => next() < p,
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted(items, weights) {
      if (items.length === 0 || items.length !== weights.length)
        throw new Error('weighted: items and weights differ');
      let total = 0;
      for (const w of weights) total += w;
      let roll = next() * total;
      for (let i = 0; i < items.length; i++) {
        roll -= weights[i]!;
        if (roll < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    sample(items, count) {
      if (count > items.length) throw new Error(`sample ${count} of ${items.length}`);
      return random.shuffle(items).slice(0, count);
    },
    digits(length) {
      let out = '';
      for (let i = 0; i < length; i++) out += String(Math.floor(next() * 10));
      return out;
    },
    fork: (label) => createRandom(`${seedText}\u0000${label}`),
  };
  return random;
}

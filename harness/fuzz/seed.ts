// Seeds for fuzzing. Mutant i depends on (seed, i) only, so any one of them can be rebuilt without
// generating the others: its randomness comes from mix(seed, i), never from a shared stream.

/** A 32-bit seed for mutant `index` of run `seed` (murmur3's finaliser over both halves of a safe integer). */
export function mix(seed: number, index: number): number {
  const hi = Math.floor(seed / 2 ** 32) | 0;
  let h = (seed | 0) ^ Math.imul(hi, 0x27d4eb2f) ^ Math.imul(index | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** mulberry32: a tiny deterministic [0, 1) generator. */
function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` with Math.random seeded. The profiles' baselines draw a nonce for the activity (ids,
 * the Actionable Messages limited-purpose token) from Math.random; seeding it for the duration of the
 * (synchronous) call makes the whole request, body included, a function of the seed. Restored after.
 */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

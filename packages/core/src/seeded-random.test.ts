import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';

/** mulberry32 as its author wrote it (signed arithmetic), to check the unsigned version against. */
function reference(seed: number) {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('seededRandom', () => {
  it.each([0, 1, 7, 20261207, 0xffffffff])('gives mulberry32 sequence for seed %i, in [0, 1)', (seed) => {
    const ours = seededRandom(seed);
    const theirs = reference(seed);
    for (let i = 0; i < 1000; i++) {
      const x = ours();
      expect(x).toBe(theirs());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('makes the same sequence again from one seed, and another from another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });
});

/** The typo scorer the name and topic look-ups use: Fuse.js's scores, computed without Fuse. */
import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { ApproximatePattern, fieldNorm, weighted } from '../../src/answers/approximate.js';

/** Fuse's ranked hits ([index, score]) of `pattern` over `texts`, as the engine configures it. */
function fuseHits(texts: string[], pattern: string, threshold: number, ignoreFieldNorm: boolean): [number, number][] {
  const fuse = new Fuse(texts.map((text) => ({ text })), { keys: ['text'], includeScore: true, ignoreLocation: true, ignoreFieldNorm, threshold });
  return fuse.search(pattern).map((hit) => [hit.refIndex, hit.score ?? 1]);
}

function ourHits(texts: string[], pattern: string, threshold: number, ignoreFieldNorm: boolean): [number, number][] {
  const approximate = new ApproximatePattern(pattern, threshold);
  return texts
    .map((text, index): [number, number, string] => [index, approximate.score(text.toLowerCase()), text])
    .filter(([, score]) => score < 1)
    .map(([index, score, text]): [number, number] => [index, weighted(score, ignoreFieldNorm ? 1 : fieldNorm(text))])
    .sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

describe('ApproximatePattern', () => {
  it('scores an exact text 0, an exact occurrence 0.001, a typo by errors per letter, a stranger 1', () => {
    const pattern = new ApproximatePattern('sanctions', 0.35);
    expect(pattern.score('sanctions')).toBe(0);
    expect(pattern.score('threatened sanctions')).toBe(0.001);
    expect(pattern.score('sanctons')).toBeCloseTo(1 / 9);
    expect(pattern.score('weather')).toBe(1);
  });

  it('ranks exactly as Fuse.js does, long patterns and accents included', () => {
    const letters = fc.constantFrom(...'abcde fgXY-é’'.split(''));
    const text = fc.array(letters, { minLength: 1, maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.array(letters, { minLength: 1, maxLength: 70 }).map((chars) => chars.join('')),
        fc.constantFrom(0.2, 0.35, 0.6),
        fc.boolean(),
        (texts, pattern, threshold, ignoreFieldNorm) => {
          const kept = texts.filter((candidate) => candidate.trim());
          fc.pre(kept.length > 0 && pattern.trim().length > 0);
          expect(ourHits(kept, pattern, threshold, ignoreFieldNorm)).toEqual(fuseHits(kept, pattern, threshold, ignoreFieldNorm));
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Typo and prefix look-ups over the engine's vocabulary. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance, Lexicon } from '../../src/answers/lexicon.js';

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(diagonal + (a[i - 1] === b[j - 1] ? 0 : 1), above + 1, (row[j - 1] ?? 0) + 1);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

const lexicon = new Lexicon();
for (const term of ['sanction', 'sanctions', 'sanctioned', 'cybersecur', 'cyber', 'hack', 'hacker', 'rice', 'price', '2015']) lexicon.add(term);
lexicon.seal();
const terms = (term: string, fuzzy: number | false, prefix: boolean) => lexicon.expand(term, { fuzzy, prefix }).map((expansion) => expansion.term);

describe('Lexicon', () => {
  it('expands a term to itself, the terms it begins, and the terms within the edit distance', () => {
    expect(terms('sanction', false, false)).toEqual(['sanction']);
    expect(terms('sanction', false, true).sort()).toEqual(['sanction', 'sanctioned', 'sanctions']);
    expect(terms('cybersecurty', 2, false)).toEqual(['cybersecur']);
    expect(terms('rice', 1, false).sort()).toEqual(['price', 'rice']);
    expect(terms('hakc', 1, false)).toEqual([]);
    expect(terms('france', 2, true)).toEqual([]);
  });

  it('weighs the term itself most, a prefix or typo match less', () => {
    const [exact, ...others] = lexicon.expand('sanction', { fuzzy: 1, prefix: true });
    expect(exact).toEqual({ term: 'sanction', weight: 1 });
    for (const other of others) expect(other.weight).toBeLessThan(1);
  });

  it('finds exactly the known terms within the distance (as callers ask: 1 from 4 letters, 2 from 7)', () => {
    const word = (minLength: number) => fc.array(fc.constantFrom(...'abcx'.split('')), { minLength, maxLength: 10 }).map((chars) => chars.join(''));
    const query = fc.oneof(fc.tuple(word(4), fc.constant(1)), fc.tuple(word(7), fc.constant(2)));
    fc.assert(
      fc.property(fc.uniqueArray(word(1), { minLength: 1, maxLength: 30 }), query, (known, [asked, distance]) => {
        const small = new Lexicon();
        known.forEach((term) => small.add(term));
        const found = small.expand(asked, { fuzzy: distance, prefix: false }).map((expansion) => expansion.term);
        expect(found.sort()).toEqual(known.filter((term) => levenshtein(asked, term) <= distance).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('bounds the edit distance it computes', () => {
    const row = new Uint8Array(64);
    expect(boundedDistance('kitten', 'sitting', 3, row)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 2, row)).toBe(3);
    expect(boundedDistance('abc', 'abcdef', 2, row)).toBe(3);
  });
});

/** Alias keys: the ASCII path of `normalizeName` (no Unicode normalisation) must give what the general one gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAnyName, normalizeName } from '../../src/summary/load.js';

describe('normalizeName', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalizeName("Mr. Xí Jinping's")).toBe('mr xi jinpings');
    expect(normalizeName('  U.S. National-Security  Adviser ')).toBe('u s national security adviser');
    expect(normalizeName('O’Brien')).toBe('obrien');
    expect(normalizeName('...')).toBe('');
  });

  it('reads ASCII text as the general path does', () => {
    const ascii = fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes));
    const nameLike = fc.array(fc.constantFrom('Xi', 'RICE', "o'neil", '-', '.', ' ', '\t', '\n', '2015', 'U.S.', "'", '_'), { maxLength: 12 }).map((parts) => parts.join(''));
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(ascii, nameLike), (name) => {
        // Words one space apart only need lower-casing: the quickest path.
        if (/^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/.test(name)) plain++;
        expect(normalizeName(name)).toBe(normalizeAnyName(name));
      }),
      { numRuns: 5000 },
    );
    expect(plain).toBeGreaterThan(100);
  });
});

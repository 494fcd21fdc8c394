/**
 * Document analysis and the name scan have fast paths for plain text, accented Latin letters included (see `plainWords.ts`):
 * they must give exactly the terms and words the general paths give, cyber joins and hyphens included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generalNameWords, nameWords } from '../../src/answers/names.js';
import { breaksPlain, isPlain, WordTable } from '../../src/answers/plainWords.js';
import { documentTerms, forEachGeneralTerm } from '../../src/answers/terms.js';

const generalTerms = (text: string) => {
  const terms: string[] = [];
  forEachGeneralTerm(text, (term) => terms.push(term));
  return terms;
};

/** Pieces news text is made of, and the characters that decide which path reads it. */
const PIECES = ['Cyber', 'cyber', 'attack', 'Xi', 'U.S.', 'united states', 'Rice’s', "Rice's", 'don’t', 'Müller', '9-11', '2,000', 'co-operate', 'cyber-security', ' ', '  ', '-', '--', '.', ',', '“', '”', '‘', '’', '—', '–', '…', '(', ')', 'a', 'B', '7', 'é', 'Ü', 'ÿ', 'Ñ', 'ß', 'Æ', 'ø', 'Ð', 'ª', '²', 'e\u0301', '中国'];

describe('documentTerms', () => {
  it('splits, stems and joins plain text as the general path does', () => {
    expect(documentTerms('Cyber-Attacks on Microsoft-owned servers')).toEqual(['cyberattack', 'cyber', 'attack', 'cyber', 'attack', 'microsoftown', 'microsoft', 'own', 'server']);
    expect(documentTerms('a cy-ber attack')).toEqual(['cyber', 'cy', 'ber', 'cyberattack', 'attack']);
    expect(documentTerms('a--b c-d- -e X-Y-Z')).toEqual(['cd', 'xyz']);
    expect(documentTerms('the CYBER security of 9-11')).toEqual(['cyber', 'cybersecur', 'secur', '911', '9', '11']);
    expect(documentTerms('Hackers lost 2,000 files')).toEqual(['hack', 'loss', '2', '000', 'file']);
    expect(documentTerms('Report 12-3 (item 0-0).')).toEqual(['report', '123', '12', '3', 'item', '00', '0', '0']);
  });

  it('gives the same terms for text the fast path reads and text it leaves to the general path', () => {
    // An apostrophe, "U.S." and an accent each send a text down the general path.
    expect(documentTerms("Cyber attacks on the U.S. and Rice's visit")).toEqual([
      ...documentTerms('Cyber attacks on the'),
      ...documentTerms('us and Rice visit'),
    ]);
    expect(documentTerms('Xí Jinping met Obama')).toEqual(documentTerms('Xi Jinping met Obama'));
  });

  it('reads any mix of words, digits, hyphens, quotes and dashes exactly as the general path does', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(''));
    let plain = 0;
    fc.assert(
      fc.property(text, (sample) => {
        if (isPlain(sample)) plain++;
        expect(documentTerms(sample)).toEqual(generalTerms(sample));
      }),
      { numRuns: 3000 },
    );
    // Both paths were exercised: the property compares something.
    expect(plain).toBeGreaterThan(100);
  });

  it('decides what is plain while reading the words, as the two expressions of isPlain do', () => {
    const table = new WordTable((word) => ({ word }));
    const pieces = [...PIECES, 'you.', 'UNITED STATES', 'United  States', 'unitedstates', 'disunited statesman', 'u', '`', 'États', 'Ù.', 'Ünited Stätes', 'ünitëd stâtes'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((parts) => parts.join(''));
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 40 })), (sample) => {
        const read = table.collect(sample, [], breaksPlain) >= 0;
        if (read) plain++;
        expect(read).toBe(isPlain(sample));
      }),
      { numRuns: 5000 },
    );
    expect(plain).toBeGreaterThan(500);
  });

  it('takes curly double quotes, dashes, ellipses and accented Latin letters as plain text, not apostrophes or other letters', () => {
    expect(isPlain('“We will not accept progress,” Xi said — again…')).toBe(true);
    expect(isPlain('Rice’s visit')).toBe(false);
    expect(isPlain('David Müller and José Núñez')).toBe(true);
    // Letters that do not decompose into an ASCII letter and an accent, and an accent typed on its own.
    for (const other of ['Søren', 'Straße', 'Ærø', 'Ðað', 'Jose\u0301', '习近平']) expect(isPlain(other)).toBe(false);
    // Folded, "Ù.S." and "Ünited States" are "u.s." and "united states": the general path rewrites them.
    expect(isPlain('the Ù.S. team')).toBe(false);
    expect(isPlain('the Ünited States team')).toBe(false);
  });

  it('reads accented Latin letters as the letters without their accents', () => {
    expect(documentTerms('David Müller met José Núñez in Zürich')).toEqual(documentTerms('David Muller met Jose Nunez in Zurich'));
    expect(generalTerms('David Müller met José Núñez in Zürich')).toEqual(documentTerms('David Muller met Jose Nunez in Zurich'));
  });
});

describe('nameWords', () => {
  it('reads any mix of words, digits, hyphens, quotes and dashes exactly as the general path does', () => {
    const text = fc.array(fc.constantFrom(...PIECES, 'Obama', 'MEng', "'"), { maxLength: 30 }).map((pieces) => pieces.join(''));
    let fast = 0;
    fc.assert(
      fc.property(text, (sample) => {
        if (!/['’中ßÆøÐª²]|\u0301/.test(sample)) fast++;
        expect(nameWords(sample)).toEqual(generalNameWords(sample));
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(100);
  });

  it('splits hyphenated words and drops typographic quotes and dashes, as a name key does', () => {
    expect(nameWords('“Xi-Jinping” met Susan Rice — again… in 2015')).toEqual(['xi', 'jinping', 'met', 'susan', 'rice', 'again', 'in', '2015']);
    expect(nameWords("Rice's aide")).toEqual(['rice', 'aide']);
    expect(nameWords('David Müller-Núñez')).toEqual(['david', 'muller', 'nunez']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, splitText, truncate } from '../../src/discord/limits.js';

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('Meng Jianzhu', 100)).toBe('Meng Jianzhu');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(truncate('Obama and Xi agreed in Washington on Sept. 25', 20)).toBe('Obama and Xi agreed…');
  });

  it('cuts mid-word when the only boundary is far back', () => {
    expect(truncate('Supercalifragilistic', 10)).toBe(`Supercali${ELLIPSIS}`);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(8)}😀😀😀`;
    const cut = truncate(text, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('always fits, for any text and limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000, unit: 'grapheme' }), fc.integer({ min: 1, max: 4096 }), (text, max) => {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(cut).toBe(text);
        else expect(cut.endsWith(ELLIPSIS)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitText', () => {
  it('splits at paragraph boundaries first', () => {
    expect(splitText('First paragraph here.\n\nSecond paragraph here.', 30)).toEqual([
      'First paragraph here.',
      'Second paragraph here.',
    ]);
  });

  it('every chunk fits and no word is lost', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 400 }), fc.integer({ min: 20, max: 2000 }), (words, max) => {
        const chunks = splitText(words.join(' '), max);
        for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(max);
        expect(chunks.join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
      }),
      { numRuns: 300 },
    );
  });
});

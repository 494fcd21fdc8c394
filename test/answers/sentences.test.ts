/** Article paragraphs cut into sentences (each a passage the free-question index searches). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/answers/passages.js';

describe('splitSentences', () => {
  it('ends sentences at stops, not after the abbreviations the articles use', () => {
    expect(splitSentences('Mr. Xi met U.S. officials on Sept. 25 in Washington. Scott W. Harold said so. Talks went on!')).toEqual([
      'Mr. Xi met U.S. officials on Sept. 25 in Washington.',
      'Scott W. Harold said so.',
      'Talks went on!',
    ]);
    expect(splitSentences('He said “no.” Then he left the room.')).toEqual(['He said “no.”', 'Then he left the room.']);
  });

  it('keeps every sentence an exact piece of the paragraph, in order, and drops pieces too short to matter', () => {
    expect(splitSentences('Yes. Well. The talks ended.')).toEqual(['The talks ended.']);
    const word = fc.constantFrom('Mr.', 'Sept.', 'U.S.', 'W.', 'Corp.', 'talks', 'ended.', 'Xi', 'said', 'No.', '2015.', 'Why?', '“Go.”', 'ACorp.', 'xSept.', 'a');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        const paragraph = words.join(' ');
        let from = 0;
        for (const sentence of splitSentences(paragraph)) {
          const at = paragraph.indexOf(sentence, from);
          expect(at).toBeGreaterThanOrEqual(from);
          expect(sentence.length).toBeGreaterThanOrEqual(8);
          from = at + sentence.length;
          // A sentence never ends right after an abbreviation, unless the paragraph ends there.
          if (/(?:\b(?:Mr|Sept|Corp|No)|\b[A-Z]|U\.S)\.$/.test(sentence)) expect(paragraph.endsWith(sentence)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

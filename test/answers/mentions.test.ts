/**
 * Finding the entities a text names (`NameResolver.mentionsIn`, which the passage index runs on
 * every article sentence): the longest alias wins, a name is read once, a lone word counts only
 * as an alias or a surname.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameResolver, nameWords } from '../../src/answers/names.js';
import type { WordEntry } from '../../src/answers/plainWords.js';
import { documentTerms, forEachTermOfWords, plainWordsOf } from '../../src/answers/terms.js';
import { briefing } from './engine.js';

const resolver = new NameResolver(briefing);
const found = (text: string) => resolver.mentionsIn(text).map(({ phrase, ids }) => `${phrase}=${ids.join('+')}`);

describe('mentionsIn', () => {
  it('reads the longest alias, then goes on after it', () => {
    expect(found('President Barack Obama met Xi')).toEqual(['president barack obama=barack-obama', 'xi=xi-jinping']);
    expect(found('the Federal Bureau of Investigation and the FBI director')).toEqual(['federal bureau of investigation=fbi', 'fbi=fbi']);
  });

  it('falls back to a shorter alias when a longer one starting alike does not finish', () => {
    // "president xi jingping" (sic) is an alias, "president xi jinping" is not: "president xi", then "jinping".
    expect(found('President Xi Jinping’s visit')).toEqual(['president xi=xi-jinping', 'jinping=xi-jinping']);
  });

  it('takes a lone word only as an alias or a surname', () => {
    expect(found('Susan Rice and Rice')).toEqual(['susan rice=susan-rice', 'rice=susan-rice']);
    expect(found('Barack said so')).toEqual([]);
    expect(found('The president said')).toEqual([]);
  });

  it('equals a brute-force scan that tries every alias length at every word', () => {
    const multiWord = new Map([...briefing.aliasIndex].filter(([alias]) => alias.includes(' ')));
    const longest = Math.max(...[...multiWord.keys()].map((alias) => alias.split(' ').length));
    const bruteForce = (text: string) => {
      const words = nameWords(text);
      const out: string[] = [];
      for (let start = 0; start < words.length; ) {
        let length = Math.min(longest, words.length - start);
        while (length >= 2 && !multiWord.has(words.slice(start, start + length).join(' '))) length--;
        if (length >= 2) {
          const phrase = words.slice(start, start + length).join(' ');
          out.push(`${phrase}=${multiWord.get(phrase)?.join('+')}`);
          start += length;
          continue;
        }
        // One word: whatever the resolver makes of that word alone.
        out.push(...found(words[start] ?? ''));
        start++;
      }
      return out;
    };
    const vocabulary = [...new Set([...briefing.aliasIndex.keys()].flatMap((alias) => alias.split(' ')))];
    const word = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('said', 'the', 'and', 'Mr.', 'U.S.', '—', 'zhang'));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.constantFrom(' ', ', ', ' — '), (words, separator) => {
        const text = words.join(separator);
        expect(found(text)).toEqual(bruteForce(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a plain sentence once for both its names and its terms, as the two separate readings would', () => {
    const word = fc.constantFrom('Susan', 'Rice', 'cyber', 'attack', 'cyber-attack', 'Xi-Jinping', 'U.S.', 'united', 'states', "Xi's", '“said”', '—', '-', 'report-2015', 'Zhang', 'the');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 14 }), fc.constantFrom(' ', ', ', ' - ', '--'), (words, separator) => {
        const text = words.join(separator);
        const entries: WordEntry[] = [];
        const count = plainWordsOf(text, entries);
        if (count < 0) return; // not plain: read by the separate general paths
        const read = entries.slice(0, count);
        expect(read.flatMap((entry) => entry.nameWords)).toEqual(nameWords(text));
        const terms: string[] = [];
        forEachTermOfWords(read, count, (term) => terms.push(term));
        expect(terms).toEqual(documentTerms(text));
      }),
      { numRuns: 3000 },
    );
  });
});

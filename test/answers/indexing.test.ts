/** The pieces the engine's indices are built from: shared analysis, BM25 postings, date spans. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, EventSpans } from '../../src/answers/eventSpans.js';
import { Lexicon } from '../../src/answers/lexicon.js';
import { JOINS_NEXT, mayJoinNext, TermCache } from '../../src/answers/termCache.js';
import { TermIndex, type TermRuns } from '../../src/answers/termIndex.js';
import { documentTerms, queryTerms } from '../../src/answers/terms.js';
import { briefing } from './engine.js';

/** The terms a field value stands for, in order, whether a list or runs of lists. */
const termsOf = (value: readonly string[] | TermRuns): string[] => (Array.isArray(value) ? [...value] : (value as TermRuns).runs.flat());

describe('mayJoinNext', () => {
  it('tells what JOINS_NEXT tells of the whole text, from its end only', () => {
    const pieces = ['cyber', 'CYBER', 'c-y-b-e-r', 'c-yber', 'united', 'Ünited', 'u', 'U', 'u.', '_u', 'xu', 'ſ', 'K', 'é', '𝐀', '😀', '中', '7', ' ', '  ', '.', '-', '—', '”', ',', 'report', 'a'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
    let joining = 0;
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 30 })), (sample) => {
        if (JOINS_NEXT.test(sample)) joining++;
        expect(mayJoinNext(sample)).toBe(JOINS_NEXT.test(sample));
      }),
      { numRuns: 5000 },
    );
    expect(joining).toBeGreaterThan(200);
  });
});

describe('TermCache', () => {
  it('analyses joined parts as the joined text would be', () => {
    const piece = fc.array(fc.constantFrom('cyber', 'U.', 'S.', 'united', 'states', 'attack', 'Xi’s', '“deal”', '-', 'report', '2015', 'a'), { maxLength: 6 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '. ', ': '), (parts, separator) => {
        expect(termsOf(new TermCache().joined(parts, separator))).toEqual(documentTerms(parts.join(separator)));
      }),
      { numRuns: 500 },
    );
  });

  it('analyses a context of texts and shared lists as all its texts joined by spaces', () => {
    const text = fc.array(fc.constantFrom('cyber', 'U.', 'S.', 'united', 'states', 'attack', 'Xi’s', '“deal”', '-', 'report', '2015', ''), { maxLength: 3 }).map((words) => words.join(' '));
    // A few lists that contexts share, as the names of an entity are.
    const lists = [['Xi Jinping', 'Xi'], ['U.', 'S. Embassy'], ['Cyber'], [], ['attack', 'united']];
    const piece = fc.oneof(text, fc.constantFrom(...lists));
    const cache = new TermCache();
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (pieces) => {
        expect(termsOf(cache.context(pieces))).toEqual(documentTerms(pieces.flat().join(' ')));
      }),
      { numRuns: 2000 },
    );
  });

  it('analyses a shared list of parts once, as its parts joined by spaces', () => {
    const cache = new TermCache();
    const names = ['Xi Jinping', 'U.', 'S. Embassy', 'cyber', 'attacks'];
    expect(termsOf(cache.sharedList(names))).toEqual(documentTerms(names.join(' ')));
    expect(cache.sharedList(names)).toBe(cache.sharedList(names));
  });
});

describe('TermIndex', () => {
  const items = ['China denies hacking US companies', 'Obama threatens sanctions over hacking', 'Xi visits Seattle and meets Boeing', 'Sanctions held off until after the visit'];
  const index = new TermIndex(new Lexicon(), items, (text) => ({ text }), { text: 1 });
  const find = (question: string, anchors: string[] = []) => index.find({ terms: queryTerms(question), anchors }).map((hit) => hit.item);

  it('finds items covering the question, typos and word forms forgiven, best covered first', () => {
    expect(find('sanctions hacking')).toEqual(['Obama threatens sanctions over hacking']);
    expect(find('sanctons').sort()).toEqual(['Obama threatens sanctions over hacking', 'Sanctions held off until after the visit']);
    expect(find('Boeing visit')[0]).toBe('Xi visits Seattle and meets Boeing');
  });

  it('requires every anchor and enough of the question', () => {
    expect(find('sanctions Obama', ['obama'])).toEqual(['Obama threatens sanctions over hacking']);
    expect(find('weather in Paris')).toEqual([]);
  });
});

describe('EventSpans', () => {
  it('orders days as their ISO dates do', () => {
    expect(dayNumber('2015-09-25')).toBe(20150925);
    expect(dayNumber('2014-12-31') < dayNumber('2015-01-01')).toBe(true);
  });

  it('filters events by the days their dates may mean, in date order', () => {
    const spans = new EventSpans(briefing.eventsByDate);
    const september = spans.filter((first, last) => last >= 20150901 && first <= 20150930);
    expect(september.length).toBeGreaterThan(0);
    for (const event of september) if (event.date.precision === 'day') expect(event.date.value.slice(0, 7)).toBe('2015-09');
    expect(spans.filter(() => true)).toEqual(briefing.eventsByDate);
    const pool = briefing.eventsByDate.slice(0, 3);
    expect(spans.filter(() => true, pool)).toEqual(pool);
  });
});

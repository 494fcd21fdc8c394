/**
 * Figures: a number with what it counts ("at least 25 Chinese companies",
 * "more than 20 million government employees", "19 million hacks"), for the
 * discrepancy checker to compare across articles.
 */
import type { Figure } from '../summary/schema.js';
import type { Token } from './nlp.js';
import type { AnalysedParagraph } from './spans.js';

export interface FigureFinding {
  paragraph: number;
  /** As written: "about two dozen". */
  value: string;
  /** A comparable number when the words give one. */
  normalized?: number;
  /** What is counted, as written: "Chinese companies". */
  counts: string;
  kind: Figure['kind'];
  /** The sentence, verbatim. */
  evidence: string;
}

const QUALIFIERS = ['more than', 'less than', 'fewer than', 'at least', 'at most', 'up to', 'as many as', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'some', 'over', 'an estimated'];
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, thousand: 1_000,
};
const MULTIPLIERS: Record<string, number> = { dozen: 12, dozens: 12, hundred: 100, hundreds: 100, thousand: 1_000, thousands: 1_000, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12 };
const VAGUE = new Set(['several', 'a', 'few', 'many']);
const TIME_UNITS = /^(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$/i;
const MONEY = /^(dollars?|yen|euros?|pounds?|yuan|renminbi)$|^[$€£¥]/i;

function isNumberToken(token: Token | undefined): boolean {
  if (!token) return false;
  const word = token.text.toLowerCase();
  return /^\d[\d,.]*\+?$/.test(token.text) || word in NUMBER_WORDS || word in MULTIPLIERS;
}

function normalise(words: string[]): number | undefined {
  let total: number | undefined;
  for (const word of words.map((w) => w.toLowerCase().replace(/,/g, '').replace(/\+$/, ''))) {
    // "several million", "millions of": no number to compare.
    if (VAGUE.has(word) || (/s$/.test(word) && MULTIPLIERS[word] !== undefined)) return undefined;
    const value = /^\d+(\.\d+)?$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (value !== undefined) total = total === undefined ? value : total + value;
    else if (MULTIPLIERS[word] !== undefined) total = (total ?? 1) * (MULTIPLIERS[word] ?? 1);
  }
  return total;
}

/** Figures in a paragraph; `skip` holds character ranges already read as dates. */
export function findFigures(paragraph: AnalysedParagraph, skip: readonly (readonly [number, number])[]): FigureFinding[] {
  const found: FigureFinding[] = [];
  for (const sentence of paragraph.sentences) {
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i];
      if (!token || !isNumberToken(token) || isNumberToken(tokens[i - 1])) continue;
      if (skip.some(([a, b]) => token.start >= a && token.start < b)) continue;
      // A bare year or a plain "one" is no figure.
      if (/^(1[89]|20)\d{2}$/.test(token.text) && !isNumberToken(tokens[i + 1])) continue;
      let from = i;
      if (VAGUE.has(tokens[i - 1]?.text.toLowerCase() ?? '') && (tokens[i]?.text.toLowerCase() ?? '') in MULTIPLIERS) from = i - 1;
      if (tokens[from - 1]?.text === '$') from -= 1;
      const lead = paragraph.text.slice(Math.max(sentence.start, (tokens[from]?.start ?? 0) - 20), tokens[from]?.start ?? 0).toLowerCase();
      const qualifier = QUALIFIERS.find((q) => lead.endsWith(`${q} `));
      let to = i + 1;
      while (isNumberToken(tokens[to]) || (tokens[to]?.text === 'of' && /s$/.test(tokens[to - 1]?.text ?? '') && (tokens[to - 1]?.text.toLowerCase() ?? '') in MULTIPLIERS)) to += 1;
      if (tokens[to - 1]?.text === 'of') to -= 1;
      // What is counted: the adjectives and nouns that follow ("of dollars" after "billions").
      let countFrom = to;
      if (tokens[countFrom]?.text === 'of' && /s$/.test(tokens[countFrom - 1]?.text ?? '')) countFrom += 1;
      let countTo = countFrom;
      while (countTo < tokens.length && countTo - countFrom < 5 && ['ADJ', 'NOUN', 'PROPN'].includes(tokens[countTo]?.pos ?? '')) countTo += 1;
      if (countTo === countFrom) continue;
      const start = tokens[from]?.start ?? 0;
      const numberEnd = tokens[to - 1]?.end ?? 0;
      const valueStart = qualifier ? start - qualifier.length - 1 : start;
      const value = paragraph.text.slice(valueStart, numberEnd);
      const counts = paragraph.text.slice(tokens[countFrom]?.start ?? 0, tokens[countTo - 1]?.end ?? 0);
      const words = tokens.slice(from, to).map((t) => t.text).filter((word) => word !== '$' && word !== 'of');
      if (words.length === 1 && /^(one|a)$/i.test(words[0] ?? '')) continue;
      const kind: Figure['kind'] = TIME_UNITS.test(counts.split(' ')[0] ?? '') ? 'duration' : MONEY.test(counts) || tokens[from]?.text === '$' ? 'amount' : 'count';
      const normalized = normalise(words);
      found.push({
        paragraph: paragraph.index,
        value,
        ...(normalized !== undefined ? { normalized } : {}),
        counts,
        kind,
        evidence: paragraph.text.slice(sentence.start, sentence.end),
      });
      i = to - 1;
    }
  }
  return found;
}

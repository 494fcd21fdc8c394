/** Where things are in the article body, and the verbatim snippets cut from it. */
import type { Sentence, Token } from './nlp.js';

export interface AnalysedParagraph {
  index: number;
  text: string;
  sentences: Sentence[];
  /** Character ranges inside quotation marks (the marks included). */
  quoted: readonly (readonly [number, number])[];
}

/** A place in the body: paragraph, then character offset. */
export interface Place {
  paragraph: number;
  start: number;
  end: number;
}

export function comparePlaces(a: Place, b: Place): number {
  return a.paragraph - b.paragraph || a.start - b.start;
}

export function isBefore(a: Place, b: Place): boolean {
  return comparePlaces(a, b) < 0;
}

export function sentenceAt(paragraph: AnalysedParagraph, offset: number): Sentence | undefined {
  return paragraph.sentences.find((sentence) => offset >= sentence.start && offset < sentence.end)
    ?? paragraph.sentences.find((sentence) => offset <= sentence.end);
}

export function insideQuotes(paragraph: AnalysedParagraph, start: number, end = start + 1): boolean {
  return paragraph.quoted.some(([open, close]) => start >= open && end <= close);
}

/** The sentence's text, trimmed of the spaces the tokens do not cover. */
export function sentenceText(paragraph: AnalysedParagraph, sentence: Sentence): string {
  return paragraph.text.slice(sentence.start, sentence.end);
}

/**
 * A verbatim snippet around [start, end): widened to whole words and to at
 * least `min` characters, never past the paragraph.
 */
export function snippet(text: string, start: number, end: number, min = 12): string {
  let from = start;
  let to = end;
  while (to - from < min && (from > 0 || to < text.length)) {
    if (from > 0) from -= 1;
    if (to < text.length) to += 1;
  }
  while (from > 0 && /\S/.test(text[from - 1] ?? '')) from -= 1;
  while (to < text.length && /\S/.test(text[to] ?? '')) to += 1;
  // A comma or semicolon glued to the last word belongs to the sentence, not to the snippet.
  while (to - from > min && /[,;:]/.test(text[to - 1] ?? '')) to -= 1;
  return text.slice(from, to).trim();
}

export const isWordToken = (token: Token | undefined): token is Token => !!token && token.pos !== 'PUNCT' && token.pos !== 'SYM';

/** Lowercase kebab-case id from any text: "Josh Earnest" → "josh-earnest". */
export function kebab(text: string, maxWords = 8): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/** Straight and curly double quotation marks; single quotes are left alone (they double as apostrophes). */
export function findQuotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open: number | undefined;
  let straightOpen: number | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '“') open ??= i;
    else if (char === '”') {
      if (open !== undefined) ranges.push([open, i + 1]);
      open = undefined;
    } else if (char === '"') {
      if (straightOpen === undefined) straightOpen = i;
      else {
        ranges.push([straightOpen, i + 1]);
        straightOpen = undefined;
      }
    }
  }
  // A quotation still open at the end of the paragraph runs on (news style for multi-paragraph quotes).
  const unclosed = open ?? straightOpen;
  if (unclosed !== undefined) ranges.push([unclosed, text.length]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

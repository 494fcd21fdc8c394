/**
 * Unnamed sources, as news copy introduces them: "a senior U.S. administration
 * official", "several sources knowledgeable about ...", "multiple U.S. and
 * Chinese sources", "the U.S. ambassador to China".
 */
export interface AnonymousMention {
  /** The description without its determiner or quantifier, e.g. "senior U.S. administration official". */
  phrase: string;
  /** The description as written, quantifier included ("multiple U.S. and Chinese sources"). */
  written: string;
  /** The noun it is built on: "official", "sources", "ambassador". */
  head: string;
  start: number;
  end: number;
}

const WORD = String.raw`[A-Za-z][\w.’'-]*`;
const SINGULAR_SOURCE = new RegExp(
  String.raw`\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:${WORD}\s+){0,5}?(official|source|diplomat|aide|officer))\b(?![-’'])`,
  'g',
);
const PLURAL_SOURCES = new RegExp(
  String.raw`\b((?:[Ss]everal|[Mm]ultiple|[Tt]wo|[Tt]hree|[Ff]our|[Vv]arious|[Oo]ther)\s+(?:${WORD}\s+){0,4}?(sources))` +
    String.raw`((?:\s+(?:knowledgeable about|familiar with|close to|briefed on|with knowledge of)\s+[^,;]+?)?)` +
    String.raw`(?=\s*(?:,|;|\.(?:\s|$)|$)|\s+(?:said|say|says|told))`,
  'g',
);
const UNNAMED_ENVOY = new RegExp(String.raw`\bthe\s+((?:[A-Z][\w.]*\s+)?(ambassador|envoy|consul)\s+to\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)(?!\s*,?\s+[A-Z][a-z])`, 'g');
const QUANTIFIER = /^(?:several|multiple|two|three|four|various|other)\s+/i;

/** Lower-case words that cannot stand between "a" and the head of a source's description. */
const NOT_IN_DESCRIPTION = /\b(?:at|of|in|on|to|for|by|with|from|the|and|or|who|that|which|held|is|was)\s/;
/** A "source" is a person only when described as one ("a source familiar with ..."); otherwise "a source of tension". */
const SOURCE_AS_PERSON = /^\s+(?:familiar|close|with|who|said|says|told|briefed)\b/;

/**
 * Unnamed sources in paragraph[from, to). `isAdjective(offset)` tells whether the word at that
 * offset is used as an adjective ("the official residence"), from the tagger.
 */
export function findAnonymous(paragraph: string, from: number, to: number, isAdjective: (offset: number) => boolean = () => false): AnonymousMention[] {
  const sentence = paragraph.slice(from, to);
  const found: AnonymousMention[] = [];
  for (const match of sentence.matchAll(SINGULAR_SOURCE)) {
    const phrase = match[1] ?? '';
    const head = match[2] ?? '';
    const end = (match.index ?? 0) + match[0].length;
    const start = from + end - phrase.length;
    if (NOT_IN_DESCRIPTION.test(`${phrase} `.slice(0, -head.length - 1)) || isAdjective(from + end - head.length)) continue;
    if (head === 'source' && !SOURCE_AS_PERSON.test(sentence.slice(end))) continue;
    found.push({ phrase, written: phrase, head, start, end: from + end });
  }
  for (const match of sentence.matchAll(PLURAL_SOURCES)) {
    const written = `${match[1] ?? ''}${match[3] ?? ''}`;
    const start = from + (match.index ?? 0);
    const qualified = (match[3] ?? '').trim().length > 0;
    // "several sources knowledgeable about X" is named by its qualification; "multiple U.S. and Chinese sources" as written.
    const phrase = qualified ? written.replace(QUANTIFIER, '') : written;
    found.push({ phrase, written, head: 'sources', start, end: start + written.length });
  }
  for (const match of sentence.matchAll(UNNAMED_ENVOY)) {
    const whole = match[1] ?? '';
    // The sentence's full stop is not part of "China", but the one of "U.S." is.
    const phrase = /(?:^|\s)[^\s.]{2,}\.$/.test(whole) ? whole.slice(0, -1) : whole;
    const start = from + (match.index ?? 0) + match[0].length - whole.length;
    found.push({ phrase, written: phrase, head: match[2] ?? 'ambassador', start, end: start + phrase.length });
  }
  return found;
}

/** "the official", "the senior administration official", "the mayor": a back-reference to a source or person named before. */
export const DEFINITE_SOURCE = /\bthe\s+((?:[A-Za-z][\w.’'-]*\s+){0,4}?)([a-z][\w-]*)$/i;

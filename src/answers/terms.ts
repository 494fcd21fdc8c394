/**
 * Text analysis shared by every index and by question parsing: fold case and
 * accents, split into words, drop stopwords, stem (Porter2), and map a few
 * equivalent forms so that a question's words meet the articles' words
 * ("Chinese" ~ "China", "U.S." ~ "United States", "cyber security" ~ "cybersecurity").
 */
import stem from 'wink-eng-lite-web-model/dist/porter-stemmer.js';
import { breaksPlain, NON_ASCII, WordTable, type WordEntry } from './plainWords.js';

/** Words that carry no subject: question words, auxiliaries, pronouns, filler. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any anyone anything are as at be been before being both but by ' +
    'can could did do does doing done during each either else ever exactly for from further get gets got give had has have having ' +
    'he her here hers him his how i if in into is it its just know let like many may me might more most much must my ' +
    'no nor not now of off on once one only or other our ours out over own please really said same say says saying shall she should ' +
    'so some something such tell than that the their theirs them then there these they thing things this those through to too ' +
    'under until up very was we were what whats when where whether which while who whom whose why will with would yes yet you your ' +
    'happen happened happening happens occur occurred take took place ' +
    'next last later now soon still again ever today tomorrow yesterday currently'
  ).split(' '),
);

/** Same thing, other words: mapped before stemming, on both sides. */
const EQUIVALENTS: ReadonlyMap<string, string> = new Map([
  ['chinese', 'china'],
  ['american', 'us'],
  ['americans', 'us'],
  ['america', 'us'],
  ['usa', 'us'],
  ['advisor', 'adviser'],
  ['advisors', 'adviser'],
  ['sceptical', 'skeptical'],
  ['behaviour', 'behavior'],
  ['defence', 'defense'],
  ['organisation', 'organization'],
  ['organisations', 'organization'],
  ['penalising', 'penalizing'],
  ['hackers', 'hack'],
  ['hacker', 'hack'],
  ['lose', 'loss'],
  ['lost', 'loss'],
  ['losing', 'loss'],
]);


/** Typographic quotes and dashes, common in articles: ASCII stand-ins that every later step treats alike. */
const TYPOGRAPHIC = /[‘’“”—–…]/g;
const ASCII_FOR: Readonly<Record<string, string>> = { '‘': "'", '’': "'", '“': ',', '”': ',', '—': ',', '–': ',', '…': ',' };

/** Accents removed (NFKD, marks dropped), skipping Unicode normalisation when only typographic punctuation is not ASCII. */
function withoutAccents(text: string): string {
  const plain = text.replace(TYPOGRAPHIC, (char) => ASCII_FOR[char] ?? char);
  return NON_ASCII.test(plain) ? plain.normalize('NFKD').replace(/\p{M}/gu, '') : plain;
}

/** Lowercase, accents and curly quotes removed, "U.S." and "United States" written "us". */
function foldText(text: string): string {
  // Each step only when its trigger is there: most text is plain ASCII with no "U.S." in it.
  let folded = NON_ASCII.test(text) ? withoutAccents(text) : text;
  folded = folded.toLowerCase();
  if (/[’‘`]/.test(folded)) folded = folded.replace(/[’‘`]/g, "'");
  if (folded.includes('u.')) folded = folded.replace(/\bu\.\s?s\.(?:\s?a\.)?/g, 'us ');
  if (folded.includes('united states')) folded = folded.replace(/\bunited states\b/g, 'us');
  if (folded.includes("'")) folded = folded.replace(/'s\b/g, '').replace(/'/g, '');
  return folded;
}

/** Words of a folded text; hyphenated words stay whole ("cyber-attacks"). */
function rawWords(folded: string): string[] {
  return (NON_ASCII.test(folded) ? folded.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) : folded.match(/[a-z0-9]+(?:-[a-z0-9]+)*/g)) ?? [];
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/** Porter2 stem after the equivalence map; "-ment" nouns meet their verbs ("agreement" ~ "agreed"). */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const base = EQUIVALENTS.get(word) ?? word;
  let stemmed = /^\d/.test(base) ? base : stem(base);
  if (stemmed.length > 7 && stemmed.endsWith('ment')) stemmed = stem(stemmed.slice(0, -4));
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}

const isContent = (word: string) => !STOPWORDS.has(word) && (word.length > 1 || /\d/.test(word));

/** A word's own terms: its stem, a hyphenated word's parts, "cyberX" split. Remembered: documents share most words. */
const wordTermsCache = new Map<string, readonly string[]>();

function wordTerms(word: string): readonly string[] {
  const cached = wordTermsCache.get(word);
  if (cached) return cached;
  const terms: string[] = [];
  const parts = word.split('-');
  const joined = parts.length > 1 ? parts.join('') : word;
  if (isContent(joined)) terms.push(stemWord(joined));
  if (parts.length > 1) for (const part of parts) if (isContent(part)) terms.push(stemWord(part));
  if (joined.startsWith('cyber') && joined.length > 8) terms.push('cyber', stemWord(joined.slice(5)));
  if (wordTermsCache.size >= STEM_CACHE_MAX) wordTermsCache.clear();
  wordTermsCache.set(word, terms);
  return terms;
}

/**
 * Terms to index for a document: every content word's stem, hyphenated words
 * both whole and in parts, and "cyber X" / "cyberX" in all three forms.
 */
export function documentTerms(text: string): string[] {
  const terms: string[] = [];
  forEachDocumentTerm(text, (term) => terms.push(term));
  return terms;
}

const isCyber = (word: string) => word === 'cyber' || (word.includes('-') && word.replace(/-/g, '') === 'cyber');

let plainEntries: WordEntry[] | undefined = [];

const plainWords = new WordTable<WordEntry>((word) => ({ word, terms: wordTerms(word), cyber: isCyber(word), nameWords: word.includes('-') ? word.split('-') : [word] }));

/**
 * The words of a plain text (see `isPlain`) written to `into` from its start, and how many; -1 for
 * a text that is not plain. Entries past the count are left as they were.
 */
export function plainWordsOf(text: string, into: WordEntry[]): number {
  return plainWords.collect(text, into, breaksPlain);
}

/** The document terms of a plain text's words (`plainWordsOf`): the same terms, in the same order, as `documentTerms`. */
export function forEachTermOfWords(entries: readonly WordEntry[], count: number, emit: (term: string) => void): void {
  // "cyber" and the next word are joined when that word is read.
  for (let index = 0; index < count; index++) {
    const entry = entries[index] as WordEntry;
    if (index > 0 && (entries[index - 1] as WordEntry).cyber) emit(stemWord(`cyber${entry.word.replace(/-/g, '')}`));
    for (const term of entry.terms) emit(term);
  }
}

/** `documentTerms` one by one, in the same order, without building the list (index builds read millions). */
export function forEachDocumentTerm(text: string, emit: (term: string) => void): void {
  // One list of words reused for every text (index builds read hundreds of thousands); taken while
  // its words are emitted, so a nested call, should an `emit` ever make one, gets a list of its own.
  const entries = plainEntries ?? [];
  plainEntries = undefined;
  try {
    const count = plainWordsOf(text, entries);
    if (count >= 0) {
      forEachTermOfWords(entries, count, emit);
      return;
    }
  } finally {
    plainEntries = entries;
  }
  forEachGeneralTerm(text, emit);
}

/** The general path of `forEachDocumentTerm`, for any text; exported so tests can hold the fast path to it. */
export function forEachGeneralTerm(text: string, emit: (term: string) => void): void {
  const words = rawWords(foldText(text));
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    for (const term of wordTerms(word)) emit(term);
    const next = words[index + 1];
    if (next && isCyber(word)) emit(stemWord(`cyber${next.replace(/-/g, '')}`));
  }
}

/** Terms of a question: one per content word, "cyber X" joined into one. Deduplicated, in order. */
export function queryTerms(text: string): string[] {
  const terms: string[] = [];
  const words = rawWords(foldText(text)).map((word) => word.replace(/-/g, ''));
  for (let index = 0; index < words.length; index += 1) {
    let word = words[index] ?? '';
    const next = words[index + 1];
    if (word === 'cyber' && next && !STOPWORDS.has(next)) {
      word = `cyber${next}`;
      index += 1;
    }
    if (isContent(word)) terms.push(stemWord(word));
  }
  return [...new Set(terms)];
}

/** Words that are titles or forms of address, not names ("President Xi", "Mr. Ma"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr doctor prof professor sir president vice premier chairman chairwoman chair secretary director ' +
    'general gen adviser advisor minister ambassador senator rep representative governor state councilor councillor ' +
    'spokesman spokeswoman deputy chief national security the former us chinese'
  ).split(' '),
);

/**
 * Terms a matching document must contain: numbers and capitalised words
 * (names) after the first word, titles excluded. "How many hacks did Microsoft suffer" → ["microsoft"].
 */
export function anchorTerms(text: string): string[] {
  const anchors: string[] = [];
  const tokens = text.normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];
  tokens.forEach((token, index) => {
    const clean = token.replace(/['’]s$/i, '').replace(/[.'’]+$/g, '');
    const folded = foldText(clean).replace(/[^\p{L}\p{N}]/gu, '');
    if (!folded || STOPWORDS.has(folded) || TITLE_WORDS.has(folded)) return;
    if (/^\d/.test(clean) || (index > 0 && /^\p{Lu}/u.test(clean))) anchors.push(stemWord(folded));
  });
  return [...new Set(anchors)];
}

/**
 * The searchable pieces of the briefing for free questions: every sentence of
 * every article (its own verbatim evidence) and every summary fact (events,
 * quotes, roles, figure values) with its first source.
 */
import type { Briefing, LoadedArticle } from '../summary/load.js';
import type { Event, FactDate, Quote, SourceRef } from '../summary/schema.js';
import type { NameResolver } from './names.js';
import type { WordEntry } from './plainWords.js';
import type { ContextPiece } from './termCache.js';
import { forEachTermOfWords, plainWordsOf } from './terms.js';

export type PassageKind = 'sentence' | 'event' | 'quote' | 'role' | 'figure';

export interface Passage {
  kind: PassageKind;
  /** What the answer shows. */
  text: string;
  /** When `text` joins other texts (an event's title and summary): them and the joiner, for analysing each once. */
  parts?: { texts: readonly string[]; separator: string };
  /**
   * Extra words a question may use (names, aliases, context): texts and lists of texts (an
   * entity's names) indexed as if joined by spaces, so names recurring in thousands of contexts
   * are analysed once (see `TermCache.context`).
   */
  context: readonly ContextPiece[];
  label?: string;
  date?: FactDate;
  sources: readonly SourceRef[];
  event?: Event;
  quote?: Quote;
}

/** Sentence ends, except after abbreviations the articles use ("U.S.", "Sept.", "Mr.", "W."). */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|Inc|Co|Corp|vs)|\b[A-Z]|U\.S|U\.K|U\.N)\.$/;

/** Characters before a full stop that `ABBREVIATION` needs to see: four letters at most ("Sept"), and the one before them for `\b`. */
const ABBREVIATION_REACH = 6;

/** Where a sentence ends: one expression for every paragraph (an index build splits tens of thousands). */
const SENTENCE_END = /[.!?][”"’)]*\s+(?=[“"‘(]?[A-Z0-9])/g;
/** Shorter pieces are not sentences worth a passage. */
const SENTENCE_MIN = 8;

/** Splits a paragraph into sentences, each an exact substring of it. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = SENTENCE_END;
  boundary.lastIndex = 0;
  let start = 0;
  for (let match = boundary.exec(paragraph); match; match = boundary.exec(paragraph)) {
    const end = match.index + match[0].trimEnd().length;
    if (ABBREVIATION.test(paragraph.slice(Math.max(start, match.index - ABBREVIATION_REACH), match.index + 1))) continue;
    const sentence = paragraph.slice(start, end).trim();
    if (sentence.length >= SENTENCE_MIN) sentences.push(sentence);
    start = match.index + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest.length >= SENTENCE_MIN) sentences.push(rest);
  return sentences;
}

/**
 * A passage whose text joins two others ("title. summary"): the joined text is made only when an
 * answer shows it, since the index reads the parts (one build makes tens of thousands of these).
 */
class JoinedPassage implements Passage {
  readonly parts: { texts: readonly string[]; separator: string };

  constructor(
    readonly kind: PassageKind,
    first: string,
    second: string,
    separator: string,
    readonly context: readonly ContextPiece[],
    readonly sources: readonly SourceRef[],
    readonly event?: Event,
    readonly date?: FactDate,
  ) {
    this.parts = { texts: [first, second], separator };
  }

  get text(): string {
    return this.parts.texts.join(this.parts.separator);
  }
}

/** An article sentence, its own evidence: the source is made only when an answer cites it. */
class SentencePassage implements Passage {
  readonly kind = 'sentence';

  constructor(
    readonly text: string,
    readonly context: readonly ContextPiece[],
    private readonly article: string,
  ) {}

  get sources(): readonly SourceRef[] {
    return [{ article: this.article, evidence: this.text }];
  }
}

const NO_CONTEXT: readonly ContextPiece[] = [];

/** More candidates than this and a mention adds no names to a sentence's context. */
const AMBIGUOUS_MENTION_MAX = 8;

export interface BuiltPassages {
  passages: Passage[];
  /**
   * The terms of the article sentences read while finding their names (plain text), by the passage's
   * place in `passages`, for the index build; undefined for the other passages.
   */
  sentenceTerms: readonly (readonly string[] | undefined)[];
}

export function buildPassages(briefing: Briefing, names: NameResolver): BuiltPassages {
  // An entity's names: one list per entity, shared by every context naming it.
  const namesOf = (id: string) => names.allNamesOf(id);
  const passages: Passage[] = [];
  const sentenceTerms: (readonly string[] | undefined)[] = [];

  // Sentences naming the same people share one context, a list of all their names.
  const contexts = new Map<string, readonly ContextPiece[]>();
  // The entities a sentence names: one list for all sentences (most name none), `count` long.
  const mentioned: string[] = [];
  let count = 0;
  const mention = (_: string, ids: readonly string[]) => {
    // A name shared by many entities ("Zhang" in a large corpus) says nothing about
    // which one the sentence means; listing them all would make each context, and the
    // index build, grow with the square of the corpus.
    if (ids.length <= AMBIGUOUS_MENTION_MAX) for (const id of ids) mentioned[count++] = id;
  };
  // A plain sentence is read once: its words give both its terms and the names it mentions.
  const entries: WordEntry[] = [];
  const words: string[] = [];
  const addSentences = (article: LoadedArticle) => {
    for (const paragraph of article.paragraphs) {
      for (const sentence of splitSentences(paragraph)) {
        count = 0;
        const read = plainWordsOf(sentence, entries);
        const terms: string[] = [];
        if (read >= 0) {
          let wordCount = 0;
          for (let index = 0; index < read; index++) for (const word of (entries[index] as WordEntry).nameWords) words[wordCount++] = word;
          names.forEachMentionOfWords(words, wordCount, mention);
          forEachTermOfWords(entries, read, (term) => terms.push(term));
        } else names.forEachMention(sentence, mention);
        let context = NO_CONTEXT;
        if (count > 0) {
          const ids = mentioned.slice(0, count);
          const key = ids.join('\u0000');
          const known = contexts.get(key);
          if (known === undefined) contexts.set(key, (context = [names.namesOf(ids)]));
          else context = known;
        }
        if (read >= 0) sentenceTerms[passages.length] = terms;
        passages.push(new SentencePassage(sentence, context, article.id));
      }
    }
  };
  briefing.articleList.forEach(addSentences);

  for (const event of briefing.summary.events) {
    passages.push(new JoinedPassage('event', event.title, event.summary, '. ', [...event.actors.map(namesOf), event.location ?? ''], event.sources, event, event.date));
  }
  for (const quote of briefing.summary.quotes) {
    const speaker = quote.speaker ? namesOf(quote.speaker) : [quote.speakerLabel ?? ''];
    passages.push({
      kind: 'quote',
      text: quote.text,
      context: [quote.context, speaker],
      label: speaker[0],
      sources: quote.sources,
      quote,
    });
  }
  for (const entity of briefing.summary.entities) {
    for (const role of entity.roles) {
      const context = role.organization ? [namesOf(entity.id), namesOf(role.organization)] : [namesOf(entity.id)];
      passages.push(new JoinedPassage('role', entity.name, role.title, ': ', context, role.sources));
    }
  }
  for (const figure of briefing.summary.figures) {
    for (const value of figure.values) {
      passages.push(new JoinedPassage('figure', figure.subject, value.value, ': ', [figure.keywords], value.sources));
    }
  }
  return { passages, sentenceTerms };
}

/**
 * The searchable pieces of the briefing for free questions: every sentence of
 * every article (its own verbatim evidence) and every summary fact (events,
 * quotes, roles, figure values) with its first source.
 */
import type { Briefing, LoadedArticle } from '../summary/load.js';
import type { Event, FactDate, Quote, SourceRef } from '../summary/schema.js';
import type { NameResolver } from './names.js';

export type PassageKind = 'sentence' | 'event' | 'quote' | 'role' | 'figure';

export interface Passage {
  kind: PassageKind;
  /** What the answer shows. */
  text: string;
  /** When `text` joins other texts (an event's title and summary): them and the joiner, for analysing each once. */
  parts?: { texts: readonly string[]; separator: string };
  /**
   * Extra words a question may use (names, aliases, context): separate texts, indexed as if
   * joined by spaces, so a name recurring in thousands of contexts is analysed once.
   */
  context: readonly string[];
  label?: string;
  date?: FactDate;
  sources: readonly SourceRef[];
  event?: Event;
  quote?: Quote;
}

/** Sentence ends, except after abbreviations the articles use ("U.S.", "Sept.", "Mr.", "W."). */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|Inc|Co|Corp|vs)|\b[A-Z]|U\.S|U\.K|U\.N)\.$/;

/** Splits a paragraph into sentences, each an exact substring of it. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?][”"’)]*\s+(?=[“"‘(]?[A-Z0-9])/g;
  let start = 0;
  for (let match = boundary.exec(paragraph); match; match = boundary.exec(paragraph)) {
    const end = match.index + match[0].trimEnd().length;
    const candidate = paragraph.slice(start, end);
    if (ABBREVIATION.test(paragraph.slice(start, match.index + 1))) continue;
    sentences.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((sentence) => sentence.length >= 8);
}

function joined(texts: readonly string[], separator: string): Pick<Passage, 'text' | 'parts'> {
  return { text: texts.join(separator), parts: { texts, separator } };
}

/** More candidates than this and a mention adds no names to a sentence's context. */
const AMBIGUOUS_MENTION_MAX = 8;

export function buildPassages(briefing: Briefing, names: NameResolver): Passage[] {
  const namesOf = (ids: readonly string[]) => names.namesOf(ids);
  const passages: Passage[] = [];

  // Sentences naming the same people share one context.
  const contexts = new Map<string, readonly string[]>();
  const addSentences = (article: LoadedArticle) => {
    for (const paragraph of article.paragraphs) {
      for (const sentence of splitSentences(paragraph)) {
        // A name shared by many entities ("Zhang" in a large corpus) says nothing about
        // which one the sentence means; listing them all would make each context, and the
        // index build, grow with the square of the corpus.
        const mentioned: string[] = [];
        names.forEachMention(sentence, (_, ids) => {
          if (ids.length <= AMBIGUOUS_MENTION_MAX) mentioned.push(...ids);
        });
        const key = mentioned.join('\u0000');
        let context = contexts.get(key);
        if (context === undefined) contexts.set(key, (context = namesOf(mentioned)));
        passages.push({
          kind: 'sentence',
          text: sentence,
          context,
          sources: [{ article: article.id, evidence: sentence }],
        });
      }
    }
  };
  briefing.articleList.forEach(addSentences);

  for (const event of briefing.summary.events) {
    passages.push({
      kind: 'event',
      ...joined([event.title, event.summary], '. '),
      context: [...namesOf(event.actors), event.location ?? ''],
      date: event.date,
      sources: event.sources,
      event,
    });
  }
  for (const quote of briefing.summary.quotes) {
    const speaker = quote.speaker ? namesOf([quote.speaker]) : [quote.speakerLabel ?? ''];
    passages.push({
      kind: 'quote',
      text: quote.text,
      context: [quote.context, ...speaker],
      label: speaker[0],
      sources: quote.sources,
      quote,
    });
  }
  for (const entity of briefing.summary.entities) {
    for (const role of entity.roles) {
      passages.push({
        kind: 'role',
        ...joined([entity.name, role.title], ': '),
        context: namesOf([entity.id, ...(role.organization ? [role.organization] : [])]),
        sources: role.sources,
      });
    }
  }
  for (const figure of briefing.summary.figures) {
    for (const value of figure.values) {
      passages.push({
        kind: 'figure',
        ...joined([figure.subject, value.value], ': '),
        context: figure.keywords,
        sources: value.sources,
      });
    }
  }
  return passages;
}

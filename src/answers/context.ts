/**
 * Everything the commands share, built once when the engine is created:
 * name and topic resolvers, full-text indices, article cards. Commands only
 * read it, so answering never rebuilds anything.
 */
import type { Briefing } from '../summary/load.js';
import type { Event, Figure, Quote, SourceRef } from '../summary/schema.js';
import { articleCard, citationCache, CitationList, type ArticleCard } from './citations.js';
import { EventSpans } from './eventSpans.js';
import { deepFreeze } from './freeze.js';
import { Lexicon } from './lexicon.js';
import { NameResolver } from './names.js';
import { buildPassages, type Passage } from './passages.js';
import { TermIndex } from './termIndex.js';
import { TermCache } from './termCache.js';
import { TopicResolver } from './topics.js';
import type { Answer } from './types.js';

export interface EngineContext {
  readonly briefing: Briefing;
  readonly names: NameResolver;
  readonly topics: TopicResolver;
  readonly cards: ReadonlyMap<string, ArticleCard>;
  readonly eventIndex: TermIndex<Event>;
  readonly quoteIndex: TermIndex<Quote>;
  readonly figureIndex: TermIndex<Figure>;
  readonly passageIndex: TermIndex<Passage>;
  /** "MM-DD" keys of day-precision events, sorted. */
  readonly monthDays: readonly string[];
  /** First and last day each event's date may mean (see `factDateSpan`), computed once; all events in date order. */
  readonly spans: EventSpans;
  /** Events dated to a day, exactly or approximately, by "MM-DD" of that day; earliest first. */
  readonly eventsByDay: ReadonlyMap<string, readonly Event[]>;
  /** Events dated at least to the month, by "MM"; earliest first. */
  readonly eventsByMonth: ReadonlyMap<string, readonly Event[]>;
  citations(): CitationList;
  /** Answers that never change (brief, help, sources), computed once and frozen. */
  remember(key: string, build: () => Answer): Answer;
  entityName(id: string): string;
}

export function createContext(briefing: Briefing): EngineContext {
  // One vocabulary for every index: a question's words are expanded (typos, prefixes) once.
  const lexicon = new Lexicon();
  const names = new NameResolver(briefing, lexicon);
  // The same sentences, titles, actors and speakers recur across indices and items: analyse each once.
  const analysed = new TermCache();
  const namesOf = (ids: readonly string[]) => analysed.context(ids.map((id) => names.allNamesOf(id)));
  const topicWords = (ids: readonly string[]) =>
    analysed.joined(
      ids.flatMap((id) => {
        const topic = briefing.topics.get(id);
        return topic ? [topic.name, ...topic.keywords] : [];
      }),
      ' ',
    );
  const evidenceOf = (sources: readonly SourceRef[]) => sources.map((source) => source.evidence);
  const figureValues = (figure: Figure) => figure.values.flatMap((value) => [value.value, ...evidenceOf(value.sources)]);
  // A figure's values and evidence are indexed twice (as passages, and with the figure): kept from the start.
  for (const figure of briefing.summary.figures) figureValues(figure).forEach((text) => analysed.of(text));
  const cards = new Map(briefing.articleList.map((article) => [article.id, articleCard(article)]));
  const citeSource = citationCache(cards);

  const { passages, sentenceTerms } = buildPassages(briefing, names);
  const passageIndex = new TermIndex<Passage>(
    lexicon,
    passages,
    (passage, index) => ({
      text: passage.parts
        ? analysed.joined(passage.parts.texts, passage.parts.separator)
        : passage.kind === 'sentence'
          ? (sentenceTerms[index] ?? analysed.peek(passage.text))
          : analysed.of(passage.text),
      // Sentences naming the same entities share their context list (see `buildPassages`).
      context: analysed.context(passage.context),
    }),
    { text: 2, context: 1 },
  );
  const knows = (term: string) => passageIndex.has(term);

  const eventIndex = new TermIndex<Event>(
    lexicon,
    briefing.eventsByDate,
    (event) => ({
      title: analysed.of(event.title),
      summary: analysed.joined([event.summary, event.location ?? '', event.date.phrase], ' '),
      names: namesOf(event.actors),
      // Read once, as it is indexed: an article sentence's own passage reads it as it splits the article.
      evidence: evidenceOf(event.sources).join(' '),
    }),
    { title: 2, summary: 1, names: 1.5, evidence: 0.5 },
    knows,
  );
  const quoteIndex = new TermIndex<Quote>(
    lexicon,
    briefing.summary.quotes,
    (quote) => ({
      text: analysed.of(quote.text),
      context: analysed.peek(quote.context),
      topics: topicWords(quote.topics),
      names: quote.speaker ? namesOf([quote.speaker]) : analysed.of(quote.speakerLabel ?? ''),
    }),
    { text: 2, context: 1, topics: 0.5, names: 1 },
    knows,
  );
  const figureIndex = new TermIndex<Figure>(
    lexicon,
    briefing.summary.figures,
    (figure) => ({
      subject: analysed.of(figure.subject),
      keywords: analysed.of(figure.keywords.join(' ')),
      values: analysed.joined(figureValues(figure), ' '),
    }),
    { subject: 2, keywords: 2, values: 1 },
    knows,
  );
  lexicon.seal();
  analysed.clear();
  const remembered = new Map<string, Answer>();
  return {
    briefing,
    remember: (key, build) => {
      let answer = remembered.get(key);
      if (!answer) remembered.set(key, (answer = deepFreeze(build())));
      return answer;
    },
    names,
    topics: new TopicResolver(briefing.topics),
    cards,
    eventIndex,
    quoteIndex,
    figureIndex,
    passageIndex,
    monthDays: [...briefing.eventsByMonthDay.keys()].sort(),
    spans: new EventSpans(briefing.eventsByDate),
    eventsByDay: groupEvents(briefing.eventsByDate, (event) =>
      event.date.precision === 'day' || event.date.precision === 'approximate' ? event.date.value.slice(5) : undefined,
    ),
    eventsByMonth: groupEvents(briefing.eventsByDate, (event) => (event.date.precision === 'year' ? undefined : event.date.value.slice(5, 7))),
    citations: () => new CitationList(citeSource),
    entityName: (id) => briefing.entities.get(id)?.name ?? id,
  };
}

function groupEvents(events: readonly Event[], keyOf: (event: Event) => string | undefined): Map<string, Event[]> {
  const groups = new Map<string, Event[]>();
  for (const event of events) {
    const key = keyOf(event);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return groups;
}

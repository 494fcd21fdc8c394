/**
 * The summary is grounded: every fact's evidence, every quotation and every
 * date phrase is found verbatim in the cited article's body (cut from the file
 * by the loader's rule), every reference resolves, and every name the
 * articles use is covered by an entity alias. Real files, no mocks.
 */
import { describe, expect, it } from 'vitest';
import { loadBriefing, normalizeName } from '../../src/summary/load.js';
import type { FactDate, SourceRef } from '../../src/summary/schema.js';

const briefing = loadBriefing();
const { summary } = briefing;
const bodyOf = (articleId: string) => briefing.articles.get(articleId)?.paragraphs ?? [];
const inBody = (articleId: string, text: string) => bodyOf(articleId).some((paragraph) => paragraph.includes(text));

/** Every `{article, evidence}` object anywhere in the summary, with where it sits. */
function allSourceRefs(): { where: string; ref: SourceRef }[] {
  const found: { where: string; ref: SourceRef }[] = [];
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${where}[${index}]`));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.article === 'string' && typeof record.evidence === 'string') found.push({ where, ref: record as unknown as SourceRef });
      for (const [key, child] of Object.entries(record)) walk(child, where ? `${where}.${key}` : key);
    }
  };
  walk({ entities: summary.entities, events: summary.events, quotes: summary.quotes, figures: summary.figures }, '');
  return found;
}

describe('grounding of the summary', () => {
  it('covers every article with facts', () => {
    for (const article of summary.articles) expect(briefing.factsPerArticle.get(article.id), article.id).toBeGreaterThanOrEqual(10);
    expect(summary.entities.length).toBeGreaterThanOrEqual(40);
    expect(summary.events.length).toBeGreaterThanOrEqual(15);
    expect(summary.quotes.length).toBeGreaterThanOrEqual(20);
  });

  it('finds every evidence snippet verbatim in the body of its article', () => {
    const refs = allSourceRefs();
    expect(refs.length).toBeGreaterThan(100);
    const missing = refs.filter(({ ref }) => !inBody(ref.article, ref.evidence)).map(({ where, ref }) => `${where}: ${ref.evidence}`);
    expect(missing).toEqual([]);
  });

  it('finds every quotation verbatim, inside its own evidence', () => {
    for (const quote of summary.quotes) {
      const [first] = quote.sources;
      expect(first, quote.id).toBeDefined();
      expect(inBody(first!.article, quote.text), quote.id).toBe(true);
      expect(first!.evidence, quote.id).toContain(quote.text);
    }
  });

  it('grounds every date: stated phrases are in a cited article, inferred ones say how', () => {
    const check = (date: FactDate, articles: string[], where: string) => {
      expect(
        articles.some((article) => inBody(article, date.phrase)),
        `${where}: phrase "${date.phrase}" not found in ${articles.join(', ')}`,
      ).toBe(true);
      if (date.basis === 'inferred') expect(date.reasoning, where).toMatch(/\w{4,}/);
      if (date.precision === 'approximate') expect(date.basis === 'inferred' || Boolean(date.earliest), where).toBe(true);
    };
    for (const event of summary.events) check(event.date, event.sources.map((source) => source.article), `events.${event.id}`);
    for (const quote of summary.quotes) if (quote.said) check(quote.said, quote.sources.map((source) => source.article), `quotes.${quote.id}`);
  });

  it('dates every article, inferring from the text only with reasoning', () => {
    for (const article of briefing.articleList) {
      if (article.published.basis === 'inferred') {
        expect(article.published.reasoning, article.id).toBeTruthy();
        expect(article.paragraphs.join('\n').includes(article.published.phrase), article.id).toBe(true);
      }
    }
  });

  it('gives each alias to one entity only', () => {
    const shared = [...briefing.aliasIndex].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([]);
  });

  it('records which articles mention each entity, and each entity is mentioned', () => {
    for (const entity of summary.entities) expect(briefing.articlesMentioning.get(entity.id)?.length, entity.id).toBeGreaterThan(0);
    expect(briefing.articlesMentioning.get('xi-jinping')).toHaveLength(5);
    expect(briefing.articlesMentioning.get('meng-jianzhu')).toEqual(expect.arrayContaining(['sanctions-threat', 'heralding']));
  });
});

/**
 * Capitalised words that are not people or organisations. Each group says why.
 * A name an article uses that is neither an alias nor listed here fails the test.
 */
const NOT_ENTITIES = new Set(
  [
    // Places (the governments are entities; these are the places themselves)
    'Seattle', 'Hangzhou-headquartered', 'West Coast', 'NEW YORK', 'Beijing', 'Washington', 'China', 'United States', 'US', 'U.S.',
    // Nationalities and adjectives
    'Chinese', 'American', 'Russian', 'Sino-US', 'U.S.-China', 'Asia-Pacific', 'Congressional',
    // Common nouns capitalised in the texts
    'Internet', 'Cabinet', 'Summit', 'Photo', 'Possibility', 'U.S. Sanctions Are Still', // a subheading
    // Dates
    'April', 'June', 'August', 'September', 'Sept.', 'Tuesday', 'Thursday', 'Friday', 'Saturday',
    // Titles (the people carrying them are entities)
    'President', 'Mr.', 'Dr.', 'Secretary', 'Director', 'Deputy Director', 'Vice Chairman', 'State Councilor', 'National Security', 'National Security Advisor',
    // Words that start sentences
    'A', 'An', 'According', 'Acknowledging', 'Although', 'And', 'But', 'Cyberespionage', 'Despite', 'First', 'Hacking', 'He', 'His', 'However',
    'I', 'If', 'In', 'It', 'It’s', 'Let', 'Much', 'Nevertheless', 'Not', 'Or', 'Others', 'She', 'So', 'Speaking', 'That', 'The', 'They',
    'This', 'Those', 'We', 'We’ve',
  ].map(normalizeName),
);

const ABBREVIATIONS = /^(U\.S\.|Mr\.|Dr\.|Sept\.|[A-Z]\.)$/;
const CONNECTORS = new Set(['of', 'for', 'the', 'on']);

/** Runs of capitalised words, e.g. "Central Politics and Law Commission" → split at "and". */
function capitalisedRuns(paragraph: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => {
    while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!)) run.pop();
    if (run.length > 0) runs.push(run.join(' '));
    run = [];
  };
  for (const raw of paragraph.split(/\s+/)) {
    const word = raw.replace(/^[“‘"'([]+/, '').replace(/[”’"')\],;:!?]+$/, '').replace(/[’']s$/, '');
    if (/^\p{Lu}/u.test(word)) {
      const endsSentence = /\.$/.test(word) && !ABBREVIATIONS.test(word);
      run.push(endsSentence ? word.slice(0, -1) : word);
      if (endsSentence || /[,;:”]$/.test(raw)) flush();
    } else if (run.length > 0 && CONNECTORS.has(word)) run.push(word);
    else flush();
  }
  flush();
  return runs;
}

describe('entity coverage', () => {
  const aliases = [...briefing.aliasIndex.keys()];
  // A run is covered when it contains an alias ("Chinese President Xi Jinping") or is part of one
  // ("Central Politics", from "Central Politics and Law Commission", split at "and").
  // Leading titles and connectors are dropped first: "Secretary of the Central Political" → "Central Political".
  const coveredByAlias = (run: string) => {
    const words = run.split(' ');
    while (words.length > 1 && (NOT_ENTITIES.has(normalizeName(words[0]!)) || CONNECTORS.has(words[0]!))) words.shift();
    const name = ` ${normalizeName(words.join(' '))} `;
    return aliases.some((alias) => name.includes(` ${alias} `) || ` ${alias} `.includes(name));
  };
  const coveredByAllowList = (run: string) =>
    NOT_ENTITIES.has(normalizeName(run)) || run.split(' ').every((word) => NOT_ENTITIES.has(normalizeName(word)) || CONNECTORS.has(word));

  it('covers every capitalised name in the article bodies with an entity alias or a listed exception', () => {
    const uncovered = new Set<string>();
    for (const article of briefing.articleList)
      for (const paragraph of article.paragraphs)
        for (const run of capitalisedRuns(paragraph))
          if (!coveredByAlias(run) && !coveredByAllowList(run)) uncovered.add(`${article.id}: ${run}`);
    expect([...uncovered]).toEqual([]);
  });

  it('finds the names in a sentence the way the test expects', () => {
    expect(capitalisedRuns('Obama and visiting Chinese President Xi Jinping agreed in Washington on Sept. 25 that')).toEqual([
      'Obama',
      'Chinese President Xi Jinping',
      'Washington on Sept.',
    ]);
    expect(capitalisedRuns('secretary of the Central Politics and Law Commission of the Chinese Communist Party and a member')).toEqual([
      'Central Politics',
      'Law Commission of the Chinese Communist Party',
    ]);
  });
});

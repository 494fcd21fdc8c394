/**
 * The extractor on the five seed articles, scored against the curated
 * summary with the matching rules of src/ingest/evaluate.ts: the issue's
 * targets (F1 ≥ 0.9 for people, event dates and quote speakers) must hold.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, f1, textsOverlap, withoutArticle } from '../../src/ingest/evaluate.js';
import { DEFAULT_DATA_DIR, loadBriefing } from '../../src/summary/load.js';

const briefing = loadBriefing();

describe('ingest:eval on the seed articles', () => {
  const result = evaluate(briefing, DEFAULT_DATA_DIR);

  it.each(['people', 'dates', 'quotes'] as const)('meets F1 ≥ 0.9 for %s', (category) => {
    const score = result.scores[category];
    expect(score.tp).toBeGreaterThan(0);
    expect(f1(score), JSON.stringify(result.misses[category])).toBeGreaterThanOrEqual(0.9);
  });

  it('counts every curated item once: found plus missed equals the curated total', () => {
    const curatedQuotes = briefing.summary.quotes.filter((q) => q.speaker).length;
    expect(result.scores.quotes.tp + result.scores.quotes.fn).toBe(curatedQuotes);
    const curatedPeople = briefing.articleList.reduce(
      (sum, article) => sum + [...briefing.articlesMentioning].filter(([id, articles]) => briefing.entities.get(id)?.kind === 'person' && articles.includes(article.id)).length,
      0,
    );
    expect(result.scores.people.tp + result.scores.people.fn).toBe(curatedPeople);
  });
});

describe('the matching rules', () => {
  it('lets quotation texts match on containment or most of their words, not on a few shared ones', () => {
    expect(textsOverlap('China is a staunch defender of cybersecurity', '“China is a staunch defender of cybersecurity and also a victim,”')).toBe(true);
    expect(textsOverlap('We have had 19 million hacks against our company.', 'We have had 19 million hacks against our firm')).toBe(true);
    expect(textsOverlap('We came to listen', 'We are preparing a number of measures')).toBe(false);
  });

  it('scores event linking against the other articles only', () => {
    const known = withoutArticle(briefing, 'heralding');
    for (const event of known.events?.values() ?? []) expect(event.sources.every((source) => source.article !== 'heralding')).toBe(true);
    // An event only the Heralding reports is gone; one others report keeps their sources.
    expect(known.events?.has('clapper-testifies')).toBe(false);
    expect(known.events?.get('opm-breach')?.sources.length).toBeGreaterThan(0);
  });
});

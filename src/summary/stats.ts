import type { Briefing } from './load.js';
import type { Figure } from './schema.js';

/** Sources give different values for the same thing: they disagree, or write it differently. */
export function isDiscrepancy(figure: Figure): boolean {
  return figure.verdict === 'conflict' || figure.verdict === 'wording';
}

export interface SummaryCounts {
  articles: number;
  entities: number;
  people: number;
  organizations: number;
  events: number;
  quotes: number;
  figures: number;
  discrepancies: number;
  topics: number;
}

export function countSummary(briefing: Briefing): SummaryCounts {
  const { summary } = briefing;
  return {
    articles: summary.articles.length,
    entities: summary.entities.length,
    people: summary.entities.filter((entity) => entity.kind === 'person').length,
    organizations: summary.entities.filter((entity) => entity.kind === 'organization').length,
    events: summary.events.length,
    quotes: summary.quotes.length,
    figures: summary.figures.length,
    discrepancies: summary.figures.filter(isDiscrepancy).length,
    topics: summary.topics.length,
  };
}

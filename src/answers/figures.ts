/** Figures ("how many…"): every source's value, flagged as a discrepancy when they differ. */
import { isDiscrepancy } from '../summary/stats.js';
import type { Figure } from '../summary/schema.js';
import { capitalize } from './common.js';
import type { EngineContext } from './context.js';
import type { Hit, QueryTerms } from './termIndex.js';
import type { Answer } from './types.js';

export interface FigureSearch {
  /** Only figures of these kinds (e.g. dates for "when" questions). */
  kinds?: readonly Figure['kind'][];
  /** The noun a "how many" question counts: a figure must be about it. */
  head?: string;
}

/** The figure a question asks about, when one covers the question's words and names. */
export function findFigure(ctx: EngineContext, query: QueryTerms, search: FigureSearch = {}): Hit<Figure> | undefined {
  const { kinds, head } = search;
  return ctx.figureIndex.find(query, {
    minCoverage: head ? 0.5 : 0.6,
    limit: 1,
    ...(head ? { required: [head] } : {}),
    ...(kinds ? { filter: (figure: Figure) => kinds.includes(figure.kind) } : {}),
  })[0];
}

export function figureAnswer(ctx: EngineContext, figure: Figure): Answer {
  const citations = ctx.citations();
  const differ = isDiscrepancy(figure);
  const outletOf = (article: string) => ctx.cards.get(article)?.outlet ?? article;
  const items = figure.values.map((value) => ({
    label: [...new Set(value.sources.map((source) => outletOf(source.article)))].join('; '),
    text: value.value,
    cites: citations.citeAll(value.sources, 3),
  }));
  return {
    kind: differ ? 'discrepancy' : 'search',
    title: capitalize(figure.subject),
    body: [
      {
        type: 'line',
        text: differ
          ? `The sources differ${figure.verdict === 'wording' ? ' in wording' : ''}: each one's value, with the article it comes from.`
          : `What the sources say${figure.values.length > 1 ? ', each with its article' : ''}:`,
        cites: [],
      },
      { type: 'list', items },
      { type: 'line', text: figure.note, cites: [] },
    ],
    citations: citations.citations,
    suggestions: figure.topics.slice(0, 2).map((topic) => `/timeline topic:${topic}`),
  };
}

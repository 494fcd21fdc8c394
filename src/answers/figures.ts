/** Figures ("how many…"): every source's value, flagged as a discrepancy when they differ. */
import { isDiscrepancy } from '../summary/stats.js';
import type { Figure } from '../summary/schema.js';
import { capitalize } from './common.js';
import type { EngineContext } from './context.js';
import type { CitationList } from './citations.js';
import type { Hit, QueryTerms } from './termIndex.js';
import { queryTerms } from './terms.js';
import type { Answer, ListItem } from './types.js';

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

/** A disputed figure in one line: each value with the outlets giving it, and the curator's note. */
export function disputeItem(ctx: EngineContext, figure: Figure, citations: CitationList): ListItem {
  const outlets = (sources: Figure['values'][number]['sources']) => sources.map((source) => ctx.cards.get(source.article)?.outlet ?? source.article).join(', ');
  return {
    text: `${capitalize(figure.subject)}: ${figure.values.map((value) => `${value.value} (${outlets(value.sources)})`).join(' vs ')}. ${figure.note}`,
    cites: figure.values.flatMap((value) => citations.citeAll(value.sources, 1)),
  };
}

/**
 * Where the sources disagree: about `subject` when one of the disputed figures is about it,
 * else every disputed figure (real conflicts first), saying when none is about the subject.
 */
export function disagreementsAnswer(ctx: EngineContext, subject?: string): Answer {
  const disputed = ctx.briefing.summary.figures.filter(isDiscrepancy);
  // "about anything", "about it": no subject at all.
  const terms = subject ? queryTerms(subject) : [];
  const about = terms.length > 0 ? subject : undefined;
  if (about) {
    const [hit] = ctx.figureIndex.find({ terms, anchors: [] }, { minCoverage: 0.5, limit: 1, filter: isDiscrepancy });
    if (hit) return figureAnswer(ctx, hit.item);
  }
  const citations = ctx.citations();
  const ordered = [...disputed.filter((figure) => figure.verdict === 'conflict'), ...disputed.filter((figure) => figure.verdict !== 'conflict')];
  const opening = about
    ? `I found no disagreement between the sources about “${about.slice(0, 80)}”. Where they do disagree:`
    : `The sources disagree on ${ordered.length} point${ordered.length === 1 ? '' : 's'} (real conflicts first, then differences of wording):`;
  return {
    kind: 'discrepancy',
    title: 'Where the sources disagree',
    body:
      ordered.length > 0
        ? [
            { type: 'line', text: opening, cites: [] },
            { type: 'list', items: ordered.map((figure) => disputeItem(ctx, figure, citations)) },
          ]
        : [{ type: 'line', text: 'The sources agree on every figure this briefing records.', cites: [] }],
    citations: citations.citations,
    suggestions: ['/brief', '/sources'],
  };
}

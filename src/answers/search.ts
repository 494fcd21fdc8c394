/**
 * The fallback for free questions: the article sentences and summary facts
 * that cover the question's words and every name or number in it. Nothing
 * covering enough of the question → "not in the sources", never a near miss.
 */
import { notFound, quoted } from './common.js';
import type { EngineContext } from './context.js';
import { formatFactDate, shorten } from './dates.js';
import { SEARCH_RESULTS_MAX } from './limits.js';
import type { Passage } from './passages.js';
import { speakerName } from './quote.js';
import type { QueryTerms } from './termIndex.js';
import type { Answer, ListItem } from './types.js';

/** A question of one or two words must match them all; longer ones may paraphrase a little. */
function minimumCoverage(termCount: number): number {
  return termCount <= 2 ? 1 : 0.6;
}

export function searchAnswer(ctx: EngineContext, question: string, query: QueryTerms): Answer {
  const hits = ctx.passageIndex.find(query, { minCoverage: minimumCoverage(query.terms.length), limit: SEARCH_RESULTS_MAX * 3 });
  if (hits.length === 0) return notInSources(ctx, question);

  const best = hits[0]?.coverage ?? 0;
  const citations = ctx.citations();
  const seen = new Set<string>();
  const items: ListItem[] = [];
  for (const hit of hits) {
    // Only the hits as good as the best one: weaker ones would be near misses.
    if (hit.coverage < best || items.length >= SEARCH_RESULTS_MAX) break;
    const key = hit.item.sources[0]?.evidence ?? hit.item.text;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(passageItem(ctx, hit.item, citations.citeAll(hit.item.sources, hit.item.kind === 'sentence' ? 1 : 2)));
  }
  return {
    kind: 'search',
    title: `About “${shorten(question, 80)}”`,
    body: [
      { type: 'line', text: 'What the sources say that matches your question:', cites: [] },
      { type: 'list', items },
    ],
    citations: citations.citations,
    suggestions: ['/brief'],
  };
}

function passageItem(ctx: EngineContext, passage: Passage, cites: number[]): ListItem {
  switch (passage.kind) {
    case 'event':
      return { label: passage.date ? formatFactDate(passage.date) : undefined, text: passage.event?.title ?? passage.text, ...(passage.date ? { date: passage.date } : {}), cites };
    case 'quote':
      return { label: passage.quote ? speakerName(ctx, passage.quote) : passage.label, text: quoted(passage.text), cites };
    case 'sentence':
      return { label: ctx.cards.get(passage.sources[0]?.article ?? '')?.outlet, text: passage.text, cites };
    default:
      return { text: passage.text, cites };
  }
}

export function notInSources(ctx: EngineContext, question: string): Answer {
  return notFound(
    'Not in the sources',
    [
      `The articles this bot covers don’t say anything that answers “${shorten(question, 120)}”.`,
      `They cover one story (${ctx.briefing.summary.story.title}); anything else, such as later events or general knowledge, is outside them.`,
    ],
    ['/brief', '/help'],
  );
}

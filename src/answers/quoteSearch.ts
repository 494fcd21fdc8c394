/** Quotes found by their words ("Who said China is a victim of hacking?"), for the `ask` router. */
import { quoted } from './common.js';
import type { EngineContext } from './context.js';
import { QUOTES_MAX } from './limits.js';
import type { Question } from './question.js';
import { speakerName } from './quote.js';
import type { Answer } from './types.js';

export function quoteSearchAnswer(ctx: EngineContext, question: Question): Answer | undefined {
  const hits = ctx.quoteIndex.find(question.query, { minCoverage: 0.6, limit: QUOTES_MAX });
  if (hits.length === 0) return undefined;
  const citations = ctx.citations();
  return {
    kind: 'quote',
    title: 'Quotes matching your question',
    body: [
      {
        type: 'list',
        items: hits.map(({ item }) => ({
          label: speakerName(ctx, item),
          text: `${quoted(item.text)} — ${item.context}`,
          cites: citations.citeAll(item.sources, 1),
        })),
      },
    ],
    citations: citations.citations,
    suggestions: [],
  };
}

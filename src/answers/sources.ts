/** `sources`: the articles the briefing is built from, and how much each one supports. */
import type { EngineContext } from './context.js';
import { splitSentences } from './passages.js';
import type { Answer, ListItem } from './types.js';

const OUTLET_NOTES = {
  stated: '',
  inferred: ' (outlet inferred from the page)',
  unknown: ' (the page names no outlet)',
} as const;

export function sourcesAnswer(ctx: EngineContext): Answer {
  const citations = ctx.citations();
  const items: ListItem[] = ctx.briefing.articleList.map((article) => {
    const card = ctx.cards.get(article.id);
    const facts = ctx.briefing.factsPerArticle.get(article.id) ?? 0;
    const firstSentence = splitSentences(article.paragraphs[0] ?? '')[0] ?? article.paragraphs[0] ?? article.title;
    const date = `${card?.date ?? article.published.value}${card?.dateInferred ? ' (date inferred: the page prints none)' : ''}`;
    return {
      label: `${article.outlet}${OUTLET_NOTES[article.outletBasis]}`,
      text: `“${article.title}”${article.titleBasis === 'editorial' ? ' (descriptive title: the page has no headline)' : ''} — ${date} — ${article.file} — supports ${facts} fact${facts === 1 ? '' : 's'}`,
      cites: [citations.cite({ article: article.id, evidence: firstSentence })],
    };
  });
  return {
    kind: 'sources',
    title: `Sources: ${items.length} article${items.length === 1 ? '' : 's'}`,
    body: [
      { type: 'line', text: 'Every answer is drawn from these articles and cites the one it comes from.', cites: [] },
      { type: 'list', items },
    ],
    citations: citations.citations,
    suggestions: ['/brief', '/timeline'],
  };
}

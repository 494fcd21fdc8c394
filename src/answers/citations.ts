/**
 * Builds an answer's citation list: each source reference becomes one
 * numbered citation, shared when the same snippet backs several statements.
 */
import type { LoadedArticle } from '../summary/load.js';
import type { SourceRef } from '../summary/schema.js';
import { formatDay } from './dates.js';
import type { Citation, CiteRefs } from './types.js';

export type ArticleCard = Omit<Citation, 'evidence'>;

/** The reader-facing facts of an article, computed once per engine. */
export function articleCard(article: LoadedArticle): ArticleCard {
  const { published } = article;
  const inferred = published.basis === 'inferred' || published.precision === 'approximate';
  const day = published.value.length === 10 ? formatDay(published.value) : published.value;
  return {
    articleId: article.id,
    file: article.file,
    outlet: article.outlet,
    title: article.title,
    date: published.precision === 'approximate' ? `around ${day}` : day,
    isoDate: published.value,
    dateInferred: inferred,
  };
}

export class CitationList {
  private readonly list: Citation[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly cards: ReadonlyMap<string, ArticleCard>) {}

  /** The citation number (0-based) for a source, adding it if new. */
  cite(source: SourceRef): number {
    const key = `${source.article}\u0000${source.evidence}`;
    const known = this.seen.get(key);
    if (known !== undefined) return known;
    const card = this.cards.get(source.article);
    if (!card) throw new Error(`no article "${source.article}" for a citation`);
    this.list.push({ ...card, evidence: source.evidence });
    this.seen.set(key, this.list.length - 1);
    return this.list.length - 1;
  }

  /** Cites up to `max` sources, one per article first (so several outlets show before repeats). */
  citeAll(sources: readonly SourceRef[], max = 3): CiteRefs {
    const firstPerArticle = new Map<string, SourceRef>();
    for (const source of sources) if (!firstPerArticle.has(source.article)) firstPerArticle.set(source.article, source);
    return [...firstPerArticle.values()].slice(0, max).map((source) => this.cite(source));
  }

  get citations(): Citation[] {
    return this.list;
  }
}

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

/**
 * One frozen citation per source reference of the summary, made on first use and shared by
 * every answer that cites it (answers are rebuilt per question; their citations need not be).
 */
export function citationCache(cards: ReadonlyMap<string, ArticleCard>): (source: SourceRef) => Citation {
  const made = new WeakMap<SourceRef, Citation>();
  return (source) => {
    let citation = made.get(source);
    if (!citation) {
      const card = cards.get(source.article);
      if (!card) throw new Error(`no article "${source.article}" for a citation`);
      citation = Object.freeze({ ...card, evidence: source.evidence });
      made.set(source, citation);
    }
    return citation;
  };
}

export class CitationList {
  private readonly list: Citation[] = [];
  /**
   * Article id → evidence → citation number. Two levels rather than one joined key: the
   * summary's own strings are looked up as they are, so their hashes are computed once,
   * where a joined key is a new string to hash (all of a long snippet) on every call.
   */
  private readonly seen = new Map<string, Map<string, number>>();

  constructor(private readonly citationFor: (source: SourceRef) => Citation) {}

  /** The citation number (0-based) for a source, adding it if new. */
  cite(source: SourceRef): number {
    let ofArticle = this.seen.get(source.article);
    const known = ofArticle?.get(source.evidence);
    if (known !== undefined) return known;
    this.list.push(this.citationFor(source));
    if (!ofArticle) this.seen.set(source.article, (ofArticle = new Map()));
    ofArticle.set(source.evidence, this.list.length - 1);
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

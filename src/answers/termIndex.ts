/**
 * A full-text index (MiniSearch) over one kind of item, built once, that
 * answers with how much of a question each hit covers. Coverage is what keeps
 * the engine honest: a hit that matches one word of "How many hacks did
 * Microsoft suffer?" is not an answer to it.
 *
 * Cost stays proportional to the rare words of a question, not the common
 * ones: MiniSearch is asked only for the names, required words and rarest
 * words (any item covering enough of the question must contain one of them);
 * the common words are then checked on those candidates in compact postings.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { documentTerms } from './terms.js';

/** What a question asks for, analysed once (see `terms.ts`). */
export interface QueryTerms {
  /** Content-word stems, deduplicated. */
  terms: string[];
  /** Stems every hit must contain: names and numbers from the question. */
  anchors: string[];
}

export interface Hit<T> {
  item: T;
  score: number;
  /**
   * Share of the question the item covers, each term weighted by how rare it
   * is among the items (IDF): matching "us" and "china" is cheap, matching
   * "losses" is not. A term no item contains weighs most.
   */
  coverage: number;
  matched: ReadonlySet<string>;
}

export interface HitOptions<T> {
  /** Least coverage for a hit to count; default 0.6. */
  minCoverage?: number;
  /** Terms a hit must contain besides the anchors, e.g. the noun after "how many". */
  required?: readonly string[];
  limit?: number;
  filter?: (item: T) => boolean;
}

/** Typos allowed per query term: none for short stems, where one edit is a different word. */
const fuzziness = (term: string) => (/\d/.test(term) ? false : term.length >= 8 ? 2 : term.length >= 5 ? 1 : false);
const prefixable = (term: string) => term.length >= 4 && !/\d/.test(term);
const TERM_OPTIONS = { fuzzy: (term: string) => fuzziness(term), prefix: (term: string) => prefixable(term) };

/** Sorted item ids, searched by bisection: compact where a Set per term would not be. */
function contains(ids: Uint32Array, id: number): boolean {
  let [low, high] = [0, ids.length - 1];
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = ids[middle] ?? 0;
    if (value === id) return true;
    if (value < id) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

export class TermIndex<T> {
  private readonly search: MiniSearch<Record<string, unknown>>;
  /** Term → ids of the items containing it exactly, ascending. */
  private readonly postings = new Map<string, Uint32Array>();

  /**
   * @param knows Whether a term occurs anywhere in the briefing: a term this index lacks but the
   *   briefing has is a paraphrase ("suffer"), weighed like a rare term; a term the briefing lacks
   *   altogether ("France") weighs most.
   */
  constructor(
    private readonly items: readonly T[],
    fieldsOf: (item: T) => Record<string, string>,
    private readonly boost: Record<string, number>,
    private readonly knows: (term: string) => boolean = () => false,
  ) {
    const fields = Object.keys(boost);
    this.search = new MiniSearch<Record<string, unknown>>({
      fields,
      storeFields: [],
      // Fields are analysed once, below; MiniSearch gets the terms ready-made.
      tokenize: (text) => (text ? text.split(' ') : []),
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
    });
    const lists = new Map<string, number[]>();
    const documents = items.map((item, id) => {
      const raw = fieldsOf(item);
      const document: Record<string, unknown> = { id };
      const seen = new Set<string>();
      for (const field of fields) {
        const terms = documentTerms(raw[field] ?? '');
        document[field] = terms.join(' ');
        for (const term of terms) seen.add(term);
      }
      for (const term of seen) {
        const list = lists.get(term);
        if (list) list.push(id);
        else lists.set(term, [id]);
      }
      return document;
    });
    for (const [term, ids] of lists) this.postings.set(term, Uint32Array.from(ids));
    this.search.addAll(documents);
  }

  get size(): number {
    return this.items.length;
  }

  /** Whether some item contains the term exactly. */
  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Inverse document frequency of a query term. */
  weight(term: string): number {
    const frequency = this.postings.get(term)?.length ?? (this.knows(term) ? 1 : 0);
    return Math.log((this.items.length + 1) / (frequency + 0.5));
  }

  /** Hits covering at least `minCoverage` of the terms and every anchor, best first. */
  find(query: QueryTerms, options: HitOptions<T> = {}): Hit<T>[] {
    const { minCoverage = 0.6, limit = 10, filter, required = [] } = options;
    if (query.terms.length === 0) return [];
    const musts = [...new Set([...query.anchors, ...required])];
    const weights = new Map(query.terms.map((term) => [term, this.weight(term)]));
    const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);

    // An item containing none of `rare` covers at most total − weight(rare): below the bar.
    const rare: string[] = [];
    let rareWeight = 0;
    for (const term of [...query.terms].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0))) {
      if (rareWeight > (1 - minCoverage) * total + 1e-9) break;
      rare.push(term);
      rareWeight += weights.get(term) ?? 0;
    }
    const asked = new Set([...musts, ...rare]);
    const queries: Query[] = [...musts, { combineWith: 'OR', queries: rare }];
    const results: SearchResult[] = this.search.search(
      { combineWith: 'AND', queries },
      {
        ...TERM_OPTIONS,
        boost: this.boost,
        ...(filter ? { filter: (result: SearchResult) => filter(this.itemAt(result.id as number)) } : {}),
      },
    );

    const hits: Hit<T>[] = [];
    for (const result of results) {
      const id = result.id as number;
      const matched = new Set(result.queryTerms);
      for (const term of query.terms) {
        if (asked.has(term)) continue;
        const ids = this.postings.get(term);
        if (ids && contains(ids, id)) matched.add(term);
      }
      const covered = [...matched].reduce((sum, term) => sum + (weights.get(term) ?? 0), 0);
      const coverage = total > 0 ? covered / total : 0;
      if (coverage < minCoverage - 1e-9 || !musts.every((term) => matched.has(term))) continue;
      hits.push({ item: this.itemAt(id), score: result.score * coverage, coverage, matched });
    }
    // Coverage first: a hit with every word beats a higher-scoring hit with fewer.
    hits.sort((a, b) => b.coverage - a.coverage || b.score - a.score);
    return hits.slice(0, limit);
  }

  private itemAt(id: number): T {
    const item = this.items[id];
    if (item === undefined) throw new Error(`no indexed item ${id}`);
    return item;
  }
}

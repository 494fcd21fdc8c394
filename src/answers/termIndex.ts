/**
 * A full-text index over one kind of item, built once, that answers with how
 * much of a question each hit covers. Coverage is what keeps the engine
 * honest: a hit that matches one word of "How many hacks did Microsoft
 * suffer?" is not an answer to it.
 *
 * Cost stays proportional to the rare words of a question, not the common
 * ones: only the names, required words and rarest words are looked up with
 * typos and prefixes allowed (any item covering enough of the question must
 * contain one of them); the common words are then checked, exactly, on the
 * items those found.
 */
import type { Lexicon } from './lexicon.js';
import { SearchIndex, type Slot } from './searchIndex.js';
import { forEachDocumentTerm } from './terms.js';

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
}

export interface HitOptions<T> {
  /** Least coverage for a hit to count; default 0.6. */
  minCoverage?: number;
  /** Terms a hit must contain besides the anchors, e.g. the noun after "how many". */
  required?: readonly string[];
  limit?: number;
  filter?: (item: T) => boolean;
}

/** Terms in runs, read in order: a text analysed piece by piece, without copying the pieces' terms into one list. */
export interface TermRuns {
  readonly runs: readonly (readonly string[])[];
}

/** A field's text, or its terms when the caller has analysed it already (e.g. names shared by many items). */
export type FieldValue = string | readonly string[] | TermRuns;

/** Typos allowed per query term: none for short stems, where one edit is a different word. */
const hasDigit = (term: string) => /\d/.test(term);
const termOptions = (term: string) => ({
  fuzzy: hasDigit(term) ? (false as const) : term.length >= 8 ? 2 : term.length >= 5 ? 1 : (false as const),
  prefix: term.length >= 4 && !hasDigit(term),
});

/** Whether a field's analysed terms are one list rather than runs of lists. */
export const isTermList = (value: readonly string[] | TermRuns): value is readonly string[] => Array.isArray(value);

type Ranked<T> = Hit<T> & { id: number };

/** Best first: more coverage, then a higher score, then the earlier item. */
const ranksBefore = <T>(coverage: number, score: number, id: number, other: Ranked<T>) =>
  coverage !== other.coverage ? coverage > other.coverage : score !== other.score ? score > other.score : id < other.id;

export class TermIndex<T> {
  private readonly index: SearchIndex;

  /**
   * @param knows Whether a term occurs anywhere in the briefing: a term this index lacks but the
   *   briefing has is a paraphrase ("suffer"), weighed like a rare term; a term the briefing lacks
   *   altogether ("France") weighs most.
   */
  constructor(
    private readonly lexicon: Lexicon,
    private readonly items: readonly T[],
    /** The fields of an item, given with its place in `items`. */
    fieldsOf: (item: T, index: number) => Record<string, FieldValue>,
    boost: Record<string, number>,
    private readonly knows: (term: string) => boolean = () => false,
  ) {
    const fields = Object.keys(boost);
    const boosts = fields.map((field) => boost[field] ?? 1);
    // The fields of the item being read (the index asks for them field by field).
    let currentId = -1;
    let current: Record<string, FieldValue> = {};
    this.index = new SearchIndex(
      lexicon,
      items.length,
      (id, field, emit) => {
        if (currentId !== id) {
          currentId = id;
          current = fieldsOf(items[id] as T, id);
        }
        const value = current[fields[field] ?? ''] ?? '';
        if (typeof value === 'string') forEachDocumentTerm(value, emit);
        else if (isTermList(value)) for (const term of value) emit(term);
        else for (const run of value.runs) for (const term of run) emit(term);
      },
      boosts,
    );
  }

  get size(): number {
    return this.items.length;
  }

  /** Whether some item contains the term exactly. */
  has(term: string): boolean {
    return this.index.has(term);
  }

  /** Inverse document frequency of a query term. */
  weight(term: string): number {
    const frequency = this.index.frequency(term) || (this.knows(term) ? 1 : 0);
    return Math.log((this.items.length + 1) / (frequency + 0.5));
  }

  /** Hits covering at least `minCoverage` of the terms and every anchor, best first. */
  find(query: QueryTerms, options: HitOptions<T> = {}): Hit<T>[] {
    const { minCoverage = 0.6, limit = 10, filter, required = [] } = options;
    if (query.terms.length === 0 || limit <= 0) return [];
    const musts = new Set([...query.anchors, ...required]);
    const weights = new Map<string, number>();
    for (const term of query.terms) if (!weights.has(term)) weights.set(term, this.weight(term));
    let total = 0;
    for (const weight of weights.values()) total += weight;

    // An item containing none of `rare` covers at most total − weight(rare): below the bar.
    const rare = new Set<string>();
    let rareWeight = 0;
    for (const [term, weight] of [...weights].sort((a, b) => b[1] - a[1])) {
      if (rareWeight > (1 - minCoverage) * total + 1e-9) break;
      rare.add(term);
      rareWeight += weight;
    }
    const slots: Slot[] = [];
    for (const term of new Set([...musts, ...rare])) {
      const required = musts.has(term);
      const optional = rare.has(term);
      slots.push({ expansions: this.lexicon.expand(term, termOptions(term)), times: Number(required) + Number(optional), weight: weights.get(term) ?? 0, required, optional });
    }
    const credits = [...weights].filter(([term]) => !musts.has(term) && !rare.has(term)).map(([term, weight]) => ({ term, weight }));

    const best: Ranked<T>[] = [];
    this.index.query(
      slots,
      ({ doc, score, quality, covered }) => {
        const coverage = total > 0 ? covered / total : 0;
        if (coverage < minCoverage - 1e-9) return;
        const final = score * quality * coverage;
        // Most candidates of a common word rank below the best `limit`: drop them before anything is built.
        const worst = best.length >= limit ? best[best.length - 1] : undefined;
        if (worst && !ranksBefore(coverage, final, doc, worst)) return;
        const item = this.items[doc] as T;
        if (filter && !filter(item)) return;
        let at = best.length;
        while (at > 0 && ranksBefore(coverage, final, doc, best[at - 1] as Ranked<T>)) at--;
        best.splice(at, 0, { id: doc, item, coverage, score: final });
        if (best.length > limit) best.pop();
      },
      credits,
    );
    return best.map(({ item, score, coverage }) => ({ item, score, coverage }));
  }
}

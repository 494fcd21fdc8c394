/**
 * Every term the engine's indices know, with the typo-tolerant and prefix
 * look-ups a question needs ("cybersecuity" → "cybersecur", "sanc" →
 * "sanction"). Built once and shared by all indices, so a question's words are
 * expanded once however many indices a question visits.
 *
 * Typos use a deletion index (SymSpell): two words within edit distance d share
 * a string reached by deleting at most d letters from each, so a look-up tries
 * the query's few deletions instead of comparing it with every known word. The
 * weights are MiniSearch's, so rankings read as they did with it.
 */

/** One known term a query term stands for, and how much a match on it counts (exact = 1). */
export interface Expansion {
  term: string;
  weight: number;
}

export interface ExpandOptions {
  /**
   * Largest edit distance accepted (Levenshtein), or false for none. Complete for distance 1
   * from 4 letters and distance 2 from 7 (shorter words have too few letters to spare).
   */
  fuzzy: number | false;
  /** Whether longer terms starting with the query term match too. */
  prefix: boolean;
}

/** MiniSearch's defaults: a typo or a prefix match counts for less than the word itself. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/** Deletions indexed per term: enough for the largest distance any caller asks (2). */
const MAX_DISTANCE = 2;
/** Distinct look-ups remembered; questions reuse words, and each route of `ask` asks again. */
const CACHE_MAX = 4096;

const countDigits = (term: string) => {
  let digits = 0;
  for (let index = 0; index < term.length; index++) {
    const code = term.charCodeAt(index);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
};

/** Every string made by deleting exactly `count` letters of `term` (with repeats). */
function deletions(term: string, count: number, into: Set<string>): void {
  if (count === 0) {
    into.add(term);
    return;
  }
  for (let index = 0; index < term.length; index++) {
    deletions(term.slice(0, index) + term.slice(index + 1), count - 1, into);
  }
}

/** Levenshtein distance of `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number, row: Uint8Array): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length;
  for (let j = 0; j <= width; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    let rowMin = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= width; j++) {
      const above = row[j] ?? 0;
      const cost = char === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(diagonal + cost, above + 1, (row[j - 1] ?? 0) + 1);
      row[j] = value;
      diagonal = above;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
  }
  return row[width] ?? max + 1;
}

export class Lexicon {
  private readonly known = new Set<string>();
  /** All terms, sorted, for prefix look-ups by bisection. */
  private sorted: string[] = [];
  /** A deletion of a term (or the term itself) → the terms it comes from. */
  private readonly byDeletion = new Map<string, string | string[]>();
  private sealed = false;
  private readonly cache = new Map<string, readonly Expansion[]>();
  /** One row of the edit-distance table, reused: terms longer than it are not matched by typo. */
  private readonly row = new Uint8Array(128);

  add(term: string): void {
    if (this.sealed) throw new Error('the lexicon is sealed');
    this.known.add(term);
  }

  /** Builds the look-up structures; called once every index has added its terms. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    this.sorted = [...this.known].sort();
    const variants = new Set<string>();
    for (const term of this.known) {
      // A word with more digits than the largest distance is never a typo of a word ("1234" of "abcd").
      if (term.length < 3 || countDigits(term) > MAX_DISTANCE) continue;
      // Short words are only ever matched at distance 1 (callers allow 2 from 7 letters on).
      const reach = term.length >= 5 ? MAX_DISTANCE : 1;
      variants.clear();
      for (let count = 0; count <= reach; count++) deletions(term, count, variants);
      for (const variant of variants) this.link(variant, term);
    }
  }

  has(term: string): boolean {
    return this.known.has(term);
  }

  /**
   * The known terms a query term stands for: itself, then (if allowed) longer terms it
   * begins, then terms within the edit distance. Each known term appears once.
   */
  expand(term: string, { fuzzy, prefix }: ExpandOptions): readonly Expansion[] {
    if (!this.sealed) this.seal();
    const distance = fuzzy === false ? 0 : Math.min(fuzzy, MAX_DISTANCE);
    if (distance === 0 && !prefix) return this.known.has(term) ? [{ term, weight: 1 }] : [];
    const key = `${distance}${prefix ? 'p' : ''}:${term}`;
    const cached = this.cache.get(key);
    if (cached) return cached;

    const found: Expansion[] = this.known.has(term) ? [{ term, weight: 1 }] : [];
    const seen = new Set<string>([term]);
    if (prefix) {
      for (let index = this.firstAtOrAfter(term); index < this.sorted.length; index++) {
        const other = this.sorted[index] ?? '';
        if (!other.startsWith(term)) break;
        if (seen.has(other)) continue;
        seen.add(other);
        const extra = other.length - term.length;
        found.push({ term: other, weight: (PREFIX_WEIGHT * other.length) / (other.length + 0.3 * extra) });
      }
    }
    if (distance > 0 && term.length + distance < this.row.length) {
      const variants = new Set<string>();
      for (let count = 0; count <= distance; count++) deletions(term, count, variants);
      for (const variant of variants) {
        const sources = this.byDeletion.get(variant);
        if (sources === undefined) continue;
        for (const other of typeof sources === 'string' ? [sources] : sources) {
          if (seen.has(other)) continue;
          seen.add(other);
          const apart = boundedDistance(term, other, distance, this.row);
          if (apart <= distance) found.push({ term: other, weight: (FUZZY_WEIGHT * other.length) / (other.length + apart) });
        }
      }
    }
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }

  private link(variant: string, term: string): void {
    const sources = this.byDeletion.get(variant);
    if (sources === undefined) this.byDeletion.set(variant, term);
    else if (typeof sources === 'string') {
      if (sources !== term) this.byDeletion.set(variant, [sources, term]);
    } else if (sources.at(-1) !== term) sources.push(term);
  }

  private firstAtOrAfter(term: string): number {
    let [low, high] = [0, this.sorted.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sorted[middle] ?? '') < term) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

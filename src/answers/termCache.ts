/**
 * Document terms (see `documentTerms`) of the texts the indices share, each
 * analysed once while the engine is built: an event's title is indexed with
 * the event and in its search passage, an article sentence is a passage and
 * an event's evidence, a speaker's names recur in every quote of theirs.
 */
import { documentTerms } from './terms.js';

/**
 * A part ending like this may change the terms of the part after it once joined: "cyber"
 * combines with the next word, "U." and "united" may become "us" with it. Such joins are analysed whole.
 */
const JOINS_NEXT = /(?:\bu\.?|united|c-?y-?b-?e-?r)[^\p{L}\p{N}]*$/iu;

export class TermCache {
  private readonly known = new Map<string, readonly string[]>();

  /** Terms of a text other indices will analyse too: kept for them. */
  of(text: string): readonly string[] {
    let terms = this.known.get(text);
    if (!terms) this.known.set(text, (terms = documentTerms(text)));
    return terms;
  }

  /** Terms of a text most likely analysed only here: reused if kept, not kept otherwise. */
  peek(text: string): readonly string[] {
    return this.known.get(text) ?? documentTerms(text);
  }

  /**
   * Terms of `parts.join(separator)`, from each part's kept terms when joining cannot change
   * them. `separator` must hold whitespace and no letter or digit (". ", ": ", " ").
   */
  joined(parts: readonly string[], separator: string): readonly string[] {
    if (parts.length === 1) return this.of(parts[0] ?? '');
    if (parts.slice(0, -1).some((part) => JOINS_NEXT.test(part))) return documentTerms(parts.join(separator));
    return parts.flatMap((part) => this.of(part));
  }

  /** Frees the memory once every index is built. */
  clear(): void {
    this.known.clear();
  }
}

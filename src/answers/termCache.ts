/**
 * Document terms (see `documentTerms`) of the texts the indices share, each
 * analysed once while the engine is built: an event's title is indexed with
 * the event and in its search passage, an article sentence is a passage and
 * an event's evidence, a speaker's names recur in every quote of theirs.
 * Texts made of such pieces (a list of names, a title and a summary) are
 * analysed piece by piece, so each piece is read once however often it recurs.
 */
import { isTermList, type TermRuns } from './termIndex.js';
import { documentTerms } from './terms.js';

/**
 * A part ending like this may change the terms of the part after it once joined: "cyber"
 * combines with the next word, "U." and "united" may become "us" with it. Such joins are analysed whole.
 */
export const JOINS_NEXT = /(?:\bu\.?|united|c-?y-?b-?e-?r)[^\p{L}\p{N}]*$/iu;

/**
 * Characters `JOINS_NEXT` can match before the trailing non-letters: "c-y-b-e-r" at most (the `\b` of a
 * one-letter "u" looks one character back, well within that).
 */
const JOINS_NEXT_REACH = 9;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the UTF-16 unit at `index` is a letter or digit (half of a surrogate pair counts as neither). */
function isLetterOrDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(text[index] ?? '');
}

/**
 * Whether a text ending like this may form a term with a text joined after it: `JOINS_NEXT`, tested on
 * the text's end only. The expression is tried at every position of the text, and tens of thousands of
 * titles and summaries are tested in an index build; a match can only start in the last
 * `JOINS_NEXT_REACH` characters before the trailing non-letters. Skipping a surrogate pair as if it were
 * no letter only tests more of the text.
 */
export function mayJoinNext(text: string): boolean {
  let end = text.length;
  while (end > 0 && !isLetterOrDigit(text, end - 1)) end--;
  return JOINS_NEXT.test(end > JOINS_NEXT_REACH ? text.slice(end - JOINS_NEXT_REACH) : text);
}

interface Analysed {
  text: string;
  terms: readonly string[];
  /** Whether the text ends like `JOINS_NEXT`: tested once when first joined, since joins of kept texts recur. */
  joinsNext?: boolean;
}

const NO_TERMS: readonly string[] = [];

/**
 * A piece of an item's context: a text, or a list of texts many items share (an entity's names),
 * taken as its texts joined by spaces. A context is its pieces joined by spaces.
 */
export type ContextPiece = string | readonly string[];

interface SharedList {
  terms: readonly string[] | TermRuns;
  /** Whether the list's texts joined end like `JOINS_NEXT`: tested once when first followed by another piece. */
  joinsNext?: boolean;
}

export class TermCache {
  private readonly known = new Map<string, Analysed>();
  /** Terms of lists of parts shared by many items (an entity's names, the names a sentence mentions), by the list itself. */
  private readonly sharedLists = new Map<readonly string[], SharedList>();

  /** Terms of a text other indices will analyse too: kept for them. */
  of(text: string): readonly string[] {
    return this.entry(text).terms;
  }

  /**
   * A text most likely analysed only here: its kept terms if any, else the text itself, for the
   * index to analyse as it reads it (no list of terms is built for the tens of thousands of sentences).
   */
  peek(text: string): readonly string[] | string {
    return this.known.get(text)?.terms ?? text;
  }

  /**
   * Terms of `parts.join(separator)`, from each part's kept terms when joining cannot change
   * them. `separator` must hold whitespace and no letter or digit (". ", ": ", " ").
   */
  joined(parts: readonly string[], separator: string): readonly string[] | TermRuns {
    if (parts.length === 0) return NO_TERMS;
    if (parts.length === 1) return this.of(parts[0] ?? '');
    // The parts' own lists, in order: copying them into one list was a large share of the build's garbage.
    // Sized once: an array grown by `push` reserves room for many more runs than a few parts need.
    const runs = new Array<readonly string[]>(parts.length);
    for (let index = 0; index < parts.length; index++) {
      const entry = this.entry(parts[index] ?? '');
      if (index < parts.length - 1 && (entry.joinsNext ??= mayJoinNext(entry.text))) return documentTerms(parts.join(separator));
      runs[index] = entry.terms;
    }
    return { runs };
  }

  /** `joined(parts, ' ')` for a list many items share (the same array): joined once. */
  sharedList(parts: readonly string[]): readonly string[] | TermRuns {
    return this.shared(parts).terms;
  }

  /**
   * Terms of a context (see `ContextPiece`), as if its pieces were joined by spaces: texts are
   * analysed once however many contexts hold them, shared lists once however many hold them.
   */
  context(pieces: readonly ContextPiece[]): readonly string[] | TermRuns {
    if (pieces.length === 0) return NO_TERMS;
    if (pieces.length === 1) {
      const piece = pieces[0] ?? '';
      return typeof piece === 'string' ? this.of(piece) : this.sharedList(piece);
    }
    const runs: (readonly string[])[] = [];
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index] ?? '';
      const analysed = typeof piece === 'string' ? this.entry(piece) : this.shared(piece);
      if (index < pieces.length - 1 && (analysed.joinsNext ??= mayJoinNext(typeof piece === 'string' ? piece : piece.join(' ')))) {
        return documentTerms(pieces.flat().join(' '));
      }
      const terms = analysed.terms;
      if (isTermList(terms)) runs.push(terms);
      else for (const run of terms.runs) runs.push(run);
    }
    return { runs };
  }

  /** Frees the memory once every index is built. */
  clear(): void {
    this.known.clear();
    this.sharedLists.clear();
  }

  private shared(parts: readonly string[]): SharedList {
    let shared = this.sharedLists.get(parts);
    if (!shared) this.sharedLists.set(parts, (shared = { terms: this.joined(parts, ' ') }));
    return shared;
  }

  private entry(text: string): Analysed {
    let entry = this.known.get(text);
    if (!entry) this.known.set(text, (entry = { text, terms: documentTerms(text) }));
    return entry;
  }
}

/**
 * The fast path of document analysis for plain text: ASCII (and curly double quotes, dashes and
 * accented Latin letters like "ü"), no apostrophes, no "U." or "United States", i.e. text `foldText`
 * only lower-cases and strips of accents. Its words are read and looked up by their characters,
 * without cutting each out as a string first: index builds read millions of words, almost all seen
 * before, and making and hashing a string per word was most of their analysis.
 * The name scan (`nameWords` in names.ts) reads plain text through a table of its own.
 */

/**
 * Latin-1 letters whose decomposition (NFKD, as the general paths apply it) is an ASCII letter and
 * accents: that letter in lower case ("Ü" → "u"); 0 for every other code. Names like "Müller" are
 * common in news, and one of them used to send a whole sentence down the general path. Worked out
 * with `normalize` itself, so the two paths cannot disagree on a letter.
 */
const LATIN1_BASE = (() => {
  const table = new Uint8Array(256);
  for (let code = 0xc0; code <= 0xff; code++) {
    const base = String.fromCharCode(code).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (/^[a-z]$/.test(base)) table[code] = base.charCodeAt(0);
  }
  return table;
})();

/** The accented letters `LATIN1_BASE` folds, one after the other (for character classes). */
export const FOLDED_LETTERS = [...LATIN1_BASE.keys()]
  .filter((code) => LATIN1_BASE[code])
  .map((code) => String.fromCharCode(code))
  .join('');
const FOLDED_LETTER = new RegExp(`[${FOLDED_LETTERS}]`, 'g');

/** `text` with each letter of `LATIN1_BASE` replaced by its lower-case base letter, and every other character kept. */
const foldLatin1 = (text: string) => text.replace(FOLDED_LETTER, (char) => String.fromCharCode(LATIN1_BASE[char.charCodeAt(0)] ?? 0));

/**
 * Text the general path must read: characters other than ASCII, or something `foldText` rewrites
 * besides case and accents. Curly double quotes, dashes and the ellipsis are an exception: `foldText`
 * turns them into commas, and here too they only separate words (quotations are full of them).
 * The letters of `LATIN1_BASE` are the other: both paths read them as the letter without its accent.
 * The definition `breaksPlain` applies character by character while the words are read; a
 * property test holds the two to each other.
 */
const NOT_PLAIN = new RegExp(`[^\\p{ASCII}“”—–…${FOLDED_LETTERS}]`, 'u');
const REWRITTEN = /['`]|u\.|united states/i;

export const isPlain = (text: string): boolean => !NOT_PLAIN.test(text) && !REWRITTEN.test(foldLatin1(text));

const [APOSTROPHE, BACKTICK, DOT, SPACE, LOWER_U, LOWER_D, LOWER_S] = [39, 96, 46, 32, 117, 100, 115];
/** Non-ASCII characters plain text may hold (see `NOT_PLAIN`): “ ” — – … */
const PLAIN_NON_ASCII = new Set([0x201c, 0x201d, 0x2014, 0x2013, 0x2026]);

/** Whether `text` has `word` (lower-case letters) at `at`, in any case, accents aside. */
function hasLettersAt(text: string, at: number, word: string): boolean {
  if (at < 0 || at + word.length > text.length) return false;
  for (let index = 0; index < word.length; index++) if (codeAt(text, at + index) !== word.charCodeAt(index)) return false;
  return true;
}

/**
 * `isPlain`, asked one character at a time: whether the character at `index` (between words, see
 * `WordTable.collect`) makes `text` one the general path must read. Lets one pass both read the
 * words and decide, instead of two expressions reading every text first.
 */
export function breaksPlain(text: string, index: number, code: number): boolean {
  if (code >= 128) return !PLAIN_NON_ASCII.has(code);
  if (code === APOSTROPHE || code === BACKTICK) return true;
  // "U." and "united states", in any case, accents aside.
  if (code === DOT) return index > 0 && codeAt(text, index - 1) === LOWER_U;
  if (code === SPACE && codeAt(text, index - 1) === LOWER_D && codeAt(text, index + 1) === LOWER_S) {
    return hasLettersAt(text, index - 6, 'united') && hasLettersAt(text, index + 1, 'states');
  }
  return false;
}

export interface WordEntry {
  /** Lower-cased, as the general path's `rawWords` gives it. */
  word: string;
  terms: readonly string[];
  /** Whether the word combines with the next one ("cyber attack"). */
  cyber: boolean;
  /** The word's name words (see `nameWords` in names.ts): its hyphenated parts, or the word itself. */
  nameWords: readonly string[];
}

/** Lower-case ASCII code of the character at `index`, accents aside (see `LATIN1_BASE`); NaN past the end. */
function codeAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  return code < 256 ? LATIN1_BASE[code] || code : code;
}

/** Any character outside ASCII (a UTF-16 unit, so half of a surrogate pair too). */
export const NON_ASCII = /[\u0080-\uffff]/;

/** `text[start…end)` as `codeAt` reads it: lower case, accents folded. */
function foldedWord(text: string, start: number, end: number): string {
  const word = text.slice(start, end).toLowerCase();
  return NON_ASCII.test(word) ? foldLatin1(word) : word;
}

const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

const HYPHEN = 45;
/** Bounds the table's memory on a huge corpus: past it, the table starts again. */
const ENTRIES_MAX = 1 << 20;

export interface WordTableOptions {
  /** Whether a hyphen between letters or digits joins them into one word ("cyber-attacks"); else it separates. */
  joinHyphens?: boolean;
  /** Entries kept at most: past it, the table starts again. */
  entriesMax?: number;
}

/** Words by their characters (open addressing on an FNV-1a hash), each analysed once by `make`. */
export class WordTable<Entry extends { readonly word: string } = WordEntry> {
  private hashes = new Int32Array(1 << 16);
  private entries: (Entry | undefined)[] = new Array<Entry | undefined>(1 << 16);
  private size = 0;
  private readonly joinHyphens: boolean;
  private readonly entriesMax: number;

  constructor(
    private readonly make: (word: string) => Entry,
    { joinHyphens = true, entriesMax = ENTRIES_MAX }: WordTableOptions = {},
  ) {
    this.joinHyphens = joinHyphens;
    this.entriesMax = entriesMax;
  }

  /**
   * Writes the words of `text` to `into` from its start, in order: the matches of /[a-z0-9]+(?:-[a-z0-9]+)*\/g
   * in it lower-cased, accents folded (/[a-z0-9]+/g without `joinHyphens`), and answers how many. Stops
   * with -1 at the first character between words that `rejects`. Entries past the count are left as they were: `into` can be
   * reused without being emptied (emptying an array gives up its storage).
   */
  collect(text: string, into: Entry[], rejects?: (text: string, index: number, code: number) => boolean): number {
    let count = 0;
    const length = text.length;
    let index = 0;
    while (index < length) {
      if (!isWordCode(codeAt(text, index))) {
        if (rejects?.(text, index, text.charCodeAt(index))) return -1;
        index++;
        continue;
      }
      const start = index;
      let hash = 0x811c9dc5 | 0;
      for (;;) {
        for (let code = codeAt(text, index); isWordCode(code); code = codeAt(text, ++index)) hash = Math.imul(hash ^ code, 16777619);
        // A hyphen joins two runs of letters or digits ("cyber-attacks"), as in the general path's pattern.
        if (!this.joinHyphens || text.charCodeAt(index) !== HYPHEN || !isWordCode(codeAt(text, index + 1))) break;
        hash = Math.imul(hash ^ HYPHEN, 16777619);
        index++;
      }
      into[count++] = this.find(text, start, index, hash);
    }
    return count;
  }

  private find(text: string, start: number, end: number, hash: number): Entry {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    for (let entry = this.entries[slot]; entry !== undefined; entry = this.entries[slot]) {
      if (this.hashes[slot] === hash && sameWord(entry.word, text, start, end)) return entry;
      slot = (slot + 1) & mask;
    }
    const entry = this.make(foldedWord(text, start, end));
    this.hashes[slot] = hash;
    this.entries[slot] = entry;
    if (++this.size * 2 > this.hashes.length) this.grow();
    return entry;
  }

  /** Doubles the table (or empties it, past `entriesMax`), keeping it at most half full. */
  private grow(): void {
    const [hashes, entries] = [this.hashes, this.entries];
    const capacity = this.size > this.entriesMax ? hashes.length : hashes.length * 2;
    this.hashes = new Int32Array(capacity);
    this.entries = new Array<Entry | undefined>(capacity);
    if (this.size > this.entriesMax) {
      this.size = 0;
      return;
    }
    const mask = capacity - 1;
    for (let old = 0; old < entries.length; old++) {
      const entry = entries[old];
      if (entry === undefined) continue;
      let slot = (hashes[old] ?? 0) & mask;
      while (this.entries[slot] !== undefined) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[old] ?? 0;
      this.entries[slot] = entry;
    }
  }
}

/** Whether `word` is `text[start…end)` lower-cased. */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let index = 0; index < word.length; index++) if (word.charCodeAt(index) !== codeAt(text, start + index)) return false;
  return true;
}

/**
 * Fuse.js's fuzzy score, computed without Fuse: how well a typed pattern
 * occurs, allowing typos, somewhere in a text. 0 is the whole text, 0.001 an
 * exact occurrence, errors ÷ pattern length otherwise, 1 no occurrence within
 * the threshold. Same numbers as `new Fuse(…, { ignoreLocation: true })`, for
 * less work: Myers' bit-parallel edit distance reads each text once, where
 * Fuse's bitap reads it once per error allowed, and nothing is allocated per
 * text. The engine's thresholds were tuned on Fuse's scores, so they stay.
 */

/** Fuse matches patterns in chunks of the bits in an integer. */
const CHUNK = 32;

interface Chunk {
  length: number;
  /** Per ASCII character, the bits of the positions where the chunk has it (Myers' Peq)… */
  ascii: Int32Array;
  /** …and per other character. */
  other: Map<number, number>;
}

/** A pattern prepared once, scored against many texts. */
export class ApproximatePattern {
  private readonly pattern: string;
  private readonly chunks: Chunk[] = [];

  constructor(
    pattern: string,
    private readonly threshold: number,
  ) {
    this.pattern = pattern.toLowerCase();
    const length = this.pattern.length;
    if (length === 0) return;
    if (length <= CHUNK) {
      this.chunks.push(chunkOf(this.pattern));
      return;
    }
    for (let start = 0; start + CHUNK <= length; start += CHUNK) this.chunks.push(chunkOf(this.pattern.slice(start, start + CHUNK)));
    if (length % CHUNK) this.chunks.push(chunkOf(this.pattern.slice(length - CHUNK)));
  }

  /** Fuse's score of the pattern in `text` (already lowercase), or 1 when it does not occur closely enough. */
  score(text: string): number {
    if (this.pattern === text) return 0;
    if (this.chunks.length === 0) return 1;
    let total = 0;
    let matched = false;
    for (const chunk of this.chunks) {
      const errors = fewestErrors(chunk, text);
      const found = errors < chunk.length && errors / chunk.length <= this.threshold;
      if (found) matched = true;
      total += found ? Math.max(0.001, errors / chunk.length) : 1;
    }
    return matched ? total / this.chunks.length : 1;
  }
}

/** Fuse's field-length norm: 1/√(words), to 3 decimals; a match in a long text counts for less. */
export function fieldNorm(text: string): number {
  const words = text.split(/[\t\n\v\f\r \u00a0]+/).filter(Boolean).length || 1;
  return Math.round(1000 / Math.sqrt(words)) / 1000;
}

/** A match's final score as Fuse ranks it: the score raised to the field norm (1 when the norm is ignored). */
export function weighted(score: number, norm = 1): number {
  return Math.pow(score === 0 ? Number.EPSILON : score, norm);
}

function chunkOf(pattern: string): Chunk {
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let index = 0; index < pattern.length; index++) {
    const code = pattern.charCodeAt(index);
    if (code < 128) ascii[code] = (ascii[code] ?? 0) | (1 << index);
    else other.set(code, (other.get(code) ?? 0) | (1 << index));
  }
  return { length: pattern.length, ascii, other };
}

/** Fewest edits turning the chunk into some substring of `text` (Myers 1999, one machine word). */
function fewestErrors({ length, ascii, other }: Chunk, text: string): number {
  const last = 1 << (length - 1);
  let plus = length === CHUNK ? -1 : (1 << length) - 1;
  let minus = 0;
  let errors = length;
  let fewest = errors;
  for (let index = 0; index < text.length && fewest > 0; index++) {
    const code = text.charCodeAt(index);
    const equal = code < 128 ? (ascii[code] ?? 0) : (other.get(code) ?? 0);
    const vertical = equal | minus;
    const horizontal = (((equal & plus) + plus) ^ plus) | equal;
    let up = minus | ~(horizontal | plus);
    let down = plus & horizontal;
    if (up & last) errors++;
    else if (down & last) errors--;
    up <<= 1;
    down <<= 1;
    plus = down | ~(vertical | up);
    minus = up & vertical;
    if (errors < fewest) fewest = errors;
  }
  return fewest;
}

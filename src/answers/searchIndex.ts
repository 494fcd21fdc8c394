/**
 * An inverted index with BM25 scores computed at build time: for each term,
 * the documents containing it (ascending) and how much each match is worth.
 * A query then only adds numbers into arrays allocated once per index, term
 * by term, so answering costs the length of the query terms' posting lists
 * and allocates next to nothing.
 *
 * Scoring is MiniSearch's (BM25+ per field, times the field's boost; a
 * document's score times the number of query terms it matches), so results
 * rank as they did when MiniSearch did this work.
 */
import type { Expansion, Lexicon } from './lexicon.js';

/** One query term as the index sees it: its expansions and what matching it means. */
export interface Slot {
  expansions: readonly Expansion[];
  /** Times its score counts (a term both required and among the alternatives counts twice, as in MiniSearch). */
  times: number;
  /** Added to a document's `covered` when the document matches the slot. */
  weight: number;
  /** The document must match this slot. */
  required: boolean;
  /** One of the alternatives: the document must match at least one (when there are any). */
  optional: boolean;
}

export interface Candidate {
  doc: number;
  /** BM25 sum over the matched expansions (not yet multiplied by `quality`). */
  score: number;
  /** Number of slots matched. */
  quality: number;
  /** Sum of the matched slots' weights, plus the `credits` of the terms it contains. */
  covered: number;
}

/** MiniSearch's BM25+ parameters. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

const FIELD_BITS = 4;
const TF_MAX = 0xffff;

/** An Int32Array that grows: the build's scratch lists, kept off the garbage-collected heap. */
class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * The build's (document, field, term) entries, three numbers each, in fixed-size chunks: a large
 * index has millions, and one array grown by doubling copied them over and over and held twice
 * the memory at the end (off the garbage-collected heap, but counted against it).
 */
class EntryChunks {
  /** Entries per chunk, times three numbers. */
  static readonly SIZE = 3 << 15;
  readonly chunks: Int32Array[] = [];
  private current = new Int32Array(0);
  /** Numbers written to `current`. */
  private used = EntryChunks.SIZE;

  add(doc: number, fieldAndFrequency: number, term: number): void {
    if (this.used === EntryChunks.SIZE) {
      this.current = new Int32Array(EntryChunks.SIZE);
      this.chunks.push(this.current);
      this.used = 0;
    }
    const chunk = this.current;
    chunk[this.used++] = doc;
    chunk[this.used++] = fieldAndFrequency;
    chunk[this.used++] = term;
  }

  /** Numbers written to chunk `index`. */
  filled(index: number): number {
    return index === this.chunks.length - 1 ? this.used : EntryChunks.SIZE;
  }
}

/** A copy of `array`, `length` long, the new part filled with `fill`. */
function grown(array: Int32Array, length: number, fill: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(length);
  copy.set(array);
  if (fill !== 0) copy.fill(fill, array.length);
  return copy;
}

export class SearchIndex {
  readonly size: number;
  private readonly postingOf = new Map<string, number>();
  /** Posting `id` is `docs[starts[id]…starts[id + 1])` (ascending), each with its score in `impacts`. */
  private readonly starts: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly impacts: Float64Array;

  // Scratch space of one query, sized once: queries are synchronous, so one set serves them all.
  private readonly score: Float64Array;
  private readonly covered: Float64Array;
  private readonly quality: Uint16Array;
  private readonly requiredMet: Uint16Array;
  private readonly optionalMet: Uint8Array;
  private readonly stamp: Uint32Array;
  private readonly touched: Uint32Array;
  private touchedCount = 0;
  private clock = 0;

  /**
   * @param fieldTerms Emits the terms of field `field` of document `doc` (as analysed, repeats kept);
   *   fields are numbered in `boosts` order.
   */
  constructor(
    lexicon: Lexicon,
    size: number,
    fieldTerms: (doc: number, field: number, emit: (term: string) => void) => void,
    boosts: readonly number[],
  ) {
    if (boosts.length > 1 << FIELD_BITS) throw new Error('too many fields');
    this.size = size;
    const fieldCount = boosts.length;
    const lengths = new Uint16Array(size * fieldCount);
    const totals = new Float64Array(fieldCount);
    // Every (document, field, term) once, in document order: doc, field × 65536 + frequency, term id.
    const stream = new EntryChunks();
    // By term id: documents per field (for the inverse document frequency), documents, the last document,
    // and the frequency in the field being read. Grown as terms appear.
    let frequencies = new Int32Array(1024 * fieldCount);
    let docCounts = new Int32Array(1024);
    let lastDoc = new Int32Array(1024).fill(-1);
    let counts = new Int32Array(1024);
    /** The ids of the field being read. */
    const present = new IntList();

    const count = (term: string) => {
      let id = this.postingOf.get(term);
      if (id === undefined) {
        id = this.postingOf.size;
        this.postingOf.set(term, id);
        lexicon.add(term);
        if (id === counts.length) {
          frequencies = grown(frequencies, frequencies.length * 2, 0);
          docCounts = grown(docCounts, docCounts.length * 2, 0);
          lastDoc = grown(lastDoc, lastDoc.length * 2, -1);
          counts = grown(counts, counts.length * 2, 0);
        }
      }
      if (counts[id] === 0) present.push(id);
      counts[id] = (counts[id] ?? 0) + 1;
    };
    for (let doc = 0; doc < size; doc++) {
      for (let field = 0; field < fieldCount; field++) {
        present.length = 0;
        fieldTerms(doc, field, count);
        const distinct = present.length;
        lengths[doc * fieldCount + field] = Math.min(distinct, TF_MAX);
        totals[field] = (totals[field] ?? 0) + distinct;
        // This loop runs once per (document, field, term), millions of times on a large corpus.
        const ids = present.values;
        for (let index = 0; index < distinct; index++) {
          const id = ids[index] ?? 0;
          stream.add(doc, field * 65536 + Math.min(counts[id] ?? 0, TF_MAX), id);
          frequencies[id * fieldCount + field] = (frequencies[id * fieldCount + field] ?? 0) + 1;
          counts[id] = 0;
          if (lastDoc[id] !== doc) {
            lastDoc[id] = doc;
            docCounts[id] = (docCounts[id] ?? 0) + 1;
          }
        }
      }
    }

    const termCount = this.postingOf.size;
    this.starts = new Uint32Array(termCount + 1);
    for (let id = 0; id < termCount; id++) this.starts[id + 1] = (this.starts[id] ?? 0) + (docCounts[id] ?? 0);
    const total = this.starts[termCount] ?? 0;
    this.docs = new Uint32Array(total);
    this.impacts = new Float64Array(total);
    // Fill each posting in document order: `filled[id]` is where its next document goes.
    const filled = this.starts.slice(0, termCount);
    lastDoc.fill(-1);
    const averages = Array.from(totals, (sum) => (size > 0 ? sum / size : 0));
    // The inverse document frequency per term and field, once, not once per occurrence.
    const inverses = new Float64Array(termCount * fieldCount);
    for (let slot = 0; slot < inverses.length; slot++) {
      const matching = frequencies[slot] || 1;
      inverses[slot] = Math.log(1 + (size - matching + 0.5) / (matching + 0.5));
    }
    stream.chunks.forEach((entries, chunk) => {
      for (let entry = 0, end = stream.filled(chunk); entry < end; entry += 3) {
        const doc = entries[entry] ?? 0;
        const field = (entries[entry + 1] ?? 0) >>> 16;
        const frequency = (entries[entry + 1] ?? 0) & 0xffff;
        const id = entries[entry + 2] ?? 0;
        if (lastDoc[id] !== doc) {
          lastDoc[id] = doc;
          this.docs[filled[id] ?? 0] = doc;
          filled[id] = (filled[id] ?? 0) + 1;
        }
        const inverse = inverses[id * fieldCount + field] ?? 0;
        const length = lengths[doc * fieldCount + field] ?? 0;
        const average = averages[field] || 1;
        const bm25 = inverse * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / average)));
        const at = (filled[id] ?? 1) - 1;
        this.impacts[at] = (this.impacts[at] ?? 0) + (boosts[field] ?? 1) * bm25;
      }
    });

    this.score = new Float64Array(size);
    this.covered = new Float64Array(size);
    this.quality = new Uint16Array(size);
    this.requiredMet = new Uint16Array(size);
    this.optionalMet = new Uint8Array(size);
    this.stamp = new Uint32Array(size);
    this.touched = new Uint32Array(size);
  }

  /** Whether some document contains the term exactly. */
  has(term: string): boolean {
    return this.postingOf.has(term);
  }

  /** Number of documents containing the term exactly. */
  frequency(term: string): number {
    const id = this.postingOf.get(term);
    return id === undefined ? 0 : this.end(id) - this.start(id);
  }

  /**
   * Scores the documents matching the slots, then calls `visit` for each that meets every
   * required slot and at least one optional slot. `credits` add weight for terms that were not
   * slots: exact matches only, checked only on the documents the slots matched.
   */
  query(slots: readonly Slot[], visit: (candidate: Candidate) => void, credits: readonly { term: string; weight: number }[] = []): void {
    let requiredCount = 0;
    let anyOptional = false;
    try {
      for (const slot of slots) {
        if (slot.required) requiredCount++;
        if (slot.optional) anyOptional = true;
        this.accumulate(slot);
      }
      for (const { term, weight } of credits) this.credit(term, weight);
      const candidate: Candidate = { doc: 0, score: 0, quality: 0, covered: 0 };
      for (let index = 0; index < this.touchedCount; index++) {
        const doc = this.touched[index] as number;
        if ((this.requiredMet[doc] ?? 0) < requiredCount || (anyOptional && !this.optionalMet[doc])) continue;
        candidate.doc = doc;
        candidate.score = this.score[doc] ?? 0;
        candidate.quality = this.quality[doc] ?? 0;
        candidate.covered = this.covered[doc] ?? 0;
        visit(candidate);
      }
    } finally {
      this.reset();
    }
  }

  private accumulate(slot: Slot): void {
    const stamp = this.tick();
    for (const expansion of slot.expansions) {
      const id = this.postingOf.get(expansion.term);
      if (id === undefined) continue;
      const factor = expansion.weight * slot.times;
      for (let index = this.start(id), end = this.end(id); index < end; index++) {
        const doc = this.docs[index] as number;
        this.score[doc] = (this.score[doc] ?? 0) + factor * (this.impacts[index] ?? 0);
        if (this.stamp[doc] === stamp) continue;
        this.stamp[doc] = stamp;
        if (this.quality[doc] === 0) this.touched[this.touchedCount++] = doc;
        this.quality[doc] = (this.quality[doc] ?? 0) + 1;
        this.covered[doc] = (this.covered[doc] ?? 0) + slot.weight;
        if (slot.required) this.requiredMet[doc] = (this.requiredMet[doc] ?? 0) + 1;
        if (slot.optional) this.optionalMet[doc] = 1;
      }
    }
  }

  /** Adds `weight` to the matched documents containing `term` exactly, by whichever is shorter: its postings or a search per document. */
  private credit(term: string, weight: number): void {
    const id = this.postingOf.get(term);
    if (id === undefined || this.touchedCount === 0) return;
    const [start, end] = [this.start(id), this.end(id)];
    if (end - start <= this.touchedCount * 16) {
      for (let index = start; index < end; index++) {
        const doc = this.docs[index] as number;
        if (this.quality[doc]) this.covered[doc] = (this.covered[doc] ?? 0) + weight;
      }
      return;
    }
    for (let index = 0; index < this.touchedCount; index++) {
      const doc = this.touched[index] as number;
      if (bisect(this.docs, start, end, doc)) this.covered[doc] = (this.covered[doc] ?? 0) + weight;
    }
  }

  private start(id: number): number {
    return this.starts[id] ?? 0;
  }

  private end(id: number): number {
    return this.starts[id + 1] ?? 0;
  }

  private tick(): number {
    if (this.clock >= 0xfffffff0) {
      this.stamp.fill(0);
      this.clock = 0;
    }
    return ++this.clock;
  }

  private reset(): void {
    for (let index = 0; index < this.touchedCount; index++) {
      const doc = this.touched[index] as number;
      this.score[doc] = 0;
      this.covered[doc] = 0;
      this.quality[doc] = 0;
      this.requiredMet[doc] = 0;
      this.optionalMet[doc] = 0;
    }
    this.touchedCount = 0;
  }
}

/** Whether `value` is in `values[start…end)`, which is ascending. */
function bisect(values: Uint32Array, start: number, end: number, value: number): boolean {
  let [low, high] = [start, end - 1];
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = values[middle] as number;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

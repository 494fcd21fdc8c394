/**
 * Reads a large corpus's article files on a second thread while this one
 * parses and validates the summary: opening and reading ten thousand small
 * files is system calls, not JavaScript, so it overlaps the parse for free
 * and allocates next to nothing on this thread's heap (which a busier worker
 * would slow down by taking the garbage collector's helper core).
 *
 * Only an accelerator: a file it could not read, or a prefetch that did not
 * finish in time, is read the ordinary way, so errors are reported exactly as
 * without it.
 */
import { readdirSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { ARTICLE_FILE } from './schema.js';

/** Fewer files than this are read directly: starting a thread costs more than it saves. */
export const PREFETCH_MIN_FILES = 500;

/** How long to wait for the reader before reading the rest directly. */
const WAIT_MS = 10_000;

// CommonJS source run with `eval`, so it needs no build step and works from `src/` and the bundle alike.
// It reads each file into one buffer (handed over without a copy) and signals on a shared word when done.
const READER_SOURCE = `
const { closeSync, fstatSync, openSync, readSync } = require('node:fs');
const path = require('node:path');
const { workerData } = require('node:worker_threads');
const { dir, names, port, done } = workerData;
let bytes = new Uint8Array(1 << 20);
let used = 0;
const read = [];
const ends = [];
for (const name of names) {
  let fd;
  try {
    fd = openSync(path.join(dir, name), 'r');
    const size = fstatSync(fd).size;
    if (used + size > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, used + size));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
    }
    let got = 0;
    while (got < size) {
      const count = readSync(fd, bytes, used + got, size - got, null);
      if (count === 0) break;
      got += count;
    }
    if (got !== size) continue;
    used += size;
    read.push(name);
    ends.push(used);
  } catch {
    // Left for the ordinary read, which reports it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
const buffer = bytes.buffer.slice(0, used);
port.postMessage({ names: read, ends, buffer }, [buffer]);
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
`;

interface ReaderResult {
  names: string[];
  ends: number[];
  buffer: ArrayBuffer;
}

export interface ArticlePrefetch {
  /** The file's text (as `readFileSync(file, 'utf8')` gives it) if it was prefetched; each at most once. */
  take(name: string): string | undefined;
}

const NOTHING: ArticlePrefetch = { take: () => undefined };

/** Starts reading the files of `dir` when there are enough of them to be worth a thread. */
export function prefetchArticles(dir: string): ArticlePrefetch {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => ARTICLE_FILE.test(name));
  } catch {
    return NOTHING;
  }
  if (names.length < PREFETCH_MIN_FILES) return NOTHING;
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(READER_SOURCE, { eval: true, workerData: { dir, names, port: port2, done }, transferList: [port2] });
  } catch {
    return NOTHING;
  }
  worker.unref();
  worker.on('error', () => {});

  // Collected when the first file is asked for: by then the reader has usually long finished.
  let files: Map<string, { start: number; end: number }> | undefined;
  let bytes = Buffer.alloc(0);
  const collect = (): Map<string, { start: number; end: number }> => {
    const spans = new Map<string, { start: number; end: number }>();
    const finished = Atomics.wait(done, 0, 0, WAIT_MS) !== 'timed-out';
    const result = finished ? (receiveMessageOnPort(port1)?.message as ReaderResult | undefined) : undefined;
    port1.close();
    if (!result) return spans;
    bytes = Buffer.from(result.buffer);
    result.names.forEach((name, index) => spans.set(name, { start: result.ends[index - 1] ?? 0, end: result.ends[index] ?? 0 }));
    return spans;
  };
  return {
    take(name) {
      files ??= collect();
      const span = files.get(name);
      if (!span) return undefined;
      files.delete(name);
      return bytes.toString('utf8', span.start, span.end);
    },
  };
}

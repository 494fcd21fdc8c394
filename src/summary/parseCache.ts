/**
 * A cache of parsed YAML, keyed by the file's content hash: parsing the summary's
 * YAML is most of a start's cost (~150–250 ms for 160 KB with `yaml`; the same
 * content as JSON parses in ~2 ms). What comes out of the cache is exactly what
 * the YAML parser produced for the same bytes, and it is validated (zod and the
 * cross-checks) on every load like a fresh parse, so a hit changes nothing but
 * time (yaml's core schema yields JSON values only; `.inf`/`.nan`, the exception,
 * fail validation either way). Best effort: an unreadable, corrupt or unwritable
 * cache is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Beside other tools' caches (eslint, babel), never committed. */
export const DEFAULT_PARSE_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/briefing-bot/summary', import.meta.url));

export interface ParseCache {
  get(name: string, source: string): unknown;
  set(name: string, source: string, content: unknown): void;
}

const MISS = Symbol('miss');

export function createParseCache(dir: string): ParseCache {
  const fileFor = (name: string, source: string) =>
    path.join(dir, `${name}-${createHash('sha256').update(source).digest('hex').slice(0, 32)}.json`);
  return {
    get(name, source) {
      try {
        return JSON.parse(readFileSync(fileFor(name, source), 'utf8')) as unknown;
      } catch {
        return MISS;
      }
    },
    set(name, source, content) {
      const file = fileFor(name, source);
      try {
        mkdirSync(dir, { recursive: true });
        // Written beside and renamed: a concurrent reader sees the old file or the whole new one.
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(content));
        renameSync(temporary, file);
        // One entry per file name: older versions of it are dead weight.
        for (const entry of readdirSync(dir)) {
          if (entry.startsWith(`${name}-`) && entry.endsWith('.json') && path.join(dir, entry) !== file) rmSync(path.join(dir, entry), { force: true });
        }
      } catch {
        // A read-only checkout still starts; it parses the YAML every time.
      }
    },
  };
}

export const isCacheMiss = (value: unknown): value is typeof MISS => value === MISS;

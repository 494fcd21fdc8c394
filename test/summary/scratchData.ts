/** Scratch copies of data/ for tests that edit the summary; removed after each test. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const dataDir = fileURLToPath(new URL('../../data', import.meta.url));
const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An empty folder, removed after the test. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A folder holding copies of data/articles and data/summary. */
export function copyOfData(prefix = 'briefing-data-'): string {
  const dir = tempDir(prefix);
  cpSync(path.join(dataDir, 'articles'), path.join(dir, 'articles'), { recursive: true });
  cpSync(path.join(dataDir, 'summary'), path.join(dir, 'summary'), { recursive: true });
  return dir;
}

/** Replaces the first `from` with `to` in one summary file of a copy. */
export function editSummary(dir: string, file: string, from: string, to: string): void {
  const target = path.join(dir, 'summary', file);
  writeFileSync(target, readFileSync(target, 'utf8').replace(from, to));
}

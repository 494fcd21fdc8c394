/**
 * The article prefetch (a second thread reading a large corpus's files) must give exactly what
 * `readFileSync(file, 'utf8')` gives, and leave anything it could not read to the ordinary read.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../src/bench/synthetic.js';
import { extractBody } from '../../src/corpus/body.js';
import { loadBriefing } from '../../src/summary/load.js';
import { SummaryLoadError } from '../../src/summary/problems.js';
import { PREFETCH_MIN_FILES, prefetchArticles } from '../../src/summary/prefetch.js';
import { tempDir } from './scratchData.js';

/** Texts a byte-for-byte reader could get wrong: multi-byte UTF-8, a byte-order mark, CRLF, nothing at all. */
const AWKWARD = ['习近平 met 奥巴马 — “quoted” 🚀\n', '\uFEFFWith a byte-order mark\r\nand CRLF\r\n', '', 'x'.repeat(70_000)];

function folderOf(count: number): { dir: string; names: string[] } {
  const dir = tempDir('briefing-prefetch-');
  const names = Array.from({ length: count }, (_, index) => `a${String(index).padStart(5, '0')}.txt`);
  names.forEach((name, index) => writeFileSync(path.join(dir, name), AWKWARD[index % AWKWARD.length] + `file ${index}\n`));
  return { dir, names };
}

describe('prefetchArticles', () => {
  it('gives every file of a large folder exactly as readFileSync does, each once', () => {
    const { dir, names } = folderOf(PREFETCH_MIN_FILES + 3);
    const prefetch = prefetchArticles(dir);
    for (const name of names.toReversed()) expect(prefetch.take(name)).toBe(readFileSync(path.join(dir, name), 'utf8'));
    expect(prefetch.take(names[0] as string)).toBeUndefined();
    expect(prefetch.take('missing.txt')).toBeUndefined();
  });

  it('leaves files that are not article files, or cannot be read, to the ordinary read', () => {
    const { dir, names } = folderOf(PREFETCH_MIN_FILES);
    writeFileSync(path.join(dir, 'notes.md'), 'not an article');
    mkdirSync(path.join(dir, 'folder.txt'));
    const prefetch = prefetchArticles(dir);
    expect(prefetch.take('notes.md')).toBeUndefined();
    expect(prefetch.take('folder.txt')).toBeUndefined();
    expect(prefetch.take(names[1] as string)).toBe(readFileSync(path.join(dir, names[1] as string), 'utf8'));
  });

  it('reads nothing ahead in a small folder or a missing one', () => {
    const { dir, names } = folderOf(PREFETCH_MIN_FILES - 1);
    expect(prefetchArticles(dir).take(names[0] as string)).toBeUndefined();
    expect(prefetchArticles(path.join(dir, 'missing')).take(names[0] as string)).toBeUndefined();
  });
});

describe('loading a corpus large enough to prefetch', () => {
  it('loads every article body as the file holds it', () => {
    const dir = tempDir('briefing-prefetch-load-');
    writeSyntheticCorpus(dir, PREFETCH_MIN_FILES);
    const briefing = loadBriefing({ dataDir: dir, parseCacheDir: false });
    expect(briefing.articleList).toHaveLength(PREFETCH_MIN_FILES);
    for (const article of briefing.articleList) {
      const raw = readFileSync(path.join(dir, 'articles', article.file), 'utf8');
      expect(article.paragraphs).toEqual(extractBody(raw, article.body));
      expect(article.paragraphs.length).toBeGreaterThan(0);
    }
  });

  it('still names an article file that cannot be read', () => {
    const dir = tempDir('briefing-prefetch-missing-');
    writeSyntheticCorpus(dir, PREFETCH_MIN_FILES);
    const victim = loadBriefing({ dataDir: dir, parseCacheDir: false }).articleList[7];
    rmSync(path.join(dir, 'articles', victim?.file ?? ''));
    let problem: unknown;
    try {
      loadBriefing({ dataDir: dir, parseCacheDir: false });
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(SummaryLoadError);
    expect((problem as SummaryLoadError).problems).toContainEqual(
      expect.objectContaining({ path: 'articles[7].file', message: expect.stringContaining(`cannot read`) }),
    );
  });
});

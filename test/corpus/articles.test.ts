import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBody } from '../../src/corpus/body.js';
import { FURNITURE_PATTERNS, isFurniture } from '../../src/corpus/furniture.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const articlesDir = path.join(root, 'data/articles');
const seedsDir = path.resolve(root, '../shared/seeds');

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const articleFiles = readdirSync(articlesDir).filter((name) => name.endsWith('.txt')).sort();

describe('the article corpus', () => {
  it('holds the five seed articles, and every article file is described in articles.yaml', () => {
    const seedFiles = articleFiles.filter((name) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(name));
    expect(seedFiles).toHaveLength(5);
    // Articles added later with `npm run ingest -- --merge` sit beside the seeds; none may be orphaned.
    const described = readFileSync(path.join(root, 'data/summary/articles.yaml'), 'utf8');
    for (const name of articleFiles) expect(described, name).toContain(`file: ${name}`);
  });

  it('matches the committed SHA256SUMS manifest byte for byte', () => {
    const manifest = readFileSync(path.join(articlesDir, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+\*?/) as [string, string]);
    // The manifest pins the five seed articles.
    expect(manifest).toHaveLength(5);
    for (const [hash, name] of manifest) expect(sha256(path.join(articlesDir, name)), name).toBe(hash);
  });

  // The seeds live outside the repository (../shared/seeds); a clone without them skips this check.
  it.skipIf(!existsSync(seedsDir))('is byte-identical to ../shared/seeds', () => {
    const seeds = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
    expect(articleFiles).toEqual(expect.arrayContaining(seeds));
    for (const name of seeds) expect(sha256(path.join(articlesDir, name)), name).toBe(sha256(path.join(seedsDir, name)));
  });
});

describe('body extraction', () => {
  const raw = ['Headline', '', 'Advertisement', 'First paragraph.', '', 'Related article: Something else', 'Second “quoted” paragraph.', 'Share On Facebook', 'Tail paragraph.', 'Post a Comment'].join('\n');

  it('keeps the lines from start to end, without furniture or blank lines, exactly as written', () => {
    expect(extractBody(raw, { startLine: 'First', endLine: 'Second', dropLines: [] })).toEqual([
      'First paragraph.',
      'Second “quoted” paragraph.',
    ]);
    expect(extractBody(raw, { startLine: 'Headline', dropLines: ['Headline'] })).toEqual([
      'First paragraph.',
      'Second “quoted” paragraph.',
      'Tail paragraph.',
    ]);
  });

  it('names the rule field that matches nothing', () => {
    expect(() => extractBody(raw, { startLine: 'Nope', dropLines: [] })).toThrow(/startLine|Nope/);
    expect(() => extractBody(raw, { startLine: 'First', endLine: 'Missing', dropLines: [] })).toThrow(/Missing/);
    expect(() => extractBody(raw, { startLine: 'First', dropLines: ['Not a line'] })).toThrow(/Not a line/);
  });

  it('recognises common page furniture but not story sentences that merely mention it', () => {
    for (const line of ['Advertisement', 'Share On Twitter', 'Click to Read More and View Comments', 'No comments yet.', 'via IFTTT'])
      expect(isFurniture(line), line).toBe(true);
    for (const line of ['The advertisement ran in June.', 'Obama said he would post a comment.', 'AP'])
      expect(isFurniture(line), line).toBe(false);
  });

  it('decides every line of every article as the patterns one by one would', () => {
    const lines = articleFiles.flatMap((file) => readFileSync(path.join(articlesDir, file), 'utf8').split('\n'));
    const samples = [...lines, 'ADVERTISEMENT', '  Share this story now', 'Read more: elsewhere', 'Post', 'Postscript'];
    for (const line of samples) {
      expect(isFurniture(line), line).toBe(FURNITURE_PATTERNS.some((pattern) => pattern.test(line.trim())));
    }
    expect(samples.filter((line) => isFurniture(line)).length).toBeGreaterThan(5);
  });
});

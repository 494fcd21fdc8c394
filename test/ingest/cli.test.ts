/**
 * `npm run ingest` as a script runs it: the `--json` contract, the draft file
 * and report, `--merge` refusing bad data, and exit 2 on bad arguments.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DraftFileSchema } from '../../src/ingest/summaryDraft.js';
import { evidenceOf, fixture, readFixture, root } from './helpers.js';

const run = promisify(execFile);
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'src/cli/ingest.ts');

async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ingest-cli-test-'));
  made.push(dir);
  return dir;
}

/** The `--json` contract, as the issue states it (extra fields are allowed). */
const Contract = z.object({
  article: z.object({ title: z.string().nullable(), outlet: z.string().nullable(), published: z.object({ date: z.string() }).nullable() }),
  entities: z.array(z.object({ name: z.string(), kind: z.enum(['person', 'organization']), existing: z.boolean(), role: z.string().optional(), evidence: z.string() })),
  events: z.array(
    z.object({
      date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
      precision: z.enum(['day', 'approximate', 'month', 'year']),
      phrase: z.string(),
      inferred: z.boolean(),
      summary: z.string(),
      evidence: z.string(),
    }),
  ),
  quotes: z.array(z.object({ speaker: z.string().nullable(), text: z.string(), evidence: z.string() })),
  figures: z.array(z.object({ value: z.string(), counts: z.string(), evidence: z.string() })),
});

describe('npm run ingest', () => {
  it('--json prints one JSON object in the contract, with verbatim evidence', async () => {
    const { code, stdout } = await ingest(fixture('flood-plan.txt'), '--published', '2023-11-08', '--outlet', 'Riverton Courier', '--json');
    expect(code).toBe(0);
    const draft = Contract.parse(JSON.parse(stdout));
    expect(draft.article).toMatchObject({ outlet: 'Riverton Courier', published: { date: '2023-11-08' } });
    expect(draft.entities.find((e) => e.name === 'Rosa Delgado')).toMatchObject({ kind: 'person', existing: false, role: 'Mayor' });
    expect(draft.events.find((e) => e.phrase === 'on Tuesday')).toMatchObject({ date: '2023-11-07', inferred: true });
    const raw = readFixture('flood-plan.txt');
    for (const snippet of evidenceOf(JSON.parse(stdout))) expect(raw.includes(snippet), snippet).toBe(true);
  });

  it('writes a draft file for review and reports what it found and doubted', async () => {
    const out = path.join(scratch(), 'harbour.draft.yaml');
    const { code, stdout } = await ingest(fixture('harbour-talks.txt'), '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/4 people/);
    expect(stdout).toMatch(/Unsure/);
    expect(stdout).toContain(out.split(path.sep).pop());
    const file = DraftFileSchema.parse(parse(readFileSync(out, 'utf8')));
    expect(file.draft).toBe(true);
    expect(file.quotes.map((q) => q.speaker)).toContain('oskar-brandt');
  });

  it('--merge refuses an invalid draft with exit 1, lists the problems and changes nothing', async () => {
    const dataDir = scratch();
    cpSync(path.join(root, 'data/articles'), path.join(dataDir, 'articles'), { recursive: true });
    cpSync(path.join(root, 'data/summary'), path.join(dataDir, 'summary'), { recursive: true });
    const draftPath = path.join(dataDir, 'bad.draft.yaml');
    writeFileSync(draftPath, 'draft: true\nsource: nowhere.txt\narticles: []\n');
    const before = readFileSync(path.join(dataDir, 'summary/articles.yaml'), 'utf8');
    const { code, stderr } = await ingest('--merge', draftPath, '--data-dir', dataDir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Not merged/);
    expect(stderr).toMatch(/articles.*exactly one article/);
    expect(readFileSync(path.join(dataDir, 'summary/articles.yaml'), 'utf8')).toBe(before);
    expect(existsSync(path.join(dataDir, 'articles/nowhere.txt'))).toBe(false);
  });

  it.each([
    [['--published', '2023-02-30', fixture('flood-plan.txt')], /published/],
    [[], /missing the article file/],
    [['--bogus', fixture('flood-plan.txt')], /bogus/],
    [[path.join(root, 'test/fixtures/ingest/no-such-article.txt')], /cannot read/],
    [['--merge', 'x.yaml', fixture('flood-plan.txt')], /--merge takes only/],
  ])('exits 2 with a message on stderr for bad arguments %j', async (args, message) => {
    const { code, stderr, stdout } = await ingest(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/usage:/);
    expect(stdout).toBe('');
  });
});

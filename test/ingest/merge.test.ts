/**
 * `--merge` on a scratch copy of the real data folder: a valid draft lands in
 * the summary (and the summary still loads); an invalid one is refused with
 * its problems listed and leaves every file exactly as it was.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { extractDraft } from '../../src/ingest/draft.js';
import { mergeDraft } from '../../src/ingest/merge.js';
import { buildDraftFile, DraftFileSchema, draftFileToYaml, takenIds, type DraftFile } from '../../src/ingest/summaryDraft.js';
import { loadBriefing } from '../../src/summary/load.js';
import { fixture, root } from './helpers.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratchData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ingest-merge-test-'));
  made.push(dir);
  cpSync(path.join(root, 'data/articles'), path.join(dir, 'articles'), { recursive: true });
  cpSync(path.join(root, 'data/summary'), path.join(dir, 'summary'), { recursive: true });
  return dir;
}

function draftFor(dataDir: string, articlePath: string, published?: string): DraftFile {
  const briefing = loadBriefing({ dataDir });
  const draft = extractDraft(readFileSync(articlePath, 'utf8'), { published, file: path.basename(articlePath) }, briefing);
  return buildDraftFile(draft, { source: articlePath, known: briefing, taken: takenIds(briefing) });
}

function writeDraft(dataDir: string, file: DraftFile, name = 'test.draft.yaml'): string {
  const target = path.join(dataDir, name);
  writeFileSync(target, draftFileToYaml(file));
  return target;
}

/** Content hash of every file under the folder, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

describe('merging a draft', () => {
  it('writes a draft file in the summary format, marked draft, that the draft schema accepts', () => {
    const dataDir = scratchData();
    const file = draftFor(dataDir, fixture('harbour-talks.txt'));
    const reread = parse(draftFileToYaml(file)) as unknown;
    expect(DraftFileSchema.parse(reread)).toMatchObject({ draft: true, articles: [{ file: 'harbour-talks.txt', titleBasis: 'stated' }] });
    expect(file.review.length).toBeGreaterThan(0);
  });

  it('adds a valid draft to the summary, which then loads with the new article and its entries', () => {
    const dataDir = scratchData();
    const before = loadBriefing({ dataDir });
    const originalEntities = readFileSync(path.join(dataDir, 'summary/entities.yaml'), 'utf8');
    const draftPath = writeDraft(dataDir, draftFor(dataDir, fixture('harbour-talks.txt')));

    const outcome = mergeDraft(draftPath, dataDir);
    expect(outcome).toMatchObject({ ok: true });

    const after = loadBriefing({ dataDir });
    const article = after.articleList.find((a) => a.file === 'harbour-talks.txt');
    expect(article?.paragraphs).toHaveLength(9);
    expect(after.entities.get('clara-lindqvist')?.roles[0]?.title).toBe('Fisheries Minister');
    expect(after.quotes.size).toBe(before.quotes.size + 5);
    expect(after.quotesBySpeaker.get('oskar-brandt')?.[0]?.text).toBe('Our fleets cannot wait another season for an answer.');
    expect(readFileSync(path.join(dataDir, 'articles/harbour-talks.txt'))).toEqual(readFileSync(fixture('harbour-talks.txt')));
    // The curated file is appended to, not rewritten: its lines are all still there, in order.
    const merged = readFileSync(path.join(dataDir, 'summary/entities.yaml'), 'utf8').split('\n');
    let at = 0;
    for (const line of originalEntities.split('\n')) {
      at = merged.indexOf(line, at);
      expect(at, line).toBeGreaterThanOrEqual(0);
      at += 1;
    }
  });

  it('adds the mentions of known people to their entries instead of duplicating them', () => {
    const dataDir = scratchData();
    const articlePath = path.join(dataDir, 'xi-geneva.txt');
    writeFileSync(
      articlePath,
      ['Leaders meet again', '', 'Chinese President Xi Jinping arrived in Geneva on Monday for talks on trade, officials said.', '', '“We came to listen,” Mr. Xi said at the airport.', ''].join('\n'),
    );
    const file = draftFor(dataDir, articlePath, '2016-03-02');
    expect(file.entities.map((e) => e.id)).not.toContain('xi-jinping');
    expect(file.entityUpdates.map((u) => u.id)).toContain('xi-jinping');

    expect(mergeDraft(writeDraft(dataDir, file), dataDir)).toMatchObject({ ok: true });
    const after = loadBriefing({ dataDir });
    const newArticle = after.articleList.find((a) => a.file === 'xi-geneva.txt');
    expect(after.articlesMentioning.get('xi-jinping')).toContain(newArticle?.id);
    expect(after.quotesBySpeaker.get('xi-jinping')?.some((q) => q.text === 'We came to listen')).toBe(true);
  });

  it('refuses a draft whose evidence is not in the article, lists the problem and changes nothing', () => {
    const dataDir = scratchData();
    const file = draftFor(dataDir, fixture('harbour-talks.txt'));
    const quote = file.quotes[0];
    if (!quote?.sources[0]) throw new Error('the fixture should yield a quote');
    quote.sources[0].evidence = 'words the article never printed';
    const draftPath = writeDraft(dataDir, file);
    const before = snapshot(dataDir);

    const outcome = mergeDraft(draftPath, dataDir);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.join('\n')).toMatch(/quotes\.yaml.*not found verbatim/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('refuses a draft that breaks the schema, and a second merge of the same article', () => {
    const dataDir = scratchData();
    const file = draftFor(dataDir, fixture('job-cuts.txt'));
    const broken = structuredClone(file);
    const event = broken.events[0];
    if (!event) throw new Error('the fixture should yield an event');
    event.date = { ...event.date, value: '2024-02-30', precision: 'day' };
    const brokenPath = writeDraft(dataDir, broken, 'broken.draft.yaml');
    const before = snapshot(dataDir);
    const refused = mergeDraft(brokenPath, dataDir);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.join('\n')).toMatch(/events\[0\]\.date\.value.*not a real calendar date/);
    expect(snapshot(dataDir)).toEqual(before);

    const draftPath = writeDraft(dataDir, file);
    expect(mergeDraft(draftPath, dataDir).ok).toBe(true);
    const again = mergeDraft(draftPath, dataDir);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problems.join('\n')).toMatch(/already has an article/);
  });

  it('refuses updates to entities or events the summary does not have, naming each, and changes nothing', () => {
    const dataDir = scratchData();
    const file = draftFor(dataDir, fixture('harbour-talks.txt'));
    const source = file.quotes[0]?.sources[0];
    if (!source) throw new Error('the fixture should yield a sourced quote');
    file.entityUpdates.push({ id: 'nobody-we-know', mentions: [source], roles: [], aliases: [] });
    file.eventUpdates.push({ id: 'no-such-event', sources: [source] });
    const draftPath = writeDraft(dataDir, file);
    const before = snapshot(dataDir);

    const outcome = mergeDraft(draftPath, dataDir);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problems).toContain('draft: entityUpdates: unknown entity id "nobody-we-know"');
      expect(outcome.problems).toContain('draft: eventUpdates: unknown event id "no-such-event"');
    }
    expect(snapshot(dataDir)).toEqual(before);
  });
});

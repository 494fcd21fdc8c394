/** The parsed-YAML cache: same summary as a fresh parse, never stale, never in the way. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/summary/load.js';
import { SummaryLoadError } from '../../src/summary/problems.js';
import { copyOfData, editSummary, tempDir } from './scratchData.js';

describe('the parsed-YAML cache', () => {
  it('stores one entry per summary file and gives the same summary as parsing afresh', () => {
    const data = copyOfData();
    const cache = tempDir('briefing-cache-');
    const fresh = loadBriefing({ dataDir: data, parseCacheDir: false });
    const first = loadBriefing({ dataDir: data, parseCacheDir: cache });
    expect(readdirSync(cache).map((name) => name.replace(/-[0-9a-f]+\.json$/, '')).sort()).toEqual(
      ['articles', 'entities', 'events', 'figures', 'quotes', 'topics'],
    );
    const second = loadBriefing({ dataDir: data, parseCacheDir: cache });
    expect(first.summary).toEqual(fresh.summary);
    expect(second.summary).toEqual(fresh.summary);
  });

  it('is keyed by content: an edited file is parsed again, and its old entry goes', () => {
    const data = copyOfData();
    const cache = tempDir('briefing-cache-');
    loadBriefing({ dataDir: data, parseCacheDir: cache });
    const before = readdirSync(cache).filter((name) => name.startsWith('entities-'));
    editSummary(data, 'entities.yaml', 'name: Meng Jianzhu', 'name: Meng Jianzhu (edited)');
    const edited = loadBriefing({ dataDir: data, parseCacheDir: cache });
    expect(edited.entities.get('meng-jianzhu')?.name).toBe('Meng Jianzhu (edited)');
    const after = readdirSync(cache).filter((name) => name.startsWith('entities-'));
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('treats a corrupt entry as a miss', () => {
    const data = copyOfData();
    const cache = tempDir('briefing-cache-');
    loadBriefing({ dataDir: data, parseCacheDir: cache });
    for (const name of readdirSync(cache)) writeFileSync(path.join(cache, name), '{"truncat');
    expect(loadBriefing({ dataDir: data, parseCacheDir: cache }).entities.get('meng-jianzhu')?.name).toBe('Meng Jianzhu');
  });

  it('validates cached content like fresh content: a cached summary made invalid is refused', () => {
    const data = copyOfData();
    const cache = tempDir('briefing-cache-');
    loadBriefing({ dataDir: data, parseCacheDir: cache });
    const entry = readdirSync(cache).find((name) => name.startsWith('entities-')) as string;
    const file = path.join(cache, entry);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name":"Meng Jianzhu"', '"nam":"Meng Jianzhu"'));
    expect(() => loadBriefing({ dataDir: data, parseCacheDir: cache })).toThrow(SummaryLoadError);
  });

  it('never caches broken YAML: the error is reported on every load', () => {
    const data = copyOfData();
    const cache = tempDir('briefing-cache-');
    editSummary(data, 'topics.yaml', 'topics:', 'topics: [');
    for (let run = 0; run < 2; run++) {
      expect(() => loadBriefing({ dataDir: data, parseCacheDir: cache })).toThrow(/invalid YAML/);
    }
    expect(readdirSync(cache).some((name) => name.startsWith('topics-'))).toBe(false);
  });

  it('still loads when the cache folder cannot be created', () => {
    const data = copyOfData();
    // A file where the folder should be: mkdir fails with ENOTDIR, even for root.
    const blocker = path.join(tempDir('briefing-cache-'), 'not-a-folder');
    writeFileSync(blocker, '');
    expect(loadBriefing({ dataDir: data, parseCacheDir: path.join(blocker, 'summary') }).entities.get('meng-jianzhu')?.name).toBe('Meng Jianzhu');
  });
});

import { describe, expect, it } from 'vitest';
import { LiveBriefing, type ReloadResult } from '../../src/summary/live.js';
import { loadBriefing, type Briefing } from '../../src/summary/load.js';
import { copyOfData, editSummary } from './scratchData.js';

const mengName = (briefing: Briefing) => briefing.entities.get('meng-jianzhu')?.name;
const editEntities = (dir: string, from: string, to: string) => editSummary(dir, 'entities.yaml', from, to);

describe('hot reload of the summary', () => {
  it('swaps in a valid edit', () => {
    const dir = copyOfData();
    const live = new LiveBriefing(loadBriefing({ dataDir: dir }), { dataDir: dir, build: mengName });
    expect(live.current).toBe('Meng Jianzhu');
    editEntities(dir, 'name: Meng Jianzhu', 'name: Meng Jianzhu (envoy)');
    expect(live.reload().ok).toBe(true);
    expect(live.current).toBe('Meng Jianzhu (envoy)');
  });

  it('keeps serving the old summary when the new one is invalid, and says why', () => {
    const dir = copyOfData();
    const errors: unknown[] = [];
    const live = new LiveBriefing(loadBriefing({ dataDir: dir }), {
      dataDir: dir,
      build: mengName,
      logger: { info: () => undefined, error: (object: unknown) => errors.push(object) } as never,
    });
    editEntities(dir, 'name: Meng Jianzhu', 'nam: Meng Jianzhu');
    const result = live.reload();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.path).join(' ')).toMatch(/entities\[\d+\]\.name/);
    expect(live.current).toBe('Meng Jianzhu');
    expect(errors).toHaveLength(1);
  });

  it('reloads by itself when a summary file changes', async () => {
    const dir = copyOfData();
    const live = new LiveBriefing(loadBriefing({ dataDir: dir }), { dataDir: dir, build: mengName });
    const reloaded = new Promise<ReloadResult>((resolve) => {
      const stop = live.watch({ debounceMs: 20, onReload: (result) => (stop(), resolve(result)) });
    });
    editEntities(dir, 'name: Meng Jianzhu', 'name: Meng Jianzhu (watched)');
    expect((await reloaded).ok).toBe(true);
    expect(live.current).toBe('Meng Jianzhu (watched)');
  });

  it('reloads on SIGHUP', async () => {
    const dir = copyOfData();
    const live = new LiveBriefing(loadBriefing({ dataDir: dir }), { dataDir: dir, build: mengName });
    const reloaded = new Promise<ReloadResult>((resolve) => {
      const stop = live.watch({ debounceMs: 1, watchFiles: false, onReload: (result) => (stop(), resolve(result)) });
    });
    editEntities(dir, 'name: Meng Jianzhu', 'name: Meng Jianzhu (signalled)');
    process.kill(process.pid, 'SIGHUP');
    expect((await reloaded).ok).toBe(true);
    expect(live.current).toBe('Meng Jianzhu (signalled)');
  });

  it('reloads when nobody listens for the result (as npm start watches)', async () => {
    const dir = copyOfData();
    const live = new LiveBriefing(loadBriefing({ dataDir: dir }), { dataDir: dir, build: mengName });
    const stop = live.watch({ debounceMs: 1, watchFiles: false });
    try {
      editEntities(dir, 'name: Meng Jianzhu', 'name: Meng Jianzhu (unobserved)');
      process.kill(process.pid, 'SIGHUP');
      await expect.poll(() => live.current, { timeout: 5_000 }).toBe('Meng Jianzhu (unobserved)');
    } finally {
      stop();
    }
  });
});

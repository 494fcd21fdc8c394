/**
 * Hot reload of the summary: when a file under data/summary changes (or on
 * SIGHUP) the data is loaded and validated again, and only a valid result
 * replaces what is served — in one assignment, so a question is answered
 * entirely from the old data or entirely from the new. Invalid data is
 * logged and the old summary keeps serving.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { DEFAULT_DATA_DIR, loadBriefing, type Briefing } from './load.js';
import { formatProblem, SummaryLoadError, type DataProblem } from './problems.js';

export type ReloadResult = { ok: true; briefing: Briefing } | { ok: false; problems: readonly DataProblem[] };

export interface LiveBriefingOptions<T> {
  dataDir?: string;
  /** Builds what is served (e.g. the answer engine with its indices) from a valid briefing. */
  build: (briefing: Briefing) => T;
  logger?: Pick<Logger, 'info' | 'error'>;
}

export class LiveBriefing<T> {
  private served: T;
  private readonly dataDir: string;

  constructor(
    initial: Briefing,
    private readonly options: LiveBriefingOptions<T>,
  ) {
    this.dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
    this.served = options.build(initial);
  }

  /** What to answer from right now. Read it once per request. */
  get current(): T {
    return this.served;
  }

  /** Loads, validates and builds; swaps only on success. */
  reload(): ReloadResult {
    let briefing: Briefing;
    let built: T;
    try {
      briefing = loadBriefing({ dataDir: this.dataDir });
      built = this.options.build(briefing);
    } catch (error) {
      const problems =
        error instanceof SummaryLoadError ? error.problems : [{ file: this.dataDir, path: '', message: String(error) }];
      this.options.logger?.error(
        { problems: problems.map(formatProblem) },
        'summary reload rejected: still serving the previous summary',
      );
      return { ok: false, problems };
    }
    this.served = built;
    this.options.logger?.info(
      { entities: briefing.summary.entities.length, events: briefing.summary.events.length },
      'summary reloaded',
    );
    return { ok: true, briefing };
  }

  /**
   * Reloads when a summary file changes (debounced: editors write in bursts)
   * and on SIGHUP. Returns a function that stops watching.
   */
  watch(options: { debounceMs?: number; watchFiles?: boolean; onReload?: (result: ReloadResult) => void } = {}): () => void {
    const debounceMs = options.debounceMs ?? 200;
    let timer: NodeJS.Timeout | undefined;
    const trigger = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Not `options.onReload?.(this.reload())`: an optional call skips evaluating its argument.
        const result = this.reload();
        options.onReload?.(result);
      }, debounceMs);
    };
    const watchers: FSWatcher[] = options.watchFiles === false ? [] : [watch(path.join(this.dataDir, 'summary'), trigger)];
    const onSignal = () => trigger();
    process.on('SIGHUP', onSignal);
    return () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      process.off('SIGHUP', onSignal);
    };
  }
}

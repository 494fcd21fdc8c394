/** How load time and answer latency grow with the corpus: 100, 1,000, 10,000 synthetic articles. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAnswerEngine } from '../answers/index.js';
import { loadBriefing } from '../summary/load.js';
import { measureAnswers } from './answers.js';
import { COMMANDS } from './questions.js';
import { round1 } from './stats.js';
import { writeSyntheticCorpus } from './synthetic.js';

export interface ScalePoint {
  articles: number;
  entities: number;
  events: number;
  /** Read, parse, validate, cross-check and index (loadBriefing), then build the answer engine. */
  load_ms: number;
  loadBriefing_ms: number;
  engine_build_ms: number;
  /** Worst per-command p99 over the mix. */
  answer_p99_us: number;
  answer_p99_by_command_us: Record<string, number>;
}

export function measureScalePoint(articles: number, perCommand: number): ScalePoint {
  const dir = mkdtempSync(path.join(tmpdir(), `briefing-bench-${articles}-`));
  try {
    const corpus = writeSyntheticCorpus(dir, articles);
    const start = performance.now();
    const briefing = loadBriefing({ dataDir: dir });
    const loaded = performance.now();
    const engine = createAnswerEngine(briefing);
    const built = performance.now();
    const latency = measureAnswers(engine, perCommand, 1);
    const byCommand = Object.fromEntries(COMMANDS.map((command) => [command, latency[command].p99_us]));
    return {
      articles,
      entities: corpus.entities,
      events: corpus.events,
      load_ms: round1(built - start),
      loadBriefing_ms: round1(loaded - start),
      engine_build_ms: round1(built - loaded),
      answer_p99_us: Math.max(...Object.values(byCommand)),
      answer_p99_by_command_us: byCommand,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

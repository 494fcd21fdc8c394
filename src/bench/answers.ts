/** In-process answer latency per command: warm-up, then one timed pass over the fixed mix. */
import type { AnswerEngine } from '../answers/index.js';
import { COMMANDS, questionMix, type BenchCommand, type Question } from './questions.js';
import { percentile, round1, timeMicros } from './stats.js';

export interface CommandLatency {
  p50_us: number;
  p99_us: number;
  count: number;
  /** The slowest questions of the timed pass, slowest first: where to look when p99 misses. */
  slowest: { label: string; us: number }[];
}

function runQuietly(engine: AnswerEngine, question: Question): void {
  try {
    question.run(engine);
  } catch {
    // A UserInputError is a legitimate answer (the user sees its message); it is timed all the same.
  }
}

/** Times `perCommand` questions of each command (≥ 1,000 in all) after `warmup` rounds of the same mix. */
export function measureAnswers(engine: AnswerEngine, perCommand = 400, warmup = 2): Record<BenchCommand, CommandLatency> {
  const mix = questionMix(engine.briefing, perCommand);
  for (let round = 0; round < warmup; round++) for (const command of COMMANDS) for (const question of mix[command]) runQuietly(engine, question);
  const result = {} as Record<BenchCommand, CommandLatency>;
  for (const command of COMMANDS) {
    const questions = mix[command];
    const samples = questions.map((question) => timeMicros(() => runQuietly(engine, question)));
    const slowest = samples
      .map((us, index) => ({ label: (questions[index] as Question).label, us: round1(us) }))
      .sort((a, b) => b.us - a.us)
      .slice(0, 3);
    result[command] = { p50_us: round1(percentile(samples, 50)), p99_us: round1(percentile(samples, 99)), count: samples.length, slowest };
  }
  return result;
}

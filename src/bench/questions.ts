/**
 * A fixed, deterministic mix of questions per command, drawn from the briefing
 * itself (names, aliases, topics, dates, quote words) plus misses and typos, so
 * the same generator serves the real data and the synthetic corpus.
 */
import type { AnswerEngine } from '../answers/index.js';
import type { Briefing } from '../summary/load.js';
import { createRandom } from './random.js';

export const COMMANDS = ['who', 'timeline', 'onthisday', 'quote', 'ask'] as const;
export type BenchCommand = (typeof COMMANDS)[number];

export interface Question {
  /** What was asked, for reports of the slowest questions. */
  label: string;
  run: (engine: AnswerEngine) => unknown;
}

const MISSES = ['Nobody Atall', 'zzqx', 'Abraham Lincoln', 'the moon', ''];

function typo(text: string, pick: (n: number) => number): string {
  if (text.length < 4) return text;
  const at = 1 + pick(text.length - 2);
  return text.slice(0, at) + text.slice(at + 1);
}

/** `perCommand` questions for each command, the same every run for the same briefing. */
export function questionMix(briefing: Briefing, perCommand: number, seed = 42): Record<BenchCommand, Question[]> {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[random.int(items.length)] as T;
  const entities = briefing.summary.entities;
  const names = entities.flatMap((entity) => [entity.name, ...entity.aliases]);
  const topics = briefing.summary.topics.flatMap((topic) => [topic.name, topic.id, ...topic.keywords]);
  const days = briefing.eventsByDate.filter((event) => event.date.value.length === 10).map((event) => event.date.value);
  const quoteWords = briefing.summary.quotes.flatMap((quote) => quote.text.split(/\s+/).filter((word) => word.length > 5)).slice(0, 2000);
  const name = () => (random.int(10) === 0 ? pick(MISSES) || 'x' : random.int(6) === 0 ? typo(pick(names), random.int) : pick(names));
  const day = () => (days.length > 0 && random.int(5) > 0 ? pick(days) : `${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`);

  const makers: Record<BenchCommand, () => Question> = {
    who: () => {
      const asked = name();
      return { label: `who ${asked}`, run: (engine) => engine.who(asked) };
    },
    timeline: () => {
      const variant = random.int(4);
      const options =
        variant === 0 ? {} : variant === 1 ? { actor: name() } : variant === 2 ? { topic: pick(topics) } : { from: day().slice(0, 4), page: 1 + random.int(3) };
      return { label: `timeline ${JSON.stringify(options)}`, run: (engine) => engine.timeline(options) };
    },
    onthisday: () => {
      const date = day().slice(-5);
      return { label: `onthisday ${date}`, run: (engine) => engine.onThisDay({ date }) };
    },
    quote: () => {
      const variant = random.int(3);
      const options = variant === 0 ? { speaker: name() } : variant === 1 ? { about: pick(quoteWords.length > 0 ? quoteWords : topics) } : {};
      return { label: `quote ${JSON.stringify(options)}`, run: (engine) => engine.quote(options) };
    },
    ask: () => {
      const templates = [
        () => `Who is ${name()}?`,
        () => `What happened on ${day()}?`,
        () => `What did ${name()} say about ${pick(topics)}?`,
        () => `When did ${name()} meet ${name()}?`,
        () => `How many ${pick(topics)}?`,
        () => `Tell me about ${pick(topics)}`,
        () => pick(quoteWords.length > 0 ? quoteWords : topics),
      ];
      const question = pick(templates)();
      return { label: `ask ${question}`, run: (engine) => engine.ask(question) };
    },
  };
  return Object.fromEntries(COMMANDS.map((command) => [command, Array.from({ length: perCommand }, makers[command])])) as Record<BenchCommand, Question[]>;
}

/**
 * The answer engine: questions in, answer objects out, every answer cited.
 * `createAnswerEngine` builds every index once; each call then only looks up.
 * Invalid input throws `UserInputError` (its message is for the user); a
 * name or question the sources cannot answer is an answer (`not_found`).
 */
import type { Briefing } from '../summary/load.js';
import { askAnswer } from './ask.js';
import { briefAnswer } from './brief.js';
import { createContext, type EngineContext } from './context.js';
import { helpAnswer } from './help.js';
import { AUTOCOMPLETE_MAX } from './limits.js';
import { onThisDayAnswer, type OnThisDayOptions } from './onthisday.js';
import { quoteAnswer, type QuoteOptions } from './quote.js';
import { sourcesAnswer } from './sources.js';
import { timelineAnswer, type TimelineOptions } from './timeline.js';
import type { Answer, Candidate } from './types.js';
import { whoAnswer } from './who.js';

export interface AnswerEngine {
  readonly briefing: Briefing;
  brief(): Answer;
  help(): Answer;
  who(name: string): Answer;
  timeline(options?: TimelineOptions): Answer;
  onThisDay(options?: OnThisDayOptions): Answer;
  quote(options?: QuoteOptions): Answer;
  sources(): Answer;
  /** `now`: the clock "today" is read from (default: the system's). */
  ask(question: string, now?: Date): Answer;
  /** Autocomplete for names (who, timeline actor, quote speaker): value is the entity id. */
  completeName(partial: string, limit?: number): Candidate[];
  /** Autocomplete for topics: value is the topic id. */
  completeTopic(partial: string, limit?: number): Candidate[];
}

export function createAnswerEngine(briefing: Briefing): AnswerEngine {
  const ctx: EngineContext = createContext(briefing);
  return {
    briefing,
    brief: () => ctx.remember('brief', () => briefAnswer(ctx)),
    help: () => ctx.remember('help', () => helpAnswer(ctx)),
    sources: () => ctx.remember('sources', () => sourcesAnswer(ctx)),
    who: (name) => whoAnswer(ctx, name),
    timeline: (options) => timelineAnswer(ctx, options),
    onThisDay: (options) => onThisDayAnswer(ctx, options),
    quote: (options) => quoteAnswer(ctx, options),
    ask: (question, now) => askAnswer(ctx, question, now),
    completeName: (partial, limit = AUTOCOMPLETE_MAX) =>
      ctx.names.complete(partial.slice(0, 100), limit).map((entity) => ({
        id: entity.id,
        label: entity.name,
        ...(entity.roles[0] ? { description: entity.roles[0].title } : {}),
      })),
    completeTopic: (partial, limit = AUTOCOMPLETE_MAX) => {
      const text = partial.slice(0, 100).trim();
      const topics = ctx.topics.all;
      const found = text ? ctx.topics.find(text) : undefined;
      const key = text.toLowerCase();
      const matching = topics.filter(
        (topic) => !key || topic.name.toLowerCase().includes(key) || topic.id.includes(key) || topic.keywords.some((word) => word.toLowerCase().includes(key)),
      );
      return [...new Set([...(found ? [found] : []), ...matching])].slice(0, limit).map((topic) => ({ id: topic.id, label: topic.name }));
    },
  };
}

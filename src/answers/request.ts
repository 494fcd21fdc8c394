/**
 * One question to the engine as plain data, and the one place that maps it onto
 * the engine's methods: the CLI and the local console both build a request and
 * call `answerRequest`, so a new command is wired once.
 */
import type { AnswerEngine } from './engine.js';
import type { OnThisDayOptions } from './onthisday.js';
import type { QuoteOptions } from './quote.js';
import type { TimelineOptions } from './timeline.js';
import type { Answer } from './types.js';

export type EngineRequest =
  | { command: 'brief' | 'help' | 'sources' }
  | { command: 'who'; name: string }
  | { command: 'timeline'; options: TimelineOptions }
  | { command: 'onthisday'; options: OnThisDayOptions }
  | { command: 'quote'; options: QuoteOptions }
  | { command: 'ask'; question: string };

export type EngineCommand = EngineRequest['command'];

/** Answers a request; throws `UserInputError` for input the user must fix. */
export function answerRequest(engine: AnswerEngine, request: EngineRequest): Answer {
  switch (request.command) {
    case 'brief':
      return engine.brief();
    case 'help':
      return engine.help();
    case 'sources':
      return engine.sources();
    case 'who':
      return engine.who(request.name);
    case 'timeline':
      return engine.timeline(request.options);
    case 'onthisday':
      return engine.onThisDay(request.options);
    case 'quote':
      return engine.quote(request.options);
    case 'ask':
      return engine.ask(request.question);
  }
}

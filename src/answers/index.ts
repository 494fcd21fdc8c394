/** The answer engine's public surface: what the CLI, the console and the Discord layer use. */
export { createAnswerEngine, type AnswerEngine } from './engine.js';
export { UserInputError } from './errors.js';
export { deepFreeze } from './freeze.js';
export { answerRequest, type EngineCommand, type EngineRequest } from './request.js';
export { answerToText, type TextOptions } from './text.js';
export * from './limits.js';
export type * from './types.js';
export { ANSWER_KINDS } from './types.js';
export type { TimelineOptions } from './timeline.js';
export type { OnThisDayOptions } from './onthisday.js';
export type { QuoteOptions } from './quote.js';

/**
 * Rendered replies to answer commands, so a question asked again (the
 * timeline, the brief, "who is Xi Jinping?" on a busy server) is sent without
 * being answered and rendered again.
 *
 * Why a hit is always the reply a fresh answer would give: an answer command
 * is a pure function of the summary, its options and, for "today", the day it
 * is asked. So the key holds all three: one table per engine (a reloaded
 * summary starts afresh, and the old table goes when the old engine does), the
 * UTC day, and the command with its options. Errors are never cached (they
 * are thrown, not returned), and the dispatcher keeps out any reply whose
 * buttons depend on the in-memory custom-id store, which may forget them.
 *
 * Bounded, least recently used out first, so memory stays flat whatever users
 * type. Derived from the summary alone: nothing sharding would need to share.
 */
import type { AnswerEngine } from '../answers/index.js';
import { deepFreeze } from '../answers/index.js';
import type { CommandOptions } from './command.js';
import type { MessagePayload } from './payload.js';

/** ~500 replies of at most ~6 KB of embed text each: a few MB at most. */
export const REPLY_CACHE_ENTRIES = 500;

/** The request, in a form where equal requests give equal keys whatever order the options came in. */
export function replyKey(request: { command: string; options: CommandOptions }, now: Date): string {
  const options = Object.entries(request.options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([now.toISOString().slice(0, 10), request.command, options]);
}

export class ReplyCache {
  private readonly byEngine = new WeakMap<AnswerEngine, Map<string, MessagePayload>>();

  constructor(private readonly capacity = REPLY_CACHE_ENTRIES) {}

  get(engine: AnswerEngine, key: string): MessagePayload | undefined {
    const table = this.byEngine.get(engine);
    const payload = table?.get(key);
    if (payload && table) {
      // Most recently used last: a Map keeps insertion order.
      table.delete(key);
      table.set(key, payload);
    }
    return payload;
  }

  /** Keeps `payload` (frozen: every hit sends the same objects) and returns it. */
  set(engine: AnswerEngine, key: string, payload: MessagePayload): MessagePayload {
    let table = this.byEngine.get(engine);
    if (!table) this.byEngine.set(engine, (table = new Map()));
    table.delete(key);
    table.set(key, deepFreeze(payload));
    if (table.size > this.capacity) table.delete(table.keys().next().value as string);
    return payload;
  }

  size(engine: AnswerEngine): number {
    return this.byEngine.get(engine)?.size ?? 0;
  }
}

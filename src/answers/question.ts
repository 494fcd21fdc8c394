/** A free question, cleaned once and analysed once for every route of the `ask` router. */
import type { EngineContext } from './context.js';
import type { QueryTerms } from './termIndex.js';
import { anchorTerms, queryTerms } from './terms.js';

export interface Question {
  /** As typed, trimmed. */
  original: string;
  /** Lowercase, straight apostrophes, no mentions, greetings or final punctuation: what routes match. */
  text: string;
  /** `text` with the user's capitals, for echoing names back. */
  cased: string;
  query: QueryTerms;
}

const LEADING_FILLER = [
  /^(?:hey|hi|hello|ok|okay|so|well|please|pls|bot|briefing bot)\b[,!:]?\s*/,
  /^(?:can|could|would|will) you (?:please )?(?:tell me|explain|show me|give me|remind me|let me know)\s*/,
  /^(?:do you know|i (?:want|would like|'d like) to know|i wonder|tell me)\s+(?=who|what|when|where|why|how|which|if|whether)/,
];

/**
 * A description set off by commas after a name ("Meng Jianzhu, the Chinese security chief sent by
 * Xi, met …"): it says who someone is, not what is asked, and its words would make every search
 * look for them too.
 */
const APPOSITIVE = /,\s*(?:the|a|an|his|her|their|its|who|whose|which)\s[^,]{2,120},\s*/gi;

/** Cleans a question; with `keepCase`, the same text with the user's capitals. */
export function cleanQuestion(original: string, keepCase = false): string {
  let text = original
    .replace(/<@[!&]?\d+>|@(?:everyone|here)\b/g, ' ')
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(APPOSITIVE, ' ')
    .trim();
  if (!keepCase) text = text.toLowerCase();
  for (let changed = true; changed; ) {
    changed = false;
    for (const filler of LEADING_FILLER) {
      const next = text.replace(new RegExp(filler.source, 'i'), '');
      if (next !== text) [text, changed] = [next, true];
    }
  }
  return text.replace(/[\s?!.,;:]+$/g, '').replace(/\s+please$/i, '').trim();
}

/** The user's own capitals for a fragment of `question.text` ("susan rise" → "Susan Rise"). */
export function recase(question: Question, fragment: string): string {
  const at = question.text.indexOf(fragment);
  if (at < 0 || question.cased.length !== question.text.length) return fragment;
  return question.cased.slice(at, at + fragment.length);
}

export function parseQuestion(ctx: EngineContext, original: string): Question {
  const text = cleanQuestion(original);
  const cased = cleanQuestion(original, true);
  const terms = queryTerms(text);
  // Names must be matched, whether typed with capitals ("Microsoft") or found as an alias ("microsoft", "rice").
  const mentioned = ctx.names.mentionsIn(text).flatMap((mention) => queryTerms(mention.phrase));
  const anchors = [...new Set([...anchorTerms(original), ...mentioned])].filter((anchor) => terms.includes(anchor));
  return { original, text, cased, query: { terms, anchors } };
}

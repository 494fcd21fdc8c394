/**
 * Whether the clause around a date speaks of the past or of what is to come:
 * "said on Thursday" is the Thursday just gone, "were to meet on Friday" the
 * one ahead. News copy also uses the present for schedules ("talks that begin
 * Thursday night", "before he arrives on Sept. 24").
 */
import { FUTURE_MARKERS, IRREGULAR_PAST } from './lexicon.js';
import type { Sentence, Token } from './nlp.js';

export type Tense = 'past' | 'future' | 'unknown';

const CLAUSE_BREAKS = new Set([',', ';', '—', '–', '“', '”', '"', '(', ')', ':']);
const SCHEDULED_TO = /\b(?:is|are|was|were)\s+(?:due\s+|set\s+|scheduled\s+|expected\s+)?to\s+[a-z]+/i;

function tenseOf(tokens: Token[], text: string): Tense {
  if (SCHEDULED_TO.test(text) || tokens.some((token) => FUTURE_MARKERS.has(token.text.toLowerCase()))) return 'future';
  const past = tokens.some(
    (token) =>
      (token.pos === 'VERB' || token.pos === 'AUX') &&
      (IRREGULAR_PAST.has(token.text.toLowerCase()) || (/ed$/i.test(token.text) && token.lemma.toLowerCase() !== token.text.toLowerCase())),
  );
  if (past) return 'past';
  const present = tokens.some(
    (token, i) =>
      token.pos === 'VERB' &&
      tokens[i - 1]?.text.toLowerCase() !== 'to' &&
      !/ing$/i.test(token.text) &&
      (token.text.toLowerCase() === token.lemma.toLowerCase() || token.text.toLowerCase() === `${token.lemma.toLowerCase()}s`),
  );
  return present ? 'future' : 'unknown';
}

const MODALS = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'shall', 'should', 'must', '’ll', "'ll"]);

/** The verb nearest the date inside its clause, read with the words before it ("could peak", "due to resume"). */
function nearestVerbTense(tokens: Token[], from: number, to: number, index: number): Tense {
  const isVerb = (token: Token | undefined) => !!token && token.pos === 'VERB';
  let verb = -1;
  for (let k = index - 1; k >= from; k -= 1) if (isVerb(tokens[k])) { verb = k; break; }
  if (verb < 0) for (let k = index + 1; k < to; k += 1) if (isVerb(tokens[k])) { verb = k; break; }
  const token = tokens[verb];
  if (!token) return 'unknown';
  const before = tokens.slice(Math.max(from, verb - 3), verb).map((t) => t.text.toLowerCase());
  const modal = before.findIndex((word) => MODALS.has(word));
  // "could have impacted" looks back; "could peak", "would resume" look ahead.
  if (modal >= 0) return before[modal + 1] === 'have' ? 'past' : 'future';
  if (before[before.length - 1] === 'to') return 'future';
  if (/ing$/i.test(token.text)) return 'unknown';
  if (IRREGULAR_PAST.has(token.text.toLowerCase()) || (/ed$/i.test(token.text) && token.lemma.toLowerCase() !== token.text.toLowerCase())) return 'past';
  const word = token.text.toLowerCase();
  const lemma = token.lemma.toLowerCase();
  return word === lemma || word === `${lemma}s` ? 'future' : 'unknown';
}

/** Tense of the clause holding `offset`, or of the whole sentence when the clause has no verb to go by. */
export function tenseAround(paragraph: string, sentence: Sentence, offset: number): Tense {
  const tokens = sentence.tokens;
  let index = tokens.findIndex((token) => token.end > offset);
  if (index < 0) index = tokens.length - 1;
  let from = index;
  while (from > 0 && !CLAUSE_BREAKS.has(tokens[from - 1]?.text ?? '')) from -= 1;
  let to = index;
  while (to < tokens.length && !CLAUSE_BREAKS.has(tokens[to]?.text ?? '')) to += 1;
  const nearest = nearestVerbTense(tokens, from, to, index);
  if (nearest !== 'unknown') return nearest;
  const clause = tokens.slice(from, to);
  const clauseText = paragraph.slice(clause[0]?.start ?? 0, clause[clause.length - 1]?.end ?? 0);
  const inClause = tenseOf(clause, clauseText);
  if (inClause !== 'unknown') return inClause;
  return tenseOf(tokens, paragraph.slice(sentence.start, sentence.end));
}

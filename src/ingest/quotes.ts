/**
 * Direct quotations and who said them, in the attribution patterns of news copy:
 *   “…,” Mr. Xi said.          “…,” said Patrick Cronin of …      X said, “…”
 *   “…” before …, the official contends.   … stated that there was an “…”
 *   “…,” he said. “…”  (a quotation continued after its attribution)
 *   … a “…” on …, according to the senior administration official.
 * Pronouns go to the last person named before the quotation; "the official",
 * "the spokesman" to the last source or person described by that noun;
 * "the statement" to whoever issued the last statement.
 */
import { DEFINITE_SOURCE } from './anonymous.js';
import type { Cluster, EntityFindings, EntityMention } from './entities.js';
import { SPEECH_VERBS } from './lexicon.js';
import type { Sentence, Token } from './nlp.js';
import { comparePlaces, isBefore, sentenceAt, type AnalysedParagraph, type Place } from './spans.js';

export type Attribution = 'after' | 'before' | 'according-to' | 'continuation';

export interface QuoteFinding extends Place {
  /** The quotation without its marks (a trailing comma dropped), verbatim. */
  text: string;
  speaker?: Cluster;
  how?: Attribution;
  /** The words that name the speaker: "he", "the official", "Mr. Xi". */
  speakerWords?: string;
  /** The quotation with its attribution, verbatim from one paragraph. */
  evidence: string;
}

const PRONOUN = /^(?:he|she)$/i;
const BREAKS = new Set([',', ';', '.', ':', '—', '–', '“', '”', '"', '(', ')']);

interface Slot {
  paragraph: AnalysedParagraph;
  from: number;
  to: number;
  /** Prefer the mention nearest this end of the slot (the one next to the verb). */
  nearEnd: boolean;
}

export function findQuotes(paragraphs: readonly AnalysedParagraph[], entities: EntityFindings): QuoteFinding[] {
  const quotes: QuoteFinding[] = [];
  for (const paragraph of paragraphs) {
    paragraph.quoted.forEach(([open, close], index) => {
      const closed = ['”', '"'].includes(paragraph.text[close - 1] ?? '') && close - open > 1;
      const innerEnd = closed ? close - 1 : close;
      const raw = paragraph.text.slice(open + 1, innerEnd);
      const text = raw.trim().replace(/[,\s]+$/, '');
      if (text.length < 2) return;
      const textStart = paragraph.text.indexOf(text, open);
      const before = sentenceAt(paragraph, open);
      const after = sentenceAt(paragraph, Math.max(open, close - 1));
      if (!before || !after) return;
      const previousClose = paragraph.quoted[index - 1]?.[1] ?? 0;
      const nextOpen = paragraph.quoted[index + 1]?.[0] ?? paragraph.text.length;
      const frameBefore = { from: Math.max(before.start, previousClose), to: open };
      const frameAfter = { from: close, to: Math.min(after.end, nextOpen) };
      const place: Place = { paragraph: paragraph.index, start: textStart, end: textStart + text.length };
      const finding: QuoteFinding = { ...place, text, evidence: paragraph.text.slice(before.start, Math.max(after.end, close)).trim() };

      const attempt = (how: Attribution, slot: Slot | undefined) => {
        if (finding.speaker || !slot) return;
        const speaker = speakerIn(slot, place, entities, paragraphs);
        if (speaker) {
          finding.speaker = speaker;
          finding.how = how;
          finding.speakerWords = paragraph.text.slice(slot.from, slot.to).trim();
        }
      };
      attempt('after', slotAfter(paragraph, after, frameAfter));
      attempt('before', slotBefore(paragraph, before, frameBefore));
      attempt('according-to', accordingTo(paragraph, frameAfter) ?? accordingTo(paragraph, frameBefore));

      // "He said, “…”": let the evidence reach back to where the speaker was named, within the paragraph.
      if (finding.speaker && (PRONOUN.test(finding.speakerWords ?? '') || /^the\b/i.test(finding.speakerWords ?? ''))) {
        const named = finding.speaker.mentions.filter((entry) => entry.paragraph === paragraph.index && entry.start < before.start && !entry.inQuote).pop();
        if (named) finding.evidence = paragraph.text.slice(named.sentence.start, Math.max(after.end, close)).trim();
      }
      const bare = !paragraph.text.slice(frameBefore.from, frameBefore.to).trim() && !/[A-Za-z]/.test(paragraph.text.slice(frameAfter.from, frameAfter.to));
      const previous = quotes[quotes.length - 1];
      if (!finding.speaker && bare && previous?.speaker && continues(previous, finding, paragraphs)) {
        finding.speaker = previous.speaker;
        finding.how = 'continuation';
        finding.speakerWords = previous.speakerWords;
        if (previous.paragraph === paragraph.index) {
          const from = paragraph.text.indexOf(previous.evidence);
          if (from >= 0) finding.evidence = paragraph.text.slice(from, Math.max(after.end, close)).trim();
        }
      }
      quotes.push(finding);
    });
  }
  return quotes;
}

/** A bare quotation continues the previous one when nothing but that quotation's own sentence lies between them. */
function continues(previous: QuoteFinding, current: QuoteFinding, paragraphs: readonly AnalysedParagraph[]): boolean {
  if (previous.paragraph === current.paragraph) {
    const paragraph = paragraphs[current.paragraph];
    const prevSentence = paragraph && sentenceAt(paragraph, previous.end);
    const gap = paragraph?.text.slice(prevSentence?.end ?? previous.end, current.start - 1) ?? '';
    return !/[A-Za-z]/.test(gap);
  }
  // Across paragraphs: the previous quotation must close its paragraph's last sentence.
  if (previous.paragraph !== current.paragraph - 1) return false;
  const before = paragraphs[previous.paragraph];
  const last = before?.sentences[before.sentences.length - 1];
  return !!last && previous.end >= last.start;
}

/** Parts of speech a speaker's description is made of: "Rand Institution’s Deputy Director for the Center ... Dr. Scott W. Harold". */
const DESCRIPTION_POS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'PRON', 'PART', 'ADP', 'PUNCT', 'NUM', 'CCONJ']);
const describesSpeaker = (tokens: readonly Token[]) =>
  // Capitalised words pass whatever the tagger says ("Josh" has been tagged a verb).
  tokens.every((token) => (DESCRIPTION_POS.has(token.pos) || /^[A-Z]/.test(token.text)) && token.text.toLowerCase() !== 'that');

const tokensIn = (sentence: Sentence, from: number, to: number) => sentence.tokens.filter((token) => token.start >= from && token.end <= to);
const isSpeechVerb = (token: Token | undefined) => !!token && SPEECH_VERBS.has(token.text.toLowerCase()) && token.pos !== 'NOUN';

/** “…,” the official claimed. / “…,” said Patrick Cronin of … / “…” before …, the official contends. */
function slotAfter(paragraph: AnalysedParagraph, sentence: Sentence, frame: { from: number; to: number }): Slot | undefined {
  const tokens = tokensIn(sentence, frame.from, frame.to);
  const verbAt = tokens.findIndex(isSpeechVerb);
  if (verbAt < 0) return undefined;
  let from = verbAt;
  while (from > 0 && !BREAKS.has(tokens[from - 1]?.text ?? '')) from -= 1;
  if (from < verbAt) {
    // The verb must belong to the attribution, not to a clause that merely follows the quotation.
    if (!describesSpeaker(tokens.slice(from, verbAt))) return undefined;
    return { paragraph, from: tokens[from]?.start ?? 0, to: tokens[verbAt - 1]?.end ?? 0, nearEnd: true };
  }
  let to = verbAt + 1;
  while (to < tokens.length && !BREAKS.has(tokens[to]?.text ?? '')) to += 1;
  if (to === verbAt + 1) return undefined;
  return { paragraph, from: tokens[verbAt + 1]?.start ?? 0, to: tokens[to - 1]?.end ?? 0, nearEnd: false };
}

/** X said, “…” / He stated “…” / Xinhua stated that there was an “…” */
function slotBefore(paragraph: AnalysedParagraph, sentence: Sentence, frame: { from: number; to: number }): Slot | undefined {
  const tokens = tokensIn(sentence, frame.from, frame.to);
  let verbAt = -1;
  for (let i = tokens.length - 1; i >= Math.max(0, tokens.length - 9); i -= 1) {
    if (isSpeechVerb(tokens[i])) {
      verbAt = i;
      break;
    }
  }
  if (verbAt <= 0) return undefined;
  let from = verbAt;
  while (from > 0 && !BREAKS.has(tokens[from - 1]?.text ?? '')) from -= 1;
  if (from === verbAt || !describesSpeaker(tokens.slice(from, verbAt))) return undefined;
  return { paragraph, from: tokens[from]?.start ?? 0, to: tokens[verbAt - 1]?.end ?? 0, nearEnd: true };
}

function accordingTo(paragraph: AnalysedParagraph, frame: { from: number; to: number }): Slot | undefined {
  const text = paragraph.text.slice(frame.from, frame.to);
  const match = /\baccording to\s+([^,.;“”"]+)/i.exec(text);
  if (!match?.[1]) return undefined;
  const from = frame.from + (match.index ?? 0) + match[0].length - match[1].length;
  return { paragraph, from, to: from + match[1].trimEnd().length, nearEnd: false };
}

function speakerIn(slot: Slot, quote: Place, entities: EntityFindings, paragraphs: readonly AnalysedParagraph[]): Cluster | undefined {
  const inSlot = entities.mentions.filter((entry) => entry.paragraph === slot.paragraph.index && entry.start >= slot.from && entry.end <= slot.to && !entry.inQuote);
  const ordered = slot.nearEnd ? [...inSlot].reverse() : inSlot;
  const person = ordered.find((entry) => entry.cluster.kind === 'person');
  if (person) return person.cluster;
  const words = slot.paragraph.text.slice(slot.from, slot.to).trim();
  if (PRONOUN.test(words)) return lastNamedPerson(entities.mentions, quote);
  const definite = DEFINITE_SOURCE.exec(words);
  const refersBack = () => (definite && definite.index === 0 ? backReference(definite[2] ?? '', definite[1] ?? '', quote, entities, paragraphs) : undefined);
  // "the official" alone points back; "the official Chinese news agency Xinhua" names its speaker.
  if (definite && definite[0].length === words.length) return refersBack() ?? ordered[0]?.cluster;
  return ordered[0]?.cluster ?? refersBack();
}

function lastNamedPerson(mentions: readonly EntityMention[], quote: Place): Cluster | undefined {
  return mentions.filter((entry) => entry.cluster.kind === 'person' && !entry.cluster.anonymous && !entry.inQuote && isBefore(entry, quote)).sort(comparePlaces).pop()?.cluster;
}

/** "the official" → the last unnamed official; "the spokesman" → the last person with that role; "the statement" → its issuer. */
function backReference(noun: string, qualifiers: string, quote: Place, entities: EntityFindings, paragraphs: readonly AnalysedParagraph[]): Cluster | undefined {
  const head = noun.toLowerCase();
  if (head === 'statement') return statementIssuer(quote, entities, paragraphs);
  const earlier = entities.mentions.filter((entry) => isBefore(entry, quote) && !entry.inQuote).sort(comparePlaces).reverse();
  const words = qualifiers.toLowerCase().split(/\s+/).filter(Boolean);
  const sources = earlier.filter((entry) => entry.cluster.anonymous && (entry.cluster.head === head || entry.cluster.name.toLowerCase().endsWith(head)));
  const qualified = sources.find((entry) => words.every((word) => entry.cluster.name.toLowerCase().includes(word)));
  const source = qualified ?? sources[0];
  if (source) return source.cluster;
  return earlier.find((entry) => entry.cluster.kind === 'person' && entry.cluster.roles.some((role) => roleHead(role.title) === head))?.cluster;
}

/** The noun a role is built on: "programme manager for the ... company" → "manager". */
function roleHead(title: string): string {
  const core = title.split(/\s+(?:of|for|at|in|behind|who|with|on|from)\s+/)[0] ?? title;
  return (core.split(/\s+/).pop() ?? '').toLowerCase();
}

const ISSUED_STATEMENT = /\b(?:issued|released|put out|published)\s+a\s+statement\b/i;

function statementIssuer(quote: Place, entities: EntityFindings, paragraphs: readonly AnalysedParagraph[]): Cluster | undefined {
  for (let p = quote.paragraph; p >= 0 && p >= quote.paragraph - 2; p -= 1) {
    const paragraph = paragraphs[p];
    if (!paragraph) continue;
    for (const sentence of [...paragraph.sentences].reverse()) {
      if (p === quote.paragraph && sentence.start >= quote.start) continue;
      const match = ISSUED_STATEMENT.exec(paragraph.text.slice(sentence.start, sentence.end));
      if (!match) continue;
      const at = sentence.start + match.index;
      const issuer = entities.mentions.filter((entry) => entry.paragraph === p && entry.start >= sentence.start && entry.end <= at).pop();
      if (issuer) return issuer.cluster;
    }
  }
  return undefined;
}

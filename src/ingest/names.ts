/**
 * Proper names in one sentence, read the way news copy writes them:
 * capitalised runs, split into a title ("Central Military Commission Vice
 * Chairman") and a name ("Fan Changlong"); organisations by their head word
 * ("... Commission", "Office of ..."); names made people by a role noun before
 * them ("spokesman Josh Earnest"), an appositive after them ("Ben Rhodes, a
 * deputy national security adviser") or a verb of saying next to them.
 */
import type { Sentence, Token } from './nlp.js';
import {
  HONORIFICS,
  MONTHS,
  NON_ORG_ACRONYMS,
  NOT_NAME_WORDS,
  ORG_CONTEXT_NOUNS,
  ORG_HEADS,
  ORG_OPENING_HEADS,
  PLURAL_ORG_HEADS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  TITLE_WORDS,
  WEEKDAYS,
} from './lexicon.js';

export type NameKind = 'person' | 'organization' | 'unknown';

export interface NameMention {
  kind: NameKind;
  /** The name without title or determiner, e.g. "Fan Changlong". Composed names ("State Department") may not be verbatim. */
  name: string;
  /** Offsets of the name in the paragraph. */
  start: number;
  end: number;
  /** The role or title phrase the article gives, as written. */
  roles: { title: string; start: number; end: number }[];
  /** A title word stood before the name (honorifics included): "Mr. Xi", "President Obama". */
  titled: boolean;
  /** Other text to try when matching to known entities (the full title, an organisation named in it). */
  lookups: string[];
  via: string;
}

const CONNECTORS = new Set(['of', 'for', 'on']);
const LIST_INTRODUCERS = new Set(['including', 'like', 'such']);
const APOSTROPHE_S = /^['’]s$/;
const INITIAL = /^[A-Z]\.$/;

function isCapitalised(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (!token || token.pos === 'PUNCT' || token.pos === 'NUM') return false;
  if (!/^[A-Z]/.test(token.text) || WEEKDAYS.has(token.text) || MONTHS.has(token.text)) return false;
  const previous = tokens[i - 1];
  const sentenceInitial = !previous || /^[“"‘([—–-]$/.test(previous.text) || previous.text === ':';
  if (NOT_NAME_WORDS.has(token.text) && (sentenceInitial || token.pos !== 'PROPN')) return false;
  if (sentenceInitial && ['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'ADV', 'AUX', 'VERB', 'PART'].includes(token.pos)) return false;
  return true;
}

/** Tokens glued without spaces by a hyphen: "Asia-Pacific", "U.S.-China". */
function gluedHyphen(tokens: Token[], i: number): boolean {
  const hyphen = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return !!hyphen && !!before && !!after && /^[-–]$/.test(hyphen.text) && before.end === hyphen.start && hyphen.end === after.start;
}

interface Chain {
  /** Token indexes of the chain, connectors included. */
  from: number;
  to: number; // exclusive
  /** Where the last capitalised segment joined into the chain begins. */
  lastSegment: number;
}

/** Capitalised runs, joined through "of"/"for" after a title or opening head, and through "and" into a head. */
function chains(tokens: Token[]): Chain[] {
  const segments: Chain[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens, i)) {
      i += 1;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (isCapitalised(tokens, j)) j += 1;
      else if (gluedHyphen(tokens, j) && isCapitalised(tokens, j + 1)) j += 2;
      else break;
    }
    segments.push({ from: i, to: j, lastSegment: i });
    i = j;
  }
  const joined: Chain[] = [];
  for (const segment of segments) {
    const previous = joined[joined.length - 1];
    if (previous) {
      const gap = tokens.slice(previous.to, segment.from).map((token) => token.text);
      const lastOfPrevious = tokens[previous.to - 1]?.text ?? '';
      const connects =
        (gap.length === 1 || (gap.length === 2 && gap[1] === 'the')) &&
        CONNECTORS.has(gap[0] ?? '') &&
        (TITLE_WORDS.has(lastOfPrevious) || ORG_OPENING_HEADS.has(lastOfPrevious));
      const previousWords = tokens.slice(previous.lastSegment, previous.to).map((token) => token.text);
      const segmentWords = tokens.slice(segment.from, segment.to).map((token) => token.text);
      const andIntoHead =
        gap.length === 1 &&
        gap[0] === 'and' &&
        !previousWords.some((word) => ORG_HEADS.has(word) || TITLE_WORDS.has(word)) &&
        ORG_HEADS.has(segmentWords[segmentWords.length - 1] ?? '');
      if (connects || andIntoHead) {
        previous.to = segment.to;
        previous.lastSegment = segment.from;
        continue;
      }
    }
    joined.push({ ...segment });
  }
  return joined;
}

const text = (paragraph: string, tokens: Token[], from: number, to: number) =>
  from < to ? paragraph.slice(tokens[from]?.start ?? 0, tokens[to - 1]?.end ?? 0) : '';

function orgExtents(tokens: Token[], from: number, to: number): [number, number][] {
  const extents: [number, number][] = [];
  for (let head = from; head < to; head += 1) {
    const word = tokens[head]?.text ?? '';
    if (!ORG_HEADS.has(word)) continue;
    let left = head;
    while (left - 1 >= from) {
      const before = tokens[left - 1];
      if (!before || TITLE_WORDS.has(before.text) || CONNECTORS.has(before.text) || before.text === 'the' || APOSTROPHE_S.test(before.text)) break;
      if (before.text === 'and' && !(left - 2 >= from && /^[A-Z]/.test(tokens[left - 2]?.text ?? ''))) break;
      left -= 1;
    }
    let right = head + 1;
    if (ORG_OPENING_HEADS.has(word)) {
      while (right < to && CONNECTORS.has(tokens[right]?.text ?? '')) {
        let next = right + 1;
        if (tokens[next]?.text === 'the') next += 1;
        let end = next;
        while (end < to && !TITLE_WORDS.has(tokens[end]?.text ?? '') && !CONNECTORS.has(tokens[end]?.text ?? '') && !HONORIFICS.has(tokens[end]?.text ?? '')) end += 1;
        if (end === next) break;
        right = end;
      }
    }
    if (!extents.some(([a, b]) => a === left && b === right)) extents.push([left, right]);
  }
  return extents;
}

const ACRONYM = /^(?:[A-Z]\.){2,}$|^[A-Z]{2,}$/;

function isNameToken(token: Token | undefined): boolean {
  return !!token && /^[A-Z]/.test(token.text) && !ACRONYM.test(token.text) && !ORG_HEADS.has(token.text) && !TITLE_WORDS.has(token.text);
}

/** Split the trailing name off a titled chain; undefined when what follows the title is not a name. */
function trailingName(tokens: Token[], lastTitle: number, to: number): [number, number] | undefined {
  let start = lastTitle + 1;
  const afterConnector = CONNECTORS.has(tokens[start]?.text ?? '');
  // After "Director of National Intelligence", the name is the last two words (three with a middle initial).
  if (afterConnector) {
    let lastConnector = start;
    for (let k = start; k < to; k += 1) if (CONNECTORS.has(tokens[k]?.text ?? '') || tokens[k]?.text === 'the') lastConnector = k;
    start = Math.max(lastConnector + 1, to - (INITIAL.test(tokens[to - 2]?.text ?? '') ? 3 : 2));
    if (to - start < 2) return undefined;
  }
  if (to - start > 4) start = to - (INITIAL.test(tokens[to - 2]?.text ?? '') ? 3 : 2);
  for (let k = start; k < to; k += 1) {
    const token = tokens[k];
    if (!token) return undefined;
    if (INITIAL.test(token.text) && k > start && k < to - 1) continue;
    if (gluedHyphen(tokens, k) || (k > start && gluedHyphen(tokens, k - 1))) continue;
    if (!isNameToken(token)) return undefined;
  }
  return start < to ? [start, to] : undefined;
}

/** Words to the left of a lower-case role noun that belong to the title: "U.S. National Security adviser". */
function titleStart(tokens: Token[], roleIndex: number): number {
  let start = roleIndex;
  while (start - 1 >= 0) {
    const before = tokens[start - 1];
    if (!before || !['NOUN', 'ADJ', 'PROPN'].includes(before.pos) || NOT_NAME_WORDS.has(before.text)) break;
    start -= 1;
  }
  return start;
}

/** Nouns for what people do mostly end like these: hydrologist, teacher, director, historian, consultant. */
const ROLE_SUFFIX = /(?:ist|er|or|ian|ant|ent|man|woman|person)$/;
function looksLikeRoleNoun(token: Token): boolean {
  return token.pos === 'NOUN' && /^[a-z]/.test(token.text) && ROLE_SUFFIX.test(token.text);
}

/** "Nick Rossmann, a programme manager for the computer security company FireEye," → the role phrase(s). */
function appositiveRoles(paragraph: string, tokens: Token[], after: number): { title: string; start: number; end: number }[] {
  if (tokens[after]?.text !== ',') return [];
  let from = after + 1;
  if (['a', 'an', 'the'].includes(tokens[from]?.text.toLowerCase() ?? '')) from += 1;
  let to = from;
  let hasRole = false;
  while (to < tokens.length) {
    const token = tokens[to];
    if (!token || [',', '.', ';', ':', '(', ')', '“', '”', '"', '—', '–'].includes(token.text)) break;
    // "... the Director of the FBI and officials from ..." ends at "and" unless another role or a name follows.
    if (token.text === 'and' && !/^(a|an|the|[A-Z].*)$/.test(tokens[to + 1]?.text ?? '')) break;
    if (!hasRole && (token.pos === 'VERB' || token.pos === 'AUX')) return [];
    if (to - from < 8 && (ROLE_NOUNS.has(token.text.toLowerCase()) || TITLE_WORDS.has(token.text) || looksLikeRoleNoun(token))) hasRole = true;
    to += 1;
  }
  if (!hasRole || to === from) return [];
  const start = tokens[from]?.start ?? 0;
  const end = tokens[to - 1]?.end ?? start;
  const phrase = paragraph.slice(start, end);
  // "secretary of the ... Party and a Politburo member who ..." is two roles.
  const parts = phrase.split(/ and (?:a|an|the) /);
  let offset = start;
  return parts.map((part) => {
    const at = paragraph.indexOf(part, offset);
    offset = at + part.length;
    return { title: part, start: at, end: at + part.length };
  });
}

/** Names in one sentence of a paragraph. */
export function findNames(paragraph: string, sentence: Sentence): NameMention[] {
  const tokens = sentence.tokens;
  const mentions: NameMention[] = [];
  const listOrgs = listedOrganisations(tokens);
  const plural = pluralHeadOrganisations(paragraph, tokens);
  const claimed = new Set(plural.map((mention) => mention.start));

  for (const chain of chains(tokens)) {
    if (claimed.has(tokens[chain.from]?.start ?? -1)) continue;
    const words = tokens.slice(chain.from, chain.to).map((token) => token.text);
    const before = tokens[chain.from - 1];
    let after = chain.to;
    if (APOSTROPHE_S.test(tokens[after]?.text ?? '')) after += 1;

    let lastTitle = -1;
    for (let k = chain.from; k < chain.to - 1; k += 1) if (TITLE_WORDS.has(tokens[k]?.text ?? '')) lastTitle = k;
    const name = lastTitle >= 0 ? trailingName(tokens, lastTitle, chain.to) : undefined;

    if (name) {
      const [nameFrom, nameTo] = name;
      const titleTokens = tokens.slice(chain.from, nameFrom).filter((token) => !HONORIFICS.has(token.text));
      const titleFrom = chain.from + tokens.slice(chain.from, nameFrom).findIndex((token) => !HONORIFICS.has(token.text));
      const titleText = titleTokens.length > 0 ? text(paragraph, tokens, titleFrom, nameFrom).replace(/\s*\b(?:Mr|Mrs|Ms|Dr|Prof|Rev)\.\s*$/, '').trim() : '';
      const mention: NameMention = {
        kind: 'person',
        name: text(paragraph, tokens, nameFrom, nameTo),
        start: tokens[nameFrom]?.start ?? 0,
        end: tokens[nameTo - 1]?.end ?? 0,
        roles: titleText ? [{ title: titleText, start: tokens[titleFrom]?.start ?? 0, end: tokens[nameTo - 1]?.end ?? 0 }] : [],
        titled: true,
        lookups: [text(paragraph, tokens, chain.from, chain.to)],
        via: 'title',
      };
      if (titleText) {
        mention.lookups.push(titleText);
        const object = /\b(?:of|for)\s+(?:the\s+)?(.+)$/.exec(titleText)?.[1];
        if (object) mention.lookups.push(object);
      }
      mention.roles.push(...appositiveRoles(paragraph, tokens, after));
      mentions.push(mention);
      for (const [a, b] of orgExtents(tokens, chain.from, nameFrom)) mentions.push(organisation(paragraph, tokens, a, b, 'head'));
      continue;
    }

    const extents = orgExtents(tokens, chain.from, chain.to);
    // A lone head word ("Union leader", "Politburo member") names nothing by itself; known ones are found by alias.
    const loneHead = chain.to - chain.from === 1 && extents.length === 1;
    if (extents.length > 0 && !loneHead) {
      for (const [a, b] of extents) mentions.push(organisation(paragraph, tokens, a, b, 'head'));
      continue;
    }
    if (chain.to - chain.from > 4) continue;
    const whole = text(paragraph, tokens, chain.from, chain.to);
    // Known entities are also named by a capitalised word and a common noun: "U.S. military", "US lawmakers".
    const withNouns = [2, 1]
      .map((count) => tokens.slice(chain.to, chain.to + count))
      .filter((extra) => extra.length > 0 && extra.every((token) => /^[a-z]/.test(token.text) && ['NOUN', 'ADJ'].includes(token.pos)))
      .map((extra) => paragraph.slice(tokens[chain.from]?.start ?? 0, extra[extra.length - 1]?.end ?? 0));
    const base: NameMention = {
      kind: 'unknown',
      name: whole,
      start: tokens[chain.from]?.start ?? 0,
      end: tokens[chain.to - 1]?.end ?? 0,
      roles: [],
      titled: false,
      lookups: withNouns,
      via: 'name',
    };
    const lower = before?.text.toLowerCase() ?? '';
    // "official Chinese news agency", "the Rice visit": a capitalised word right before a common noun modifies it.
    const next = tokens[chain.to];
    const modifiesNoun = !!next && next.pos === 'NOUN' && /^[a-z]/.test(next.text);
    const multiWordName = chain.to - chain.from >= 2 && words.every((word, k) => isNameToken(tokens[chain.from + k]) || INITIAL.test(word) || /^[-–]$/.test(word));

    if (listOrgs.has(chain.from)) mentions.push({ ...base, kind: 'organization', via: 'list' });
    else if (before && before.text === lower && ORG_CONTEXT_NOUNS.has(lower)) mentions.push({ ...base, kind: 'organization', via: 'context' });
    else if (before && before.text === lower && ROLE_NOUNS.has(lower) && !modifiesNoun && words.every((_, k) => isNameToken(tokens[chain.from + k]) || INITIAL.test(words[k] ?? ''))) {
      const roleStart = titleStart(tokens, chain.from - 1);
      const title = text(paragraph, tokens, roleStart, chain.from);
      mentions.push({ ...base, kind: 'person', titled: true, via: 'role-noun', roles: [{ title, start: tokens[roleStart]?.start ?? 0, end: base.end }, ...appositiveRoles(paragraph, tokens, after)], lookups: [`${title} ${whole}`] });
    } else if (/^[A-Z]{2,6}$/.test(whole) && !NON_ORG_ACRONYMS.has(whole)) mentions.push({ ...base, kind: 'organization', via: 'acronym' });
    else {
      const roles = multiWordName ? appositiveRoles(paragraph, tokens, after) : [];
      const speaks = SPEECH_VERBS.has(tokens[after]?.text ?? '') || SPEECH_VERBS.has(before?.text ?? '');
      if (roles.length > 0) mentions.push({ ...base, kind: 'person', roles, via: 'appositive' });
      else if (multiWordName && speaks && !modifiesNoun && chain.to - chain.from <= 3) mentions.push({ ...base, kind: 'person', via: 'speech' });
      else mentions.push(base);
    }
  }
  mentions.push(...plural);
  return mentions;
}

function organisation(paragraph: string, tokens: Token[], from: number, to: number, via: string): NameMention {
  const name = text(paragraph, tokens, from, to);
  return { kind: 'organization', name, start: tokens[from]?.start ?? 0, end: tokens[to - 1]?.end ?? 0, roles: [], titled: false, lookups: [], via };
}

/** Chain starts listed after "companies including ...", "firms such as ...". */
function listedOrganisations(tokens: Token[]): Set<number> {
  const starts = new Set<number>();
  tokens.forEach((token, i) => {
    if (!LIST_INTRODUCERS.has(token.text) || !ORG_CONTEXT_NOUNS.has(tokens[i - 1]?.text.toLowerCase() ?? '')) return;
    let k = i + 1;
    if (token.text === 'such' && tokens[k]?.text === 'as') k += 1;
    let expectName = true;
    while (k < tokens.length) {
      const current = tokens[k];
      if (!current) break;
      if (expectName && /^[A-Z]/.test(current.text)) {
        starts.add(k);
        while (k < tokens.length && /^[A-Z]/.test(tokens[k]?.text ?? '')) k += 1;
        expectName = false;
      } else if (!expectName && (current.text === ',' || current.text === 'and')) {
        k += 1;
        if (tokens[k]?.text === 'and') k += 1;
        expectName = true;
      } else break;
    }
  });
  return starts;
}

/** "officials from the State, Justice and Treasury departments" → State Department, Justice Department, Treasury Department. */
function pluralHeadOrganisations(paragraph: string, tokens: Token[]): NameMention[] {
  const found: NameMention[] = [];
  tokens.forEach((token, i) => {
    const head = PLURAL_ORG_HEADS.get(token.text);
    if (!head) return;
    const names: Token[] = [];
    let k = i - 1;
    while (k >= 0) {
      const current = tokens[k];
      if (current && /^[A-Z]/.test(current.text)) names.unshift(current);
      else if (!current || !(current.text === ',' || current.text === 'and')) break;
      k -= 1;
    }
    if (names.length < 2) return;
    for (const name of names) {
      found.push({ kind: 'organization', name: `${name.text} ${head}`, start: name.start, end: name.end, roles: [], titled: false, lookups: [name.text], via: 'plural-head' });
    }
  });
  return found;
}

/**
 * Forgiving name resolution: any alias, surname alone ("Rice"), titles
 * ("President Xi", "Mr. Xi"), case and accents ignored, typos ("Susan Rise").
 * Built once per engine. Stages, cheapest and surest first:
 *   entity id → exact alias → alias without titles → every word a name word
 *   → role title ("the FBI director") → typo-tolerant match.
 * Typo candidates come from a fuzzy word index (fast on large name sets: it
 * looks up a word's possible misspellings, not every name) and are ranked by
 * Fuse.js's score (see `approximate.ts`), whose 0–1 scale tells one clear
 * winner from two close ones.
 */
import { ApproximatePattern, weighted } from './approximate.js';
import { normalizeName, type Briefing } from '../summary/load.js';
import type { Entity } from '../summary/schema.js';
import { Lexicon, type ExpandOptions } from './lexicon.js';
import { CANDIDATES_MAX } from './limits.js';
import { SearchIndex, type Slot } from './searchIndex.js';
import { FOLDED_LETTERS, NON_ASCII, WordTable } from './plainWords.js';
import { mayJoinNext } from './termCache.js';
import { queryTerms, STOPWORDS, TITLE_WORDS } from './terms.js';

export type Resolution =
  | { status: 'found'; entity: Entity }
  | { status: 'ambiguous'; candidates: Entity[] }
  | { status: 'none'; suggestions: Entity[] };

/** Fuse score (0 exact … 1 unrelated) under which a typo match is accepted. */
const ACCEPT_SCORE = 0.34;
/** Name entries ranked by Fuse for a typo (the best-scoring word matches). */
const TYPO_POOL = 30;
/** Two entities whose scores are this close are both offered. */
const AMBIGUITY_MARGIN = 0.08;
/** Worst score still worth a "did you mean". */
const SUGGEST_SCORE = 0.6;

export interface Mention {
  /** The words as found, folded: "rice", "xi jinping". */
  phrase: string;
  ids: string[];
}

interface NameEntry {
  id: number;
  entity: string;
  name: string;
}

/**
 * The initials of a long organisation name, which people type more often than
 * the name: "Federal Bureau of Investigation" → "fbi".
 */
export function acronymOf(name: string): string | undefined {
  const words = name.split(/[\s-]+/).filter((word) => /^\p{Lu}/u.test(word));
  return words.length >= 3 ? nameKey(words.map((word) => word[0]).join('')) : undefined;
}

/** Typographic quotes and dashes: separators in a name key, like the ASCII punctuation they stand in for. */
const TYPOGRAPHIC = /[“”‘—–…]/g;

/** "Xi Jinping’s" → "xi jinping"; "Mr. Xí" → "mr xi". */
export function nameKey(text: string): string {
  const plain = NON_ASCII.test(text) ? text.replace(TYPOGRAPHIC, ' ') : text;
  return normalizeName(/['’]/.test(plain) ? plain.replace(/['’]s\b/gi, '') : plain);
}

/** The words of `nameKey(text)`, found directly when the text has no apostrophes or accents. */
export function generalNameWords(text: string): string[] {
  const plain = NON_ASCII.test(text) ? text.replace(TYPOGRAPHIC, ' ') : text;
  if (NON_ASCII.test(plain) || plain.includes("'")) {
    const key = nameKey(plain);
    return key ? key.split(' ') : [];
  }
  return plain.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * Text `generalNameWords` only lower-cases, strips of accents and splits: no apostrophe, nothing
 * non-ASCII but `TYPOGRAPHIC` and the accented letters the word tables fold ("ü" → "u").
 */
const NOT_PLAIN_NAME_TEXT = new RegExp(`[^\\x00-\\x26\\x28-\\x7f\\u2013\\u2014\\u2018\\u201c\\u201d\\u2026${FOLDED_LETTERS}]`);

/**
 * Words of plain text, each kept once: the index build reads every article sentence for names, and
 * cutting each word out as a new string was most of that reading. Bounded, since questions pass here too.
 */
const plainNameWords = new WordTable((word) => ({ word }), { joinHyphens: false, entriesMax: 1 << 16 });

/** Reused by every call: `collect` writes it from the start, and its words are copied out at once. */
const nameEntries: { word: string }[] = [];

/** `generalNameWords`, read through `plainNameWords` when the text is plain. */
export function nameWords(text: string): string[] {
  const words: string[] = [];
  words.length = nameWordsInto(text, words);
  return words;
}

/** `nameWords` written to `into` from its start (entries past the count left as they were); answers the count. */
function nameWordsInto(text: string, into: string[]): number {
  if (NOT_PLAIN_NAME_TEXT.test(text)) {
    const words = generalNameWords(text);
    for (let index = 0; index < words.length; index++) into[index] = words[index] as string;
    return words.length;
  }
  const count = plainNameWords.collect(text, nameEntries);
  for (let index = 0; index < count; index++) into[index] = (nameEntries[index] as { word: string }).word;
  return count;
}

/** The words `forEachMention` reads, one list for every call (the index build reads every article sentence); taken while in use. */
let mentionWords: string[] | undefined = [];

function stripTitles(key: string): string {
  const words = key.split(' ');
  const kept = words.filter((word) => !TITLE_WORDS.has(word));
  return kept.length > 0 ? kept.join(' ') : key;
}

/** A step of an alias read word by word: where the alias ends, its key and entities. */
interface PhraseNode {
  phrase?: string;
  ids?: readonly string[];
  next?: Map<string, PhraseNode>;
}

/** A name entry's search score, best first; the earlier entry on a tie. */
interface Ranked {
  doc: number;
  score: number;
}

const outranks = (a: Ranked, b: Ranked) => (a.score !== b.score ? a.score > b.score : a.doc < b.doc);

/** Inserts `item` into the best-first `list` if it is among the best `size` (`before`: ranks higher; ties keep arrival order). */
function keepBest<T>(list: T[], item: T, size: number, before: (a: T, b: T) => boolean): void {
  if (list.length >= size && !before(item, list[list.length - 1] as T)) return;
  let at = list.length;
  while (at > 0 && before(item, list[at - 1] as T)) at--;
  list.splice(at, 0, item);
  if (list.length > size) list.pop();
}

const NO_NAMES: readonly string[] = [];

export class NameResolver {
  private readonly entities: ReadonlyMap<string, Entity>;
  /** Folded alias (the briefing's, plus organisation acronyms) → entities using it. */
  private readonly aliases = new Map<string, string[]>();
  /** Name word → entities using it. */
  private readonly words = new Map<string, Set<string>>();
  /** Entity → last word of its canonical name (the surname of a person). */
  private readonly surnames = new Map<string, string>();
  /** Surname → entities having it, for names mentioned by surname alone. */
  private readonly bySurname = new Map<string, string[]>();
  private readonly roleTerms = new Map<string, Set<string>>();
  /** Role term → entities whose roles use it, so a role lookup never scans every entity. */
  private readonly roleIndex = new Map<string, string[]>();
  /** All entity ids, most prominent first (for an empty autocomplete). */
  private readonly byProminenceAll: string[];
  private readonly entries: NameEntry[] = [];
  /** The words of every entry, for typo-tolerant and prefix look-ups. */
  private readonly fuzzy: SearchIndex;
  /**
   * The aliases word by word, from each word a mention can begin with (an alias's first word, a
   * surname): a text is read word by word along it, without joining words to look a phrase up.
   */
  private readonly mentionStarts = new Map<string, PhraseNode>();
  /** Entity → its canonical name, aliases and acronym. */
  private readonly allNames = new Map<string, readonly string[]>();
  private readonly prominence: ReadonlyMap<string, number>;

  constructor(
    briefing: Briefing,
    private readonly lexicon = new Lexicon(),
  ) {
    this.entities = briefing.entities;
    for (const [alias, ids] of briefing.aliasIndex) this.aliases.set(alias, [...ids]);
    // Every name of each entity first: an organisation's are also read in every role that cites it.
    for (const entity of briefing.entities.values()) {
      const acronym = entity.kind === 'organization' ? acronymOf(entity.name) : undefined;
      this.allNames.set(entity.id, [entity.name, ...entity.aliases, ...(acronym ? [acronym] : [])]);
      if (!acronym) continue;
      const ids = this.aliases.get(acronym);
      if (!ids) this.aliases.set(acronym, [entity.id]);
      else if (!ids.includes(entity.id)) ids.push(entity.id);
    }
    this.prominence = new Map(
      [...briefing.entities.keys()].map((id) => [
        id,
        (briefing.articlesMentioning.get(id)?.length ?? 0) * 10 + (briefing.eventsByActor.get(id)?.length ?? 0),
      ]),
    );
    // Synthetic and real people alike share roles ("minister, State Department"): analyse each once.
    const analysedRoles = new Map<string, { terms: readonly string[]; joinsNext: boolean }>();
    const analysedRole = (text: string) => {
      let known = analysedRoles.get(text);
      if (!known) analysedRoles.set(text, (known = { terms: queryTerms(text), joinsNext: mayJoinNext(text) }));
      return known;
    };
    const roleTermsOf = (roleTexts: readonly string[]): Set<string> => {
      const roles = roleTexts.map(analysedRole);
      // A role ending in "cyber", "U." or "united" may form a term with the next one: read them together.
      if (roles.slice(0, -1).some((role) => role.joinsNext)) return new Set(queryTerms(roleTexts.join(' ')));
      const terms = new Set<string>();
      for (const role of roles) for (const term of role.terms) terms.add(term);
      return terms;
    };
    /** An organisation as a role names it: its name, aliases and acronym. */
    const organizationTexts = new Map<string, string>();
    const organizationText = (id: string): string | undefined => {
      let text = organizationTexts.get(id);
      if (text === undefined) {
        const names = this.allNames.get(id);
        if (!names) return undefined;
        organizationTexts.set(id, (text = names.join(' ')));
      }
      return text;
    };
    for (const entity of briefing.entities.values()) {
      const keys = (this.allNames.get(entity.id) ?? []).map(nameKey);
      const names = new Set(keys.filter(Boolean));
      for (const name of names) {
        this.entries.push({ id: this.entries.length, entity: entity.id, name });
        const words = name.split(' ');
        for (const word of words) {
          if (TITLE_WORDS.has(word) || STOPWORDS.has(word)) continue;
          let set = this.words.get(word);
          if (!set) this.words.set(word, (set = new Set()));
          set.add(entity.id);
        }
      }
      const surname = (keys[0] ?? '').split(' ').at(-1) ?? '';
      this.surnames.set(entity.id, surname);
      // Only a surname the entity is also known by word for word (every name word is indexed above).
      if (this.words.get(surname)?.has(entity.id)) {
        const sharing = this.bySurname.get(surname);
        if (sharing) sharing.push(entity.id);
        else this.bySurname.set(surname, [entity.id]);
      }
      const roleTexts = entity.roles.map((role) => {
        const organization = role.organization ? organizationText(role.organization) : undefined;
        return organization === undefined ? role.title : `${role.title} ${organization}`;
      });
      if (roleTexts.length > 0) {
        const terms = roleTermsOf(roleTexts);
        this.roleTerms.set(entity.id, terms);
        for (const term of terms) {
          // Each entity once per term (its terms are a set), in entity order.
          const ids = this.roleIndex.get(term);
          if (ids) ids.push(entity.id);
          else this.roleIndex.set(term, [entity.id]);
        }
      }
    }
    for (const [alias, ids] of this.aliases) {
      let node: PhraseNode | undefined;
      for (const word of alias.split(' ')) {
        const level = node ? (node.next ??= new Map()) : this.mentionStarts;
        let child = level.get(word);
        if (!child) level.set(word, (child = {}));
        node = child;
      }
      if (node) Object.assign(node, { phrase: alias, ids });
    }
    for (const surname of this.bySurname.keys()) if (!this.mentionStarts.has(surname)) this.mentionStarts.set(surname, {});
    // Weights looked up once, not twice per comparison; a stable sort keeps the briefing's order on ties.
    this.byProminenceAll = [...this.prominence]
      .sort((a, b) => b[1] - a[1])
      .map(([id]) => id);
    this.fuzzy = new SearchIndex(lexicon, this.entries.length, (id, _field, emit) => this.entryAt(id).name.split(' ').forEach((word) => emit(word)), [1]);
  }

  /** Resolves what a user typed to one entity, or says why not. `typos: false` accepts only exact words and roles. */
  resolve(input: string, { typos = true }: { typos?: boolean } = {}): Resolution {
    const trimmed = input.trim();
    const byId = this.entities.get(trimmed);
    if (byId) return { status: 'found', entity: byId };

    const key = nameKey(trimmed);
    if (!key) return { status: 'none', suggestions: [] };
    const exact = this.aliases.get(key);
    if (exact && exact.length > 0) return this.decide(exact);

    // "FBI director" names a role, not the FBI: with titles typed, a matching role comes first.
    const bare = stripTitles(key);
    const byRole = this.byRole(key);
    if (bare !== key && byRole.length > 0) return this.decide(byRole);

    const bareExact = this.aliases.get(bare);
    if (bareExact && bareExact.length > 0) return this.decide(bareExact);

    const byWords = this.byNameWords(bare);
    if (byWords.length > 0) return this.decide(this.preferSurname(byWords, bare));

    if (byRole.length > 0) return this.decide(byRole);

    return typos ? this.byTypo(bare) : { status: 'none', suggestions: [] };
  }

  /** Entities named in a free text ("What did Rice tell Xi?" → rice: susan-rice, xi: xi-jinping), in order. */
  mentionsIn(text: string): Mention[] {
    const found: Mention[] = [];
    this.forEachMention(text, (phrase, ids) => found.push({ phrase, ids: [...ids] }));
    return found;
  }

  /**
   * The one entity a longer phrase opens with, titles aside: "Susan Rice, the national security
   * adviser to Obama" → Susan Rice. Undefined when the phrase opens with no name or an ambiguous one.
   */
  leadingEntity(text: string): Entity | undefined {
    let first: { phrase: string; ids: readonly string[] } | undefined;
    this.forEachMention(text, (phrase, ids) => (first ??= { phrase, ids }));
    if (!first || first.ids.length !== 1) return undefined;
    const { phrase, ids } = first;
    const opens = (key: string) => key === phrase || key.startsWith(`${phrase} `);
    const key = nameKey(text);
    if (!opens(key) && !opens(stripTitles(key))) return undefined;
    // Only a name set apart ("Rice, the adviser", "Rice (NSC)"): "Xi Jinping's wife" is someone else.
    const words = phrase.split(' ').map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''));
    const setApart = new RegExp(`${words.join('[^\\p{L}\\p{N}]+')}(?=\\s*(?:[,(]|$))`, 'iu');
    return setApart.test(text) ? this.entities.get(ids[0] ?? '') : undefined;
  }

  /** `mentionsIn` without copying: the ids are the resolver's own (for indexing many texts). */
  forEachMention(text: string, visit: (phrase: string, ids: readonly string[]) => void): void {
    // A nested call (should a `visit` make one) gets a list of its own.
    const words = mentionWords ?? [];
    mentionWords = undefined;
    try {
      this.forEachMentionOfWords(words, nameWordsInto(text, words), visit);
    } finally {
      mentionWords = words;
    }
  }

  /** `forEachMention` of a text already read into its name words (`nameWords`), the first `count` of `words`. */
  forEachMentionOfWords(words: readonly string[], count: number, visit: (phrase: string, ids: readonly string[]) => void): void {
    for (let start = 0; start < count; ) {
      const first = words[start] ?? '';
      let node = this.mentionStarts.get(first);
      if (!node) {
        start++;
        continue;
      }
      // The longest alias of two words or more; else the word alone, as an alias or a surname (never a title or a stopword).
      let longest: PhraseNode | undefined;
      let length = 0;
      for (let next = start + 1; next < count && node.next; next++) {
        node = node.next.get(words[next] ?? '');
        if (!node) break;
        if (node.ids && node.ids.length > 0) [longest, length] = [node, next - start + 1];
      }
      if (longest) visit(longest.phrase ?? '', longest.ids ?? []);
      else length = this.visitWord(first, visit);
      start += Math.max(1, length);
    }
  }

  /** Visits the entities the one word names, if any; returns 1 if so, else 0. */
  private visitWord(word: string, visit: (phrase: string, ids: readonly string[]) => void): number {
    if (STOPWORDS.has(word) || TITLE_WORDS.has(word)) return 0;
    const ids = this.aliases.get(word) ?? this.bySurname.get(word);
    if (!ids || ids.length === 0) return 0;
    visit(word, ids);
    return 1;
  }

  /** Entities whose names start with what was typed so far, most prominent first (for autocomplete). */
  complete(partial: string, limit: number): Entity[] {
    const key = nameKey(partial);
    if (!key) return this.byProminenceAll.slice(0, limit).map((id) => this.entity(id));
    // Every word typed must match (the last one maybe half-typed); the best match of an entity stands for it.
    const bestScore = new Map<string, Ranked>();
    this.fuzzy.query(this.slots(key, (term): ExpandOptions => ({ fuzzy: term.length >= 4 ? 1 : false, prefix: true }), true), ({ doc, score, quality }) => {
      const ranked = { doc, score: score * quality };
      const entity = this.entryAt(doc).entity;
      const known = bestScore.get(entity);
      if (!known || outranks(ranked, known)) bestScore.set(entity, ranked);
    });
    return [...bestScore]
      .sort(([a, first], [b, second]) => (this.prominence.get(b) ?? 0) - (this.prominence.get(a) ?? 0) || (outranks(first, second) ? -1 : 1))
      .slice(0, limit)
      .map(([id]) => this.entity(id));
  }

  /** An entity's canonical name, aliases and acronym: the same list every time, for caches keyed by it. */
  allNamesOf(id: string): readonly string[] {
    return this.allNames.get(id) ?? NO_NAMES;
  }

  /** Every name the entities go by: canonical, aliases and acronym (for indexing texts about them). */
  namesOf(ids: readonly string[]): string[] {
    const names: string[] = [];
    for (const id of ids) for (const name of this.allNames.get(id) ?? []) names.push(name);
    return names;
  }

  entity(id: string): Entity {
    const entity = this.entities.get(id);
    if (!entity) throw new Error(`unknown entity "${id}"`);
    return entity;
  }

  private decide(ids: readonly string[]): Resolution {
    const unique = [...new Set(ids)];
    if (unique.length === 1) return { status: 'found', entity: this.entity(unique[0] ?? '') };
    return { status: 'ambiguous', candidates: this.mostProminent(unique, CANDIDATES_MAX) };
  }

  /** The `count` most prominent of `ids`, most prominent first; on a tie, in the order given. */
  private mostProminent(ids: readonly string[], count: number): Entity[] {
    // A selection, not a sort: a surname shared by hundreds of people ranks only the few shown.
    const best: { id: string; weight: number }[] = [];
    for (const id of ids) keepBest(best, { id, weight: this.prominence.get(id) ?? 0 }, count, (a, b) => a.weight > b.weight);
    return best.map(({ id }) => this.entity(id));
  }

  /** Entities using every word typed ("james" → Comey and Clapper; "jianzhu" → Meng). */
  private byNameWords(key: string): string[] {
    let result: Set<string> | undefined;
    for (const word of key.split(' ')) {
      const ids = this.words.get(word);
      if (!ids) return [];
      result = result ? new Set([...result].filter((id) => ids.has(id))) : new Set(ids);
    }
    return result ? [...result] : [];
  }

  /** When the words are someone's surname, that person wins over others merely using the word. */
  private preferSurname(ids: string[], key: string): string[] {
    const last = key.split(' ').at(-1) ?? '';
    const bySurname = ids.filter((id) => this.surnames.get(id) === last);
    return bySurname.length > 0 ? bySurname : ids;
  }

  /** "the FBI director", "national security adviser": roles containing every word, fewest extra words first. */
  private byRole(key: string): string[] {
    const terms = queryTerms(key);
    if (terms.length === 0) return [];
    let best: string[] = [];
    let fewestExtra = Infinity;
    const rarest = terms.map((term) => this.roleIndex.get(term)).sort((a, b) => (a?.length ?? 0) - (b?.length ?? 0))[0];
    for (const id of rarest ?? []) {
      const roleTerms = this.roleTerms.get(id);
      if (!roleTerms || !terms.every((term) => roleTerms.has(term))) continue;
      const extra = roleTerms.size - terms.length;
      if (extra < fewestExtra) [best, fewestExtra] = [[id], extra];
      else if (extra === fewestExtra) best.push(id);
    }
    return best;
  }

  /** One slot per distinct word of `key`; all required (`every`) or any one enough. */
  private slots(key: string, optionsOf: (term: string) => ExpandOptions, every: boolean): Slot[] {
    const times = new Map<string, number>();
    for (const word of key.split(' ')) if (word) times.set(word, (times.get(word) ?? 0) + 1);
    return [...times].map(([term, count]) => ({
      expansions: this.lexicon.expand(term, optionsOf(term)),
      times: count,
      weight: 0,
      required: every,
      optional: !every,
    }));
  }

  private byTypo(key: string): Resolution {
    const words = key.split(' ').filter(Boolean);
    // The best-scoring entries resembling any word typed, and (`complete`) those resembling every word:
    // "Xi Jinping wife" is not Xi Jinping.
    const complete: Ranked[] = [];
    const partial: Ranked[] = [];
    const typoOptions = (term: string): ExpandOptions => ({ fuzzy: term.length >= 7 ? 2 : term.length >= 4 ? 1 : false, prefix: term.length >= 4 });
    this.fuzzy.query(this.slots(key, typoOptions, false), ({ doc, score, quality }) => {
      const ranked = { doc, score: score * quality };
      keepBest(partial, ranked, TYPO_POOL, outranks);
      if (quality >= words.length) keepBest(complete, ranked, TYPO_POOL, outranks);
    });
    // Each entity at its best entry's score; on a tie, the entity whose entry scored first.
    const pattern = new ApproximatePattern(key, SUGGEST_SCORE);
    const ranked = (pool: readonly Ranked[]): [string, number][] => {
      const best = new Map<string, { score: number; at: number }>();
      pool.forEach((result, at) => {
        const entry = this.entryAt(result.doc);
        const raw = pattern.score(entry.name);
        if (raw >= 1) return;
        const score = weighted(raw);
        const known = best.get(entry.entity);
        if (!known || score < known.score) best.set(entry.entity, { score, at });
      });
      return [...best].sort(([, a], [, b]) => a.score - b.score || a.at - b.at).map(([id, { score }]) => [id, score]);
    };

    const accepted = ranked(complete).filter(([, score]) => score <= ACCEPT_SCORE);
    const [first] = accepted;
    if (first) {
      const close = accepted.filter(([, score]) => score - first[1] <= AMBIGUITY_MARGIN).map(([id]) => id);
      return close.length === 1 ? { status: 'found', entity: this.entity(first[0]) } : this.decide(close);
    }
    const suggestions = ranked(partial.length > 0 ? partial : complete)
      .slice(0, CANDIDATES_MAX)
      .map(([id]) => this.entity(id));
    return { status: 'none', suggestions };
  }

  private entryAt(id: number): NameEntry {
    const entry = this.entries[id];
    if (!entry) throw new Error(`no name entry ${id}`);
    return entry;
  }
}

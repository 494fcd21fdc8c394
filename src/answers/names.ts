/**
 * Forgiving name resolution: any alias, surname alone ("Rice"), titles
 * ("President Xi", "Mr. Xi"), case and accents ignored, typos ("Susan Rise").
 * Built once per engine. Stages, cheapest and surest first:
 *   entity id → exact alias → alias without titles → every word a name word
 *   → role title ("the FBI director") → typo-tolerant match.
 * Typo candidates come from a MiniSearch fuzzy index (fast on large name
 * sets: it searches a radix tree, not every name) and are ranked by Fuse.js,
 * whose 0–1 score tells one clear winner from two close ones.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { normalizeName, type Briefing } from '../summary/load.js';
import type { Entity } from '../summary/schema.js';
import { CANDIDATES_MAX } from './limits.js';
import { queryTerms, STOPWORDS, TITLE_WORDS } from './terms.js';

export type Resolution =
  | { status: 'found'; entity: Entity }
  | { status: 'ambiguous'; candidates: Entity[] }
  | { status: 'none'; suggestions: Entity[] };

/** Fuse score (0 exact … 1 unrelated) under which a typo match is accepted. */
const ACCEPT_SCORE = 0.34;
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

/** "Xi Jinping’s" → "xi jinping"; "Mr. Xí" → "mr xi". */
export function nameKey(text: string): string {
  return normalizeName(text.replace(/['’]s\b/gi, ''));
}

function stripTitles(key: string): string {
  const words = key.split(' ');
  const kept = words.filter((word) => !TITLE_WORDS.has(word));
  return kept.length > 0 ? kept.join(' ') : key;
}

export class NameResolver {
  private readonly entities: ReadonlyMap<string, Entity>;
  /** Folded alias (the briefing's, plus organisation acronyms) → entities using it. */
  private readonly aliases = new Map<string, string[]>();
  /** Name word → entities using it. */
  private readonly words = new Map<string, Set<string>>();
  /** Entity → last word of its canonical name (the surname of a person). */
  private readonly surnames = new Map<string, string>();
  private readonly roleTerms = new Map<string, Set<string>>();
  /** Role term → entities whose roles use it, so a role lookup never scans every entity. */
  private readonly roleIndex = new Map<string, Set<string>>();
  /** All entity ids, most prominent first (for an empty autocomplete). */
  private readonly byProminenceAll: string[];
  private readonly entries: NameEntry[] = [];
  private readonly fuzzy: MiniSearch<NameEntry>;
  /** First word of an alias → the alias lengths (in words) starting with it, longest first: what `mentionsIn` tries. */
  private readonly aliasLengths = new Map<string, number[]>();
  private readonly prominence: ReadonlyMap<string, number>;

  constructor(briefing: Briefing) {
    this.entities = briefing.entities;
    for (const [alias, ids] of briefing.aliasIndex) this.aliases.set(alias, [...ids]);
    for (const entity of briefing.entities.values()) {
      const acronym = entity.kind === 'organization' ? acronymOf(entity.name) : undefined;
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
    for (const entity of briefing.entities.values()) {
      const acronym = entity.kind === 'organization' ? acronymOf(entity.name) : undefined;
      const names = new Set([entity.name, ...entity.aliases, ...(acronym ? [acronym] : [])].map(nameKey).filter(Boolean));
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
      this.surnames.set(entity.id, nameKey(entity.name).split(' ').at(-1) ?? '');
      const roleText = entity.roles
        .flatMap((role) => {
          const organization = role.organization ? briefing.entities.get(role.organization) : undefined;
          const acronym = organization?.kind === 'organization' ? acronymOf(organization.name) : undefined;
          return [role.title, ...(organization ? [organization.name, ...organization.aliases, acronym ?? ''] : [])];
        })
        .join(' ');
      if (roleText) {
        const terms = new Set(queryTerms(roleText));
        this.roleTerms.set(entity.id, terms);
        for (const term of terms) {
          let set = this.roleIndex.get(term);
          if (!set) this.roleIndex.set(term, (set = new Set()));
          set.add(entity.id);
        }
      }
    }
    for (const alias of this.aliases.keys()) {
      const words = alias.split(' ');
      const lengths = this.aliasLengths.get(words[0] ?? '') ?? [];
      if (!lengths.includes(words.length)) lengths.push(words.length);
      this.aliasLengths.set(words[0] ?? '', lengths.sort((a, b) => b - a));
    }
    this.byProminenceAll = [...this.entities.keys()].sort((a, b) => (this.prominence.get(b) ?? 0) - (this.prominence.get(a) ?? 0));
    this.fuzzy = new MiniSearch<NameEntry>({
      fields: ['name'],
      storeFields: [],
      processTerm: (term) => term,
      searchOptions: { processTerm: (term) => term },
    });
    this.fuzzy.addAll(this.entries);
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
    const words = nameKey(text).split(' ').filter(Boolean);
    const found: Mention[] = [];
    for (let start = 0; start < words.length; ) {
      let matched = 0;
      const first = words[start] ?? '';
      for (const length of [...(this.aliasLengths.get(first) ?? []), 1]) {
        if (start + length > words.length) continue;
        const phrase = length === 1 ? first : words.slice(start, start + length).join(' ');
        if (length === 1 && (STOPWORDS.has(phrase) || TITLE_WORDS.has(phrase))) continue;
        const ids = this.aliases.get(phrase) ?? (length === 1 ? this.bySurname(phrase) : undefined);
        if (ids && ids.length > 0) {
          found.push({ phrase, ids: [...ids] });
          matched = length;
          break;
        }
      }
      start += Math.max(1, matched);
    }
    return found;
  }

  /** Entities whose names start with what was typed so far, most prominent first (for autocomplete). */
  complete(partial: string, limit: number): Entity[] {
    const key = nameKey(partial);
    if (!key) return this.byProminenceAll.slice(0, limit).map((id) => this.entity(id));
    const results = this.fuzzy.search(key, { prefix: true, fuzzy: (term) => (term.length >= 4 ? 1 : false), combineWith: 'AND' });
    return [...new Set(results.map((result) => this.entryAt(result.id as number).entity))]
      .sort((a, b) => (this.prominence.get(b) ?? 0) - (this.prominence.get(a) ?? 0))
      .slice(0, limit)
      .map((id) => this.entity(id));
  }

  /** Every name an entity goes by: canonical, aliases and acronym (for indexing texts about it). */
  namesOf(ids: readonly string[]): string[] {
    return ids.flatMap((id) => {
      const entity = this.entities.get(id);
      if (!entity) return [];
      const acronym = entity.kind === 'organization' ? acronymOf(entity.name) : undefined;
      return [entity.name, ...entity.aliases, ...(acronym ? [acronym] : [])];
    });
  }

  entity(id: string): Entity {
    const entity = this.entities.get(id);
    if (!entity) throw new Error(`unknown entity "${id}"`);
    return entity;
  }

  private decide(ids: readonly string[]): Resolution {
    const unique = [...new Set(ids)];
    if (unique.length === 1) return { status: 'found', entity: this.entity(unique[0] ?? '') };
    return { status: 'ambiguous', candidates: this.byProminence(unique).slice(0, CANDIDATES_MAX) };
  }

  private byProminence(ids: readonly string[]): Entity[] {
    return [...ids].sort((a, b) => (this.prominence.get(b) ?? 0) - (this.prominence.get(a) ?? 0)).map((id) => this.entity(id));
  }

  private bySurname(word: string): string[] | undefined {
    const ids = this.words.get(word);
    if (!ids) return undefined;
    const matching = [...ids].filter((id) => this.surnames.get(id) === word);
    return matching.length > 0 ? matching : undefined;
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
    const rarest = terms.map((term) => this.roleIndex.get(term)).sort((a, b) => (a?.size ?? 0) - (b?.size ?? 0))[0];
    for (const id of rarest ?? []) {
      const roleTerms = this.roleTerms.get(id);
      if (!roleTerms || !terms.every((term) => roleTerms.has(term))) continue;
      const extra = roleTerms.size - terms.length;
      if (extra < fewestExtra) [best, fewestExtra] = [[id], extra];
      else if (extra === fewestExtra) best.push(id);
    }
    return best;
  }

  private byTypo(key: string): Resolution {
    const words = key.split(' ').filter(Boolean);
    const results = this.fuzzy.search(key, {
      fuzzy: (term) => (term.length >= 7 ? 2 : term.length >= 4 ? 1 : false),
      prefix: (term) => term.length >= 4,
      combineWith: 'OR',
    });
    // Every word typed must resemble a word of the name: "Xi Jinping wife" is not Xi Jinping.
    const complete = results.filter((result) => new Set(result.queryTerms).size >= words.length).slice(0, 30);
    const partial = results.slice(0, 30);
    const ranked = (pool: typeof results) => {
      const entries = pool.map((result) => this.entryAt(result.id as number));
      const fuse = new Fuse(entries, { keys: ['name'], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: SUGGEST_SCORE });
      const best = new Map<string, number>();
      for (const hit of fuse.search(key)) {
        const score = hit.score ?? 1;
        if (score < (best.get(hit.item.entity) ?? Infinity)) best.set(hit.item.entity, score);
      }
      return [...best].sort((a, b) => a[1] - b[1]);
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

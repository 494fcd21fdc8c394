/**
 * People and organisations of one article: the names found sentence by
 * sentence, grouped into one cluster per entity (a full name, its surname
 * references, its titles), then matched to the entities the briefing knows.
 */
import { normalizeName } from '../summary/load.js';
import type { Entity } from '../summary/schema.js';
import { findAnonymous } from './anonymous.js';
import { CORPORATE_SUFFIXES } from './lexicon.js';
import { findNames, type NameMention } from './names.js';
import { resolve, type Known } from './resolve.js';
import { comparePlaces, insideQuotes, isBefore, type AnalysedParagraph, type Place } from './spans.js';

export interface EntityMention extends Place {
  cluster: Cluster;
  surface: string;
  inQuote: boolean;
  /** The sentence it stands in. */
  sentence: Place;
}

export interface Role {
  title: string;
  place: Place;
}

export interface Cluster {
  key: string;
  kind: Entity['kind'];
  /** The fullest name the article gives. */
  name: string;
  /** An unnamed source ("a senior administration official"). */
  anonymous: boolean;
  /** Head noun of an unnamed source: "official", "sources". */
  head?: string;
  /** Only a single word (a surname) was ever given and nothing known matched it. */
  partial: boolean;
  nameTokens: string[];
  mentions: EntityMention[];
  roles: Role[];
  /** Every written form, for alias matching and for new aliases. */
  forms: Set<string>;
  existing?: { id: string; entity: Entity };
  ambiguous?: string[];
}

export interface EntityFindings {
  clusters: Cluster[];
  /** All mentions, in reading order. */
  mentions: EntityMention[];
  /** Capitalised names we could not place as a person or organisation. */
  unclassified: string[];
}

const withoutInitials = (name: string) => name.replace(/\b[A-Z]\.\s+/g, '');
const tokensOf = (name: string) => normalizeName(withoutInitials(name)).split(' ').filter(Boolean);

interface Found {
  mention: NameMention;
  place: Place;
  sentence: Place;
  inQuote: boolean;
}

export function findEntities(paragraphs: readonly AnalysedParagraph[], known?: Known): EntityFindings {
  const names: Found[] = [];
  const clusters = new Map<string, Cluster>();
  const mentions: EntityMention[] = [];
  const unclassified = new Set<string>();

  const create = (key: string, kind: Entity['kind'], name: string, anonymous = false): Cluster => {
    let cluster = clusters.get(key);
    if (!cluster) {
      cluster = { key, kind, name, anonymous, partial: false, nameTokens: tokensOf(name), mentions: [], roles: [], forms: new Set() };
      clusters.set(key, cluster);
    }
    return cluster;
  };
  const mention = (cluster: Cluster, found: Pick<Found, 'place' | 'sentence' | 'inQuote'>, surface: string) => {
    const entry: EntityMention = { ...found.place, cluster, surface, inQuote: found.inQuote, sentence: found.sentence };
    cluster.mentions.push(entry);
    cluster.forms.add(surface);
    mentions.push(entry);
  };

  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.sentences) {
      const sentencePlace = { paragraph: paragraph.index, start: sentence.start, end: sentence.end };
      for (const name of findNames(paragraph.text, sentence)) {
        names.push({
          mention: name,
          place: { paragraph: paragraph.index, start: name.start, end: name.end },
          sentence: sentencePlace,
          inQuote: insideQuotes(paragraph, name.start, name.end),
        });
      }
      const isAdjective = (offset: number) => sentence.tokens.some((token) => token.start === offset && token.pos === 'ADJ');
      for (const source of findAnonymous(paragraph.text, sentence.start, sentence.end, isAdjective)) {
        const cluster = create(`a:${normalizeName(source.phrase)}`, 'person', source.phrase, true);
        cluster.head = source.head;
        mention(cluster, { place: { paragraph: paragraph.index, start: source.start, end: source.end }, sentence: sentencePlace, inQuote: insideQuotes(paragraph, source.start, source.end) }, source.written);
        cluster.forms.add(source.phrase);
      }
    }
  }

  // Full names first: they anchor the surname references that follow.
  for (const found of names) {
    const { mention: name } = found;
    if (name.kind === 'person' && tokensOf(name.name).length >= 2) {
      const cluster = create(`p:${tokensOf(name.name).join(' ')}`, 'person', name.name);
      mention(cluster, found, name.name);
      for (const form of name.lookups) cluster.forms.add(form);
      for (const role of name.roles) cluster.roles.push({ title: role.title, place: { paragraph: found.place.paragraph, start: role.start, end: role.end } });
    } else if (name.kind === 'organization') {
      const cluster = create(`o:${normalizeName(name.name.replace(/^the\s+/i, ''))}`, 'organization', name.name);
      mention(cluster, found, name.name);
      for (const form of name.lookups) cluster.forms.add(form);
    }
  }
  for (const cluster of clusters.values()) matchKnown(cluster, known);
  mergeByExisting(clusters);

  for (const found of names) {
    const { mention: name } = found;
    if (name.kind === 'person' && tokensOf(name.name).length < 2) {
      const cluster =
        linkSurname(clusters, name.name, found.place) ??
        knownCluster(clusters, known, [...name.lookups, name.name], 'person') ??
        partialPerson(clusters, name.name);
      mention(cluster, found, name.lookups[0] ?? name.name);
      for (const role of name.roles) cluster.roles.push({ title: role.title, place: { paragraph: found.place.paragraph, start: role.start, end: role.end } });
    } else if (name.kind === 'unknown') {
      const tokens = tokensOf(name.name);
      const cluster =
        (tokens.length >= 2 ? clusters.get(`p:${tokens.join(' ')}`) : linkSurname(clusters, name.name, found.place) ?? linkCompany(clusters, name.name)) ??
        knownCluster(clusters, known, [...name.lookups, name.name, `the ${name.name}`]);
      if (cluster) mention(cluster, found, name.name);
      else unclassified.add(name.name);
    }
    // An organisation named inside a title: "Secretary of Commerce" → the Commerce department.
    if (name.kind === 'person') {
      for (const form of name.lookups.slice(1)) {
        const org = knownCluster(clusters, known, [form], 'organization');
        const role = name.roles[0];
        if (org && role) mention(org, { ...found, place: { paragraph: found.place.paragraph, start: role.start, end: role.end } }, form);
      }
    }
  }

  const used = [...clusters.values()].filter((cluster) => cluster.mentions.length > 0);
  for (const cluster of used) cluster.mentions.sort(comparePlaces);
  mentions.sort(comparePlaces);
  return { clusters: used, mentions, unclassified: [...unclassified].filter((name) => !used.some((cluster) => cluster.forms.has(name))) };
}

function matchKnown(cluster: Cluster, known: Known | undefined): void {
  if (cluster.existing || cluster.ambiguous) return;
  const forms = [cluster.name, ...cluster.forms];
  if (cluster.anonymous) forms.push(...[...cluster.forms].map((form) => form.replace(/^(?:several|multiple|two|three|four|various|other)\s+/i, '')));
  const found = resolve(known, forms, cluster.kind);
  if (found && 'id' in found) cluster.existing = found;
  else if (found) cluster.ambiguous = found.ambiguous;
}

/** Two spellings that name the same known entity ("Xi Jinping", "Xi Jingping") are one cluster. */
function mergeByExisting(clusters: Map<string, Cluster>): void {
  const byId = new Map<string, Cluster>();
  for (const [key, cluster] of clusters) {
    const id = cluster.existing?.id;
    if (!id) continue;
    const first = byId.get(id);
    if (!first) {
      byId.set(id, cluster);
      continue;
    }
    for (const entry of cluster.mentions) {
      entry.cluster = first;
      first.mentions.push(entry);
    }
    first.roles.push(...cluster.roles);
    for (const form of cluster.forms) first.forms.add(form);
    if (cluster.name.length > first.name.length && !cluster.anonymous) first.name = cluster.name;
    first.nameTokens = [...new Set([...first.nameTokens, ...cluster.nameTokens])];
    clusters.delete(key);
  }
}

/** "Mr. Xi", "Rossmann", "Meng": the person of this article whose name has that word, the most recent first. */
function linkSurname(clusters: Map<string, Cluster>, word: string, place: Place): Cluster | undefined {
  const token = normalizeName(word);
  if (!token || token.includes(' ')) return undefined;
  const people = [...new Set(clusters.values())].filter((cluster) => cluster.kind === 'person' && !cluster.anonymous && cluster.nameTokens.includes(token));
  if (people.length === 0) return undefined;
  const lastMentionBefore = (cluster: Cluster) =>
    cluster.mentions.filter((entry) => isBefore(entry, place)).sort(comparePlaces).pop();
  const bySurname = people.filter((cluster) => cluster.nameTokens[cluster.nameTokens.length - 1] === token);
  const pool = bySurname.length > 0 ? bySurname : people;
  return [...pool].sort((a, b) => {
    const ma = lastMentionBefore(a);
    const mb = lastMentionBefore(b);
    if (ma && mb) return comparePlaces(mb, ma);
    return ma ? -1 : mb ? 1 : 0;
  })[0];
}

/** "Quantel" after "Quantel Systems Inc.": a company's first word names it. */
function linkCompany(clusters: Map<string, Cluster>, word: string): Cluster | undefined {
  return [...clusters.values()].find((cluster) => {
    const parts = cluster.name.split(/\s+/);
    return cluster.kind === 'organization' && parts.length >= 2 && parts[0] === word && CORPORATE_SUFFIXES.has(parts[parts.length - 1] ?? '');
  });
}

/** The cluster for a known entity the forms name, created on first use. */
function knownCluster(clusters: Map<string, Cluster>, known: Known | undefined, forms: string[], kind?: Entity['kind']): Cluster | undefined {
  const found = resolve(known, forms, kind);
  if (!found || !('id' in found)) return undefined;
  const existing = [...clusters.values()].find((cluster) => cluster.existing?.id === found.id);
  if (existing) return existing;
  const cluster: Cluster = {
    key: `id:${found.id}`,
    kind: found.entity.kind,
    name: found.entity.name,
    anonymous: found.entity.category === 'anonymous',
    partial: false,
    nameTokens: tokensOf(found.entity.name),
    mentions: [],
    roles: [],
    forms: new Set(),
    existing: found,
  };
  clusters.set(cluster.key, cluster);
  return cluster;
}

function partialPerson(clusters: Map<string, Cluster>, word: string): Cluster {
  const key = `p:${normalizeName(word)}`;
  let cluster = clusters.get(key);
  if (!cluster) {
    cluster = { key, kind: 'person', name: word, anonymous: false, partial: true, nameTokens: tokensOf(word), mentions: [], roles: [], forms: new Set() };
    clusters.set(key, cluster);
  }
  return cluster;
}

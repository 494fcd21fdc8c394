/**
 * `extractDraft`: from the raw text of a news page to a draft of its part of
 * the summary — people and organisations (matched to known ones), dated
 * events, quotations with speakers, figures — each with a verbatim snippet of
 * the article as evidence. The object returned is the `--json` contract.
 */
import type { DatePrecision } from '../summary/schema.js';
import { findDates, type DateMention } from './dates.js';
import { findEntities, type Cluster, type EntityFindings } from './entities.js';
import { findFigures } from './figures.js';
import { analyseParagraph } from './nlp.js';
import { readPage, type BodyRule, type PageLayout } from './page.js';
import { findQuotes } from './quotes.js';
import { linkKnownEvents } from './linkEvents.js';
import type { Known } from './resolve.js';
import { findQuotedRanges, kebab, snippet, type AnalysedParagraph } from './spans.js';

export interface DraftOptions {
  /** Publication date, YYYY-MM-DD; relative dates are resolved against it. Falls back to a date printed on the page. */
  published?: string;
  outlet?: string;
  title?: string;
  /** The article's file name, recorded in the draft. */
  file?: string;
}

export interface DraftArticle {
  file: string | null;
  title: string | null;
  titleBasis: 'stated' | 'editorial';
  outlet: string | null;
  outletBasis: 'stated' | 'inferred' | 'unknown';
  author: string | null;
  wire: string | null;
  published: { date: string; basis: 'stated' | 'given'; phrase: string | null } | null;
  body: BodyRule;
  paragraphs: number;
}

export interface DraftRole {
  title: string;
  evidence: string;
}

export interface DraftEntity {
  name: string;
  kind: 'person' | 'organization';
  existing: boolean;
  /** The known entity's id, or the id proposed for a new one. */
  id: string;
  role?: string;
  roles: DraftRole[];
  anonymous: boolean;
  /** Forms the article uses, for the aliases of a new entity. */
  forms: string[];
  mentions: number;
  evidence: string;
}

export interface DraftEvent {
  date: string;
  precision: DatePrecision;
  phrase: string;
  inferred: boolean;
  reasoning?: string;
  earliest?: string;
  latest?: string;
  summary: string;
  /** Entity ids named in the same sentence. */
  actors: string[];
  evidence: string;
  /** The id of the known event this one was matched to (see linkEvents.ts). */
  existing?: string;
}

export interface DraftQuote {
  /** The speaker's name as the article gives it; null when no attribution was found. */
  speaker: string | null;
  speakerId: string | null;
  existingSpeaker: boolean;
  text: string;
  attribution: 'after' | 'before' | 'according-to' | 'continuation' | null;
  /** The words naming the speaker at the attribution ("he", "the official"). */
  speakerWords: string | null;
  evidence: string;
}

export interface DraftFigure {
  value: string;
  normalized?: number;
  counts: string;
  kind: string;
  evidence: string;
}

export interface IngestDraft {
  article: DraftArticle;
  entities: DraftEntity[];
  events: DraftEvent[];
  quotes: DraftQuote[];
  figures: DraftFigure[];
  /** What the extractor was unsure of, for the reviewer. */
  unsure: string[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function extractDraft(rawText: string, options: DraftOptions = {}, known?: Known): IngestDraft {
  if (options.published !== undefined && !ISO_DAY.test(options.published)) throw new Error(`published must be YYYY-MM-DD, got "${options.published}"`);
  const layout = readPage(rawText);
  const unsure = [...layout.notes];
  const article = describeArticle(layout, options, unsure, rawText);
  const published = article.published?.date;

  const paragraphs: AnalysedParagraph[] = layout.paragraphs.map((text, index) => ({ index, text, sentences: analyseParagraph(text), quoted: findQuotedRanges(text) }));
  const entities = findEntities(paragraphs, known);
  const quotes = findQuotes(paragraphs, entities);
  const dates = paragraphs.flatMap((paragraph) => findDates(paragraph, published));
  const figures = paragraphs.flatMap((paragraph) =>
    findFigures(paragraph, dates.filter((date) => date.paragraph === paragraph.index).map((date) => [date.start, date.end] as const)),
  );

  const draftEntities = entities.clusters.map((cluster) => describeEntity(cluster, paragraphs));
  const events = describeEvents(dates, paragraphs, entities);
  if (known?.events) linkKnownEvents(events, [...known.events.values()]);
  const draftQuotes: DraftQuote[] = quotes.map((quote) => ({
    speaker: quote.speaker ? speakerName(quote.speaker) : null,
    speakerId: quote.speaker ? idOf(quote.speaker) : null,
    existingSpeaker: !!quote.speaker?.existing,
    text: quote.text,
    attribution: quote.how ?? null,
    speakerWords: quote.speakerWords ?? null,
    evidence: quote.evidence,
  }));

  noteDoubts(unsure, { entities, quotes: draftQuotes, events, layout, published });
  return {
    article,
    entities: draftEntities,
    events,
    quotes: draftQuotes,
    figures: figures.map(({ paragraph: _paragraph, ...figure }) => figure),
    unsure,
  };
}

function describeArticle(layout: PageLayout, options: DraftOptions, unsure: string[], rawText: string): DraftArticle {
  const dateline = layout.dateline;
  let published: DraftArticle['published'] = null;
  if (options.published) {
    published = { date: options.published, basis: dateline?.value === options.published ? 'stated' : 'given', phrase: dateline?.value === options.published ? dateline.phrase : null };
    if (dateline && dateline.value !== options.published) unsure.push(`the page prints the date "${dateline.phrase}" (${dateline.value}) but --published says ${options.published}; relative dates use ${options.published}`);
  } else if (dateline) {
    published = { date: dateline.value, basis: 'stated', phrase: dateline.phrase };
  } else {
    unsure.push('no publication date: the page prints none and --published was not given, so relative dates ("on Thursday", "last week") were left out');
  }
  const outletNamed = !!options.outlet && rawText.includes(options.outlet);
  return {
    file: options.file ?? null,
    title: options.title ?? layout.title ?? null,
    titleBasis: options.title ? (options.title === layout.title ? 'stated' : 'editorial') : layout.title ? 'stated' : 'editorial',
    outlet: options.outlet ?? layout.outlet ?? null,
    outletBasis: options.outlet ? (outletNamed ? 'stated' : 'inferred') : layout.outlet ? 'stated' : 'unknown',
    author: layout.author ?? null,
    wire: layout.wire ?? null,
    published,
    body: layout.body,
    paragraphs: layout.paragraphs.length,
  };
}

export function idOf(cluster: Cluster): string {
  return cluster.existing?.id ?? (kebab(cluster.name) || 'unnamed');
}

function speakerName(cluster: Cluster): string {
  return cluster.existing?.entity.name ?? cluster.name;
}

function describeEntity(cluster: Cluster, paragraphs: readonly AnalysedParagraph[]): DraftEntity {
  const first = cluster.mentions[0];
  const paragraph = first ? paragraphs[first.paragraph] : undefined;
  const evidence = first && paragraph ? paragraph.text.slice(first.sentence.start, first.sentence.end) : cluster.name;
  const roles = uniqueRoles(cluster, paragraphs);
  return {
    name: cluster.existing?.entity.name ?? cluster.name,
    kind: cluster.kind,
    existing: !!cluster.existing,
    id: idOf(cluster),
    ...(roles[0] ? { role: roles[0].title } : {}),
    roles,
    anonymous: cluster.anonymous,
    forms: [...cluster.forms].filter((form) => form !== cluster.name),
    mentions: cluster.mentions.length,
    evidence,
  };
}

function uniqueRoles(cluster: Cluster, paragraphs: readonly AnalysedParagraph[]): DraftRole[] {
  const seen = new Set<string>();
  const roles: DraftRole[] = [];
  for (const role of cluster.roles) {
    const key = role.title.toLowerCase();
    const paragraph = paragraphs[role.place.paragraph];
    if (seen.has(key) || !paragraph) continue;
    seen.add(key);
    roles.push({ title: role.title, evidence: snippet(paragraph.text, role.place.start, role.place.end) });
  }
  return roles;
}

function describeEvents(dates: readonly DateMention[], paragraphs: readonly AnalysedParagraph[], entities: EntityFindings): DraftEvent[] {
  const events: DraftEvent[] = [];
  const seen = new Set<string>();
  for (const date of dates) {
    const paragraph = paragraphs[date.paragraph];
    const sentence = paragraph?.sentences.find((s) => date.start >= s.start && date.start < s.end);
    if (!paragraph || !sentence) continue;
    const text = paragraph.text.slice(sentence.start, sentence.end);
    const key = `${date.value}|${date.paragraph}|${sentence.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const actors = [...new Set(entities.mentions.filter((entry) => entry.paragraph === date.paragraph && entry.start >= sentence.start && entry.end <= sentence.end).map((entry) => idOf(entry.cluster)))];
    events.push({
      date: date.value,
      precision: date.precision,
      phrase: date.phrase,
      inferred: date.inferred,
      ...(date.reasoning ? { reasoning: date.reasoning } : {}),
      ...(date.earliest ? { earliest: date.earliest } : {}),
      ...(date.latest ? { latest: date.latest } : {}),
      summary: text,
      actors,
      evidence: text,
    });
  }
  return events;
}

function noteDoubts(
  unsure: string[],
  found: { entities: EntityFindings; quotes: DraftQuote[]; events: DraftEvent[]; layout: PageLayout; published: string | undefined },
): void {
  for (const cluster of found.entities.clusters) {
    if (cluster.partial) unsure.push(`"${cluster.name}" is named by one word only; is it a person, and who?`);
    if (cluster.ambiguous) unsure.push(`"${cluster.name}" matches several known entities (${cluster.ambiguous.join(', ')}); it was left as new`);
  }
  if (found.entities.unclassified.length > 0) unsure.push(`names not classified as a person or organisation: ${found.entities.unclassified.join(', ')}`);
  const unattributed = found.quotes.filter((quote) => !quote.speaker);
  for (const quote of unattributed) unsure.push(`no speaker found for the quotation “${quote.text.slice(0, 60)}${quote.text.length > 60 ? '…' : ''}”`);
  for (const quote of found.quotes) {
    if (quote.speaker && (quote.attribution === 'continuation' || /^(he|she|the\b)/i.test(quote.speakerWords ?? ''))) {
      unsure.push(`“${quote.text.slice(0, 40)}…” was given to ${quote.speaker} through "${quote.speakerWords ?? 'the previous quotation'}"${quote.attribution === 'continuation' ? ' (it continues a quotation)' : ''}`);
    }
  }
  for (const event of found.events) {
    if (event.inferred) unsure.push(`"${event.phrase}" was resolved to ${event.date}${event.precision === 'approximate' ? ` (${event.earliest} to ${event.latest})` : ''}`);
  }
  for (const caption of found.layout.captions) unsure.push(`a photo caption was kept in the body: "${caption.slice(0, 60)}…"`);
  if (!found.layout.title) unsure.push('the page prints no headline: give one with --title or write an editorial one');
}

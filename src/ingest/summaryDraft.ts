/**
 * The draft file a curator reviews: the article's entries in the summary's own
 * format (articles, entities, events, quotes, figures), plus the additions to
 * entities and events the briefing already holds, marked `draft: true`, with
 * the extractor's doubts listed under `review`. `--merge` validates it.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { normalizeName } from '../summary/load.js';
import { ArticleSchema, EntitySchema, EventSchema, FigureSchema, IdSchema, QuoteSchema, RoleSchema, SourceRefSchema, type Article, type Entity, type Event, type Figure, type Quote } from '../summary/schema.js';
import type { DraftEntity, IngestDraft } from './draft.js';
import type { Known } from './resolve.js';
import { kebab } from './spans.js';

export const EntityUpdateSchema = z.strictObject({
  id: IdSchema,
  mentions: z.array(SourceRefSchema).default([]),
  roles: z.array(RoleSchema).default([]),
  aliases: z.array(z.string().min(1)).default([]),
});

export const EventUpdateSchema = z.strictObject({
  id: IdSchema,
  sources: z.array(SourceRefSchema).min(1),
});

export const DraftFileSchema = z.strictObject({
  draft: z.boolean(),
  /** Where the article was read from; merge copies it into data/articles/. */
  source: z.string().min(1),
  review: z.array(z.string()).default([]),
  articles: z.array(ArticleSchema).length(1, 'a draft holds exactly one article'),
  entities: z.array(EntitySchema).default([]),
  entityUpdates: z.array(EntityUpdateSchema).default([]),
  events: z.array(EventSchema).default([]),
  eventUpdates: z.array(EventUpdateSchema).default([]),
  quotes: z.array(QuoteSchema).default([]),
  figures: z.array(FigureSchema).default([]),
});
export type DraftFile = z.infer<typeof DraftFileSchema>;
export type EntityUpdate = z.infer<typeof EntityUpdateSchema>;

/** Stands in for a publication date nobody gave: it fails validation until a reviewer writes the real one. */
export const MISSING_DATE = 'YYYY-MM-DD';

function uniqueId(base: string, taken: Set<string>): string {
  const root = base || 'item';
  let id = root;
  for (let n = 2; taken.has(id); n += 1) id = `${root}-${n}`;
  taken.add(id);
  return id;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

function personCategory(entity: DraftEntity): Entity['category'] {
  const roles = entity.roles.map((role) => role.title.toLowerCase()).join(' ');
  if (entity.anonymous) return 'anonymous';
  if (/\b(analyst|fellow|researcher|professor|scholar|expert|hydrologist|economist)\b/.test(roles)) return 'analyst';
  if (/\b(executive|ceo|chief executive|businessman|businesswoman|founder|chairman of the board|manager)\b/.test(roles)) return 'businessperson';
  if (/\b(president|senator|mayor|governor|premier|prime minister|lawmaker|councillor|councilor|congressman|congresswoman)\b/.test(roles)) return 'politician';
  if (/\b(general|admiral|colonel|commander)\b/.test(roles)) return 'military';
  return roles ? 'official' : 'other';
}

function organisationCategory(name: string): Entity['category'] {
  if (/\b(Times|Post|Journal|News|Press|Herald|Tribune|Gazette|agency)\b/.test(name)) return 'media';
  if (/\b(Inc\.?|Corp\.?|Ltd\.?|LLC|Company|Group|Holdings|Airlines|Airways)\b/.test(name)) return 'company';
  if (/\b(Institute|Institution|Center|Centre|Foundation)\b/.test(name)) return 'think_tank';
  if (/\b(Party)\b/.test(name)) return 'party';
  if (/\b(Congress|Senate|Parliament|Assembly|Committee)\b/.test(name)) return 'legislature';
  if (/\b(Army|Navy|Military|Forces)\b/.test(name)) return 'military';
  if (/\b(Department|Ministry|Office|Bureau|Agency|Commission|Council|Service|Administration|Authority)\b/.test(name)) return 'government';
  return 'other';
}

/** Forms worth keeping as aliases: the ones that carry a word of the name ("Ms. Lindqvist"), not bare titles. */
function nameForms(entity: DraftEntity): string[] {
  const words = new Set(normalizeName(entity.name).split(' '));
  return entity.forms.filter((form) => normalizeName(form).split(' ').some((word) => words.has(word)) && normalizeName(form) !== normalizeName(entity.name));
}

export type TakenIds = Partial<Record<'articles' | 'entities' | 'events' | 'quotes' | 'figures', Iterable<string>>>;

/** The ids a briefing already uses, so that new ones do not collide. */
export function takenIds(briefing: { articles: ReadonlyMap<string, unknown>; entities: ReadonlyMap<string, unknown>; events: ReadonlyMap<string, unknown>; quotes: ReadonlyMap<string, unknown>; figures: ReadonlyMap<string, unknown> }): TakenIds {
  return { articles: briefing.articles.keys(), entities: briefing.entities.keys(), events: briefing.events.keys(), quotes: briefing.quotes.keys(), figures: briefing.figures.keys() };
}

export function buildDraftFile(draft: IngestDraft, options: { source: string; known?: Known; taken?: TakenIds }): DraftFile {
  const taken = {
    articles: new Set(options.taken?.articles ?? []),
    entities: new Set(options.taken?.entities ?? []),
    events: new Set(options.taken?.events ?? []),
    quotes: new Set(options.taken?.quotes ?? []),
    figures: new Set(options.taken?.figures ?? []),
  };
  const a = draft.article;
  const fileName = path.basename(a.file ?? options.source);
  const articleId = uniqueId(kebab(a.title ?? fileName.replace(/\.txt$/, ''), 6), taken.articles);
  const title = a.title ?? clip(draft.events[0]?.summary ?? fileName, 100);
  const source = (evidence: string) => ({ article: articleId, evidence });

  const published: Article['published'] = !a.published
    ? { value: MISSING_DATE, precision: 'day', basis: 'stated', phrase: 'write the publication date here' }
    : a.published.basis === 'stated'
      ? { value: a.published.date, precision: 'day', basis: 'stated', phrase: a.published.phrase ?? a.published.date }
      : { value: a.published.date, precision: 'day', basis: 'inferred', phrase: '(not printed on the page)', reasoning: 'The page prints no date; the curator gave it with --published.' };

  const article: Article = {
    id: articleId,
    file: /^[\w.-]+\.txt$/.test(fileName) ? fileName : `${articleId}.txt`,
    outlet: a.outlet ?? 'Unknown outlet',
    outletBasis: a.outletBasis,
    ...(a.outletBasis === 'inferred' ? { outletNote: 'Given by the curator with --outlet; the page does not name it.' } : {}),
    title,
    titleBasis: a.title ? a.titleBasis : 'editorial',
    author: a.author,
    ...(a.wire ? { wire: a.wire } : {}),
    published,
    body: a.body,
  };

  // Ids for the new entities first: events and quotes refer to them.
  const finalId = new Map<string, string>();
  const entities: Entity[] = [];
  const entityUpdates: EntityUpdate[] = [];
  for (const entity of draft.entities) {
    const roles = entity.roles.map((role) => ({ title: role.title, sources: [source(role.evidence)] }));
    if (entity.existing) {
      finalId.set(entity.id, entity.id);
      const known = options.known?.entities.get(entity.id);
      const knownTitles = new Set((known?.roles ?? []).map((role) => role.title.toLowerCase()));
      const knownAliases = new Set([known?.name ?? '', ...(known?.aliases ?? [])].map(normalizeName));
      entityUpdates.push({
        id: entity.id,
        mentions: [source(entity.evidence)],
        roles: roles.filter((role) => !knownTitles.has(role.title.toLowerCase())),
        aliases: entity.anonymous ? [] : nameForms(entity).filter((form) => !knownAliases.has(normalizeName(form))),
      });
      continue;
    }
    const id = uniqueId(kebab(entity.name), taken.entities);
    finalId.set(entity.id, id);
    const role = entity.role ? `, ${entity.role}` : '';
    entities.push({
      id,
      name: entity.name,
      kind: entity.kind,
      category: entity.kind === 'person' ? personCategory(entity) : organisationCategory(entity.name),
      aliases: entity.anonymous ? [] : nameForms(entity),
      roles,
      affiliations: [],
      description: entity.anonymous ? `An unnamed source "${title}" describes as "${entity.name}".` : `${entity.name}${role}; named in "${title}".`,
      related: [],
      topics: [],
      mentions: [source(entity.evidence)],
    });
  }
  const idFor = (id: string | null) => (id ? finalId.get(id) ?? id : null);

  const events: Event[] = [];
  const eventUpdates: z.infer<typeof EventUpdateSchema>[] = [];
  for (const event of draft.events) {
    if (event.existing) {
      const update = eventUpdates.find((u) => u.id === event.existing);
      if (update) update.sources.push(source(event.evidence));
      else eventUpdates.push({ id: event.existing, sources: [source(event.evidence)] });
      continue;
    }
    events.push({
      id: uniqueId(kebab(`${event.phrase} ${event.summary}`, 7), taken.events),
      title: clip(event.summary, 120),
      date: {
        value: event.date,
        precision: event.precision,
        basis: event.inferred ? 'inferred' : 'stated',
        phrase: event.phrase,
        ...(event.reasoning ? { reasoning: event.reasoning } : {}),
        ...(event.earliest ? { earliest: event.earliest } : {}),
        ...(event.latest ? { latest: event.latest } : {}),
      },
      summary: event.summary,
      actors: event.actors.map((actor) => idFor(actor) ?? actor),
      topics: [],
      sources: [source(event.evidence)],
    });
  }

  const quotes: Quote[] = draft.quotes
    .filter((quote) => quote.speakerId)
    .map((quote) => ({
      id: uniqueId(kebab(`${idFor(quote.speakerId) ?? ''} ${quote.text}`, 6), taken.quotes),
      speaker: idFor(quote.speakerId),
      text: quote.text,
      context: `Quoted in "${title}"${quote.speakerWords ? `, attributed to ${quote.speakerWords}` : ''}.`,
      topics: [],
      sources: [source(quote.evidence)],
    }));

  const figures: Figure[] = draft.figures.map((figure) => ({
    id: uniqueId(kebab(`${figure.counts} ${figure.value}`, 6), taken.figures),
    subject: figure.counts.length >= 5 ? figure.counts : `${figure.counts} (number of)`,
    kind: figure.kind as Figure['kind'],
    values: [{ value: figure.value, ...(figure.normalized !== undefined ? { normalized: figure.normalized } : {}), sources: [source(figure.evidence)] }],
    verdict: 'single',
    note: `One value, from "${title}"; compare it with the other articles before merging.`,
    topics: [],
    keywords: [],
  }));

  const review = [...draft.unsure];
  if (!a.published) review.unshift(`write the publication date in articles[0].published (now "${MISSING_DATE}")`);
  if (!a.title) review.unshift('write a title in articles[0].title (now the first sentence)');
  return { draft: true, source: options.source, review, articles: [article], entities, entityUpdates, events, eventUpdates, quotes, figures };
}

const HEADER = `# DRAFT written by \`npm run ingest\`: the entries one article adds to the summary, in the
# summary's own format. Review every entry against the article (the \`review\` list says what the
# extractor was unsure of), fix or delete what is wrong, add topics, then run
#   npm run ingest -- --merge <this file>
# which validates the merged summary and refuses (listing the problems) if it would not load.
# entityUpdates / eventUpdates add this article's mentions, roles, aliases and sources to entities
# and events the summary already holds.
`;

export function draftFileToYaml(file: DraftFile): string {
  return HEADER + stringify(file, { lineWidth: 0 });
}

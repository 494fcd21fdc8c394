/**
 * Checks zod cannot make one value at a time: ids are unique and every
 * reference resolves, every evidence snippet and quote occurs verbatim in its
 * article's body.
 */
import type { DataProblem } from './problems.js';
import type { SourceRef, Summary } from './schema.js';

export type LocatedProblem = Omit<DataProblem, 'file'> & { key: keyof Summary };

type IdKind = 'articles' | 'topics' | 'entities' | 'events' | 'quotes' | 'figures';
const SINGULAR: Record<IdKind, string> = {
  articles: 'article',
  topics: 'topic',
  entities: 'entity',
  events: 'event',
  quotes: 'quote',
  figures: 'figure',
};

/**
 * Whether `snippet` lies within one paragraph of `body` (paragraphs joined by
 * line breaks, none inside one): a snippet without a line break cannot match
 * across two, so one search of the whole body replaces one per paragraph.
 */
function withinOneParagraph(body: string, snippet: string): boolean {
  return !snippet.includes('\n') && body.includes(snippet);
}

/** `bodies`: article id → its body's paragraphs joined by line breaks. */
export function crossCheck(summary: Summary, bodies: ReadonlyMap<string, string>): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const ids = new Map<IdKind, Set<string>>();

  for (const key of ['articles', 'topics', 'entities', 'events', 'quotes', 'figures'] as const) {
    const seen = new Set<string>();
    summary[key].forEach((item, index) => {
      if (seen.has(item.id)) problems.push({ key, path: `${key}[${index}].id`, message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
    ids.set(key, seen);
  }

  // Paths are built only when there is a problem: on a large corpus almost every check passes, so the
  // checks take the path in pieces (the item's path, the field, an index) rather than a string per reference.
  const requireId = (kind: IdKind, id: string, key: keyof Summary, path: string, field: string, index = -1) => {
    if (ids.get(kind)?.has(id)) return;
    problems.push({ key, path: `${path}.${field}${index < 0 ? '' : `[${index}]`}`, message: `unknown ${SINGULAR[kind]} id "${id}"` });
  };
  const requireIds = (kind: IdKind, list: readonly string[], key: keyof Summary, path: string, field: string) => {
    for (let index = 0; index < list.length; index++) requireId(kind, list[index] as string, key, path, field, index);
  };

  /** `path.field` names the list, e.g. `events[3].sources` or `entities[0].mentions`. */
  const checkSources = (sources: readonly SourceRef[], key: keyof Summary, path: string, field: string) => {
    for (let index = 0; index < sources.length; index++) {
      const source = sources[index] as SourceRef;
      const body = bodies.get(source.article);
      if (body === undefined) {
        requireId('articles', source.article, key, path, `${field}[${index}].article`);
        continue;
      }
      if (!withinOneParagraph(body, source.evidence)) {
        problems.push({
          key,
          path: `${path}.${field}[${index}].evidence`,
          message: `not found verbatim in the body of article "${source.article}": "${source.evidence.slice(0, 80)}"`,
        });
      }
    }
  };

  summary.entities.forEach((entity, index) => {
    const path = `entities[${index}]`;
    entity.roles.forEach((role, roleIndex) => {
      const field = `roles[${roleIndex}]`;
      if (role.organization) requireId('entities', role.organization, 'entities', path, `${field}.organization`);
      checkSources(role.sources, 'entities', path, `${field}.sources`);
    });
    requireIds('entities', entity.affiliations, 'entities', path, 'affiliations');
    entity.related.forEach((relation, i) => requireId('entities', relation.entity, 'entities', path, `related[${i}].entity`));
    requireIds('topics', entity.topics, 'entities', path, 'topics');
    checkSources(entity.mentions, 'entities', path, 'mentions');
  });

  summary.events.forEach((event, index) => {
    const path = `events[${index}]`;
    requireIds('entities', event.actors, 'events', path, 'actors');
    requireIds('topics', event.topics, 'events', path, 'topics');
    checkSources(event.sources, 'events', path, 'sources');
  });

  summary.quotes.forEach((quote, index) => {
    const path = `quotes[${index}]`;
    if (quote.speaker) requireId('entities', quote.speaker, 'quotes', path, 'speaker');
    else if (!quote.speakerLabel)
      problems.push({ key: 'quotes', path: `${path}.speakerLabel`, message: 'a quote without a speaker id needs a speakerLabel' });
    if (quote.event) requireId('events', quote.event, 'quotes', path, 'event');
    requireIds('topics', quote.topics, 'quotes', path, 'topics');
    checkSources(quote.sources, 'quotes', path, 'sources');
    const first = quote.sources[0];
    const body = first ? bodies.get(first.article) : undefined;
    if (first && body !== undefined && !withinOneParagraph(body, quote.text)) {
      problems.push({
        key: 'quotes',
        path: `${path}.text`,
        message: `quotation not found verbatim in the body of article "${first.article}"`,
      });
    }
  });

  summary.figures.forEach((figure, index) => {
    const path = `figures[${index}]`;
    requireIds('topics', figure.topics, 'figures', path, 'topics');
    figure.values.forEach((value, i) => checkSources(value.sources, 'figures', path, `values[${i}].sources`));
    if ((figure.verdict === 'conflict' || figure.verdict === 'wording') && figure.values.length < 2)
      problems.push({ key: 'figures', path: `${path}.verdict`, message: `"${figure.verdict}" needs at least two values` });
  });

  return problems;
}

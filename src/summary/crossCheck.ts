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

export function crossCheck(summary: Summary, bodies: ReadonlyMap<string, readonly string[]>): LocatedProblem[] {
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

  const requireId = (kind: IdKind, id: string, key: keyof Summary, path: string) => {
    if (!ids.get(kind)?.has(id)) problems.push({ key, path, message: `unknown ${SINGULAR[kind]} id "${id}"` });
  };

  /** `listPath` names the list, e.g. `events[3].sources` or `entities[0].mentions`. */
  const checkSources = (sources: readonly SourceRef[], key: keyof Summary, listPath: string) => {
    sources.forEach((source, index) => {
      const here = `${listPath}[${index}]`;
      const body = bodies.get(source.article);
      if (!body) {
        requireId('articles', source.article, key, `${here}.article`);
        return;
      }
      if (!body.some((paragraph) => paragraph.includes(source.evidence))) {
        problems.push({
          key,
          path: `${here}.evidence`,
          message: `not found verbatim in the body of article "${source.article}": "${source.evidence.slice(0, 80)}"`,
        });
      }
    });
  };

  summary.entities.forEach((entity, index) => {
    const path = `entities[${index}]`;
    entity.roles.forEach((role, roleIndex) => {
      if (role.organization) requireId('entities', role.organization, 'entities', `${path}.roles[${roleIndex}].organization`);
      checkSources(role.sources, 'entities', `${path}.roles[${roleIndex}].sources`);
    });
    entity.affiliations.forEach((id, i) => requireId('entities', id, 'entities', `${path}.affiliations[${i}]`));
    entity.related.forEach((relation, i) => requireId('entities', relation.entity, 'entities', `${path}.related[${i}].entity`));
    entity.topics.forEach((id, i) => requireId('topics', id, 'entities', `${path}.topics[${i}]`));
    checkSources(entity.mentions, 'entities', `${path}.mentions`);
  });

  summary.events.forEach((event, index) => {
    const path = `events[${index}]`;
    event.actors.forEach((id, i) => requireId('entities', id, 'events', `${path}.actors[${i}]`));
    event.topics.forEach((id, i) => requireId('topics', id, 'events', `${path}.topics[${i}]`));
    checkSources(event.sources, 'events', `${path}.sources`);
  });

  summary.quotes.forEach((quote, index) => {
    const path = `quotes[${index}]`;
    if (quote.speaker) requireId('entities', quote.speaker, 'quotes', `${path}.speaker`);
    else if (!quote.speakerLabel)
      problems.push({ key: 'quotes', path: `${path}.speakerLabel`, message: 'a quote without a speaker id needs a speakerLabel' });
    if (quote.event) requireId('events', quote.event, 'quotes', `${path}.event`);
    quote.topics.forEach((id, i) => requireId('topics', id, 'quotes', `${path}.topics[${i}]`));
    checkSources(quote.sources, 'quotes', `${path}.sources`);
    const first = quote.sources[0];
    const body = first && bodies.get(first.article);
    if (body && !body.some((paragraph) => paragraph.includes(quote.text))) {
      problems.push({
        key: 'quotes',
        path: `${path}.text`,
        message: `quotation not found verbatim in the body of article "${first.article}"`,
      });
    }
  });

  summary.figures.forEach((figure, index) => {
    const path = `figures[${index}]`;
    figure.topics.forEach((id, i) => requireId('topics', id, 'figures', `${path}.topics[${i}]`));
    figure.values.forEach((value, i) => checkSources(value.sources, 'figures', `${path}.values[${i}].sources`));
    if ((figure.verdict === 'conflict' || figure.verdict === 'wording') && figure.values.length < 2)
      problems.push({ key: 'figures', path: `${path}.verdict`, message: `"${figure.verdict}" needs at least two values` });
  });

  return problems;
}

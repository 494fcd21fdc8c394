/** `who`: an entity card, everything the articles say about one person or organisation. */
import type { Entity } from '../summary/schema.js';
import { quoted, requireText, RERUN_AS_WHO, unresolvedName } from './common.js';
import type { EngineContext } from './context.js';
import { formatFactDate } from './dates.js';
import { NAME_MAX } from './limits.js';
import { queryTerms } from './terms.js';
import type { Answer, AnswerPart, Fact } from './types.js';

const EVENTS_SHOWN = 5;
const QUOTES_SHOWN = 3;
const OUTLETS_SHOWN = 6;

export function whoAnswer(ctx: EngineContext, name: string | undefined): Answer {
  const input = requireText(name, 'name', NAME_MAX);
  const resolution = ctx.names.resolve(input);
  if (resolution.status !== 'found') return unresolvedName(input, resolution, RERUN_AS_WHO);
  return entityCard(ctx, resolution.entity);
}

export function entityCard(ctx: EngineContext, entity: Entity): Answer {
  const { briefing } = ctx;
  const citations = ctx.citations();
  const body: AnswerPart[] = [{ type: 'line', text: entity.description, cites: [] }];

  // One line per distinct title: "National Security adviser" and "National Security Advisor" are one role, cited twice.
  const facts: Fact[] = [];
  const byTitle = new Map<string, Fact>();
  for (const role of entity.roles) {
    const key = queryTerms(role.title).join(' ');
    const known = byTitle.get(key);
    if (known) {
      known.cites = [...new Set([...known.cites, ...citations.citeAll(role.sources, 2)])];
      continue;
    }
    const organization = role.organization ? briefing.entities.get(role.organization) : undefined;
    const title = role.title.toLowerCase();
    const mentionsOrganization = organization && [organization.name, ...organization.aliases].some((name) => title.includes(name.toLowerCase()));
    const fact = {
      label: 'Role',
      value: organization && !mentionsOrganization ? `${role.title} (${organization.name})` : role.title,
      cites: citations.citeAll(role.sources, 2),
    };
    byTitle.set(key, fact);
    facts.push(fact);
  }
  if (entity.country) facts.push({ label: 'Country', value: entity.country, cites: [] });
  const affiliations = entity.affiliations.map((id) => ctx.entityName(id));
  if (affiliations.length > 0) facts.push({ label: 'Affiliation', value: affiliations.join(', '), cites: [] });
  const related = entity.related.map((relation) => `${ctx.entityName(relation.entity)} (${relation.relation})`);
  if (related.length > 0) facts.push({ label: 'Related', value: related.join('; '), cites: [] });
  if (facts.length > 0) body.push({ type: 'facts', facts });

  const events = briefing.eventsByActor.get(entity.id) ?? [];
  if (events.length > 0) {
    body.push({
      type: 'list',
      heading: 'Key events',
      items: events.slice(0, EVENTS_SHOWN).map((event) => ({
        label: formatFactDate(event.date),
        text: event.title,
        date: event.date,
        cites: citations.citeAll(event.sources, 1),
      })),
    });
    if (events.length > EVENTS_SHOWN) {
      body.push({ type: 'line', text: `…and ${events.length - EVENTS_SHOWN} more in /timeline actor:${entity.name}`, cites: [] });
    }
  }

  const quotes = briefing.quotesBySpeaker.get(entity.id) ?? [];
  if (quotes.length > 0) {
    body.push({
      type: 'list',
      heading: quotes.length > QUOTES_SHOWN ? `Quotes (${QUOTES_SHOWN} of ${quotes.length})` : 'Quotes',
      items: quotes.slice(0, QUOTES_SHOWN).map((quote) => ({ text: quoted(quote.text), cites: citations.citeAll(quote.sources, 1) })),
    });
  }

  const allArticles = briefing.articlesMentioning.get(entity.id) ?? [];
  const articles = allArticles.slice(0, OUTLETS_SHOWN);
  const mentionCites = articles.flatMap((articleId) => {
    const source = [...entity.mentions, ...entity.roles.flatMap((role) => role.sources)].find((ref) => ref.article === articleId);
    return source ? [citations.cite(source)] : [];
  });
  const outlets = articles.map((id) => ctx.cards.get(id)?.outlet ?? id);
  body.push({
    type: 'line',
    text: `Mentioned in ${allArticles.length} of ${briefing.articleList.length} articles: ${outlets.join('; ')}${allArticles.length > articles.length ? '; …' : ''}.`,
    cites: mentionCites,
  });

  const suggestions = [
    ...(events.length > 0 ? [`/timeline actor:${entity.name}`] : []),
    ...(quotes.length > 0 ? [`/quote speaker:${entity.name}`] : []),
    ...entity.related.slice(0, 2).map((relation) => `/who ${ctx.entityName(relation.entity)}`),
  ];
  return { kind: 'who', title: entity.name, body, citations: citations.citations, suggestions };
}

/** `brief`: the story so far for a newcomer: key points, main actors, what is disputed, what is covered. */
import { isDiscrepancy } from '../summary/stats.js';
import type { Event } from '../summary/schema.js';
import { entityLabel } from './common.js';
import type { EngineContext } from './context.js';
import { dateSortKey, formatDay, formatFactDate } from './dates.js';
import { disputeItem } from './figures.js';
import { queryTerms } from './terms.js';
import type { Answer, AnswerPart } from './types.js';

const KEY_POINTS = 7;
const MIN_KEY_POINTS = 5;
const MAIN_ACTORS = 6;
const DISPUTES = 4;

export function briefAnswer(ctx: EngineContext): Answer {
  const { briefing } = ctx;
  const citations = ctx.citations();
  const body: AnswerPart[] = [{ type: 'line', text: briefing.summary.story.description, cites: [] }];

  const keyEvents = pickKeyEvents(ctx);
  if (keyEvents.length > 0) {
    body.push({
      type: 'list',
      heading: 'Key points',
      items: keyEvents.map((event) => ({
        label: formatFactDate(event.date),
        text: event.summary,
        date: event.date,
        cites: citations.citeAll(event.sources, 2),
      })),
    });
  }

  // People first: a newcomer needs to know who is who; governments come through their people.
  const actors = [...briefing.entities.values()]
    .map((entity) => ({
      entity,
      weight:
        (briefing.articlesMentioning.get(entity.id)?.length ?? 0) * 10 +
        (briefing.eventsByActor.get(entity.id)?.length ?? 0) +
        (entity.kind === 'person' && entity.category !== 'anonymous' ? 100 : 0),
    }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAIN_ACTORS);
  if (actors.length > 0) {
    body.push({
      type: 'list',
      heading: 'Main actors',
      items: actors.map(({ entity }) => ({
        text: entity.roles[0] ? entityLabel(entity) : `${entity.name} — ${firstSentence(entity.description)}`,
        cites: citations.citeAll(entity.roles[0]?.sources ?? entity.mentions, 1),
      })),
    });
  }

  const disputes = briefing.summary.figures.filter(isDiscrepancy).slice(0, DISPUTES);
  if (disputes.length > 0) {
    body.push({
      type: 'list',
      heading: 'Open or disputed between sources',
      items: disputes.map((figure) => disputeItem(ctx, figure, citations)),
    });
  }

  body.push({ type: 'facts', heading: 'Coverage', facts: coverageFacts(ctx) });
  return {
    kind: 'brief',
    title: briefing.summary.story.title,
    body,
    citations: citations.citations,
    suggestions: ['/timeline', ...actors.slice(0, 2).map(({ entity }) => `/who ${entity.name}`), '/sources'],
  };
}

function firstSentence(text: string): string {
  const match = /^(.+?[.;])(?:\s|$)/.exec(text);
  return (match?.[1] ?? text).replace(/[.;]$/, '');
}

/**
 * The events the story's own summary is about (ranked by how much of it they cover),
 * topped up with the events most articles report; told in date order.
 */
function pickKeyEvents(ctx: EngineContext): Event[] {
  const { briefing } = ctx;
  const story = { terms: queryTerms(briefing.summary.story.description), anchors: [] };
  const chosen = new Set(ctx.eventIndex.find(story, { minCoverage: 0.1, limit: KEY_POINTS }).map((hit) => hit.item));
  const breadth = (event: Event) => new Set(event.sources.map((source) => source.article)).size * 3 + event.actors.length;
  for (const event of [...briefing.eventsByDate].sort((a, b) => breadth(b) - breadth(a))) {
    if (chosen.size >= MIN_KEY_POINTS) break;
    chosen.add(event);
  }
  return briefing.eventsByDate.filter((event) => chosen.has(event));
}

function coverageFacts(ctx: EngineContext): { label: string; value: string; cites: number[] }[] {
  const { briefing } = ctx;
  const facts: { label: string; value: string; cites: number[] }[] = [];
  // The story's own period is what is dated to the day; older background (a 2010 unit, an April order) is noted apart.
  const dated = briefing.eventsByDate.filter((event) => event.date.precision === 'day' || event.date.precision === 'approximate');
  const [first, last, oldest] = [dated[0], dated.at(-1), briefing.eventsByDate[0]];
  if (first && last) {
    const background = oldest && dateSortKey(oldest.date) < dateSortKey(first.date) ? ` (background from ${formatFactDate(oldest.date)})` : '';
    facts.push({ label: 'Period', value: `${formatFactDate(first.date)} – ${formatFactDate(last.date)}${background}`, cites: [] });
  }
  const published = briefing.articleList.map((article) => article.published.value).sort();
  const [earliest, latest] = [published[0], published.at(-1)];
  if (earliest && latest) {
    facts.push({
      label: 'Articles',
      value: `${briefing.articleList.length}, published ${earliest === latest ? formatDay(earliest) : `${formatDay(earliest)} – ${formatDay(latest)}`}`,
      cites: [],
    });
  }
  facts.push({ label: 'Outlets', value: [...new Set(briefing.articleList.map((article) => article.outlet))].join('; '), cites: [] });
  return facts;
}

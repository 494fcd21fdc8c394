/** `timeline`: dated events in order, filtered by actor, topic and dates, one page at a time. */
import type { Entity, Event, Topic } from '../summary/schema.js';
import { notFound, optionalText, unresolvedName } from './common.js';
import type { EngineContext } from './context.js';
import { formatDay, formatFactDate, parseBoundOption } from './dates.js';
import { dayNumber } from './eventSpans.js';
import { UserInputError } from './errors.js';
import { NAME_MAX, PAGE_MAX, TIMELINE_PAGE_SIZE } from './limits.js';
import type { Answer, ListItem, TimelineFilters } from './types.js';

export interface TimelineOptions {
  /** A name (forgiving, as for `who`) or an entity id. */
  actor?: string;
  /** A topic id, name or keyword. */
  topic?: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  from?: string;
  to?: string;
  /** 1-based; default 1. */
  page?: number | string;
}

const DATE_OPTION_MAX = 20;

export function parsePage(page: number | string | undefined): number {
  if (page === undefined || page === '') return 1;
  const value = typeof page === 'number' ? page : /^\s*\d+\s*$/.test(page) ? Number(page) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > PAGE_MAX) {
    throw new UserInputError(`The page must be a whole number from 1 to ${PAGE_MAX}.`);
  }
  return value;
}

export function timelineAnswer(ctx: EngineContext, options: TimelineOptions = {}): Answer {
  const actorInput = optionalText(options.actor, 'actor', NAME_MAX);
  const topicInput = optionalText(options.topic, 'topic', NAME_MAX);
  const fromInput = optionalText(options.from, 'from date', DATE_OPTION_MAX);
  const toInput = optionalText(options.to, 'to date', DATE_OPTION_MAX);
  const page = parsePage(options.page);
  const from = fromInput ? parseBoundOption(fromInput, 'from') : undefined;
  const to = toInput ? parseBoundOption(toInput, 'to') : undefined;
  if (from && to && from > to) {
    throw new UserInputError(`The from date (${formatDay(from)}) is after the to date (${formatDay(to)}): did you mean them the other way round?`);
  }
  const topic = topicInput ? ctx.topics.resolve(topicInput) : undefined;

  let actor: Entity | undefined;
  if (actorInput) {
    const resolution = ctx.names.resolve(actorInput);
    if (resolution.status !== 'found') {
      const keep: Record<string, string> = {};
      if (topic) keep.topic = topic.id;
      if (fromInput) keep.from = fromInput;
      if (toInput) keep.to = toInput;
      return unresolvedName(actorInput, resolution, { command: 'timeline', option: 'actor', options: keep });
    }
    actor = resolution.entity;
  }

  const events = selectEvents(ctx, { actor, topic, from, to });
  const filters: TimelineFilters = {
    ...(actor ? { actor: actor.id } : {}),
    ...(topic ? { topic: topic.id } : {}),
    ...(fromInput ? { from: fromInput } : {}),
    ...(toInput ? { to: toInput } : {}),
  };
  const scope = describeScope(actor, topic, from, to);
  if (events.length === 0) {
    return notFound(
      `No events ${scope}`,
      [`The sources date no events ${scope}.`],
      [actor ? `/who ${actor.name}` : '', '/timeline'].filter(Boolean),
    );
  }

  const pageCount = Math.ceil(events.length / TIMELINE_PAGE_SIZE);
  if (page > pageCount) {
    throw new UserInputError(`There is no page ${page}: this timeline has ${pageCount} page${pageCount === 1 ? '' : 's'}.`);
  }
  const citations = ctx.citations();
  const shown = events.slice((page - 1) * TIMELINE_PAGE_SIZE, page * TIMELINE_PAGE_SIZE);
  const items: ListItem[] = shown.map((event) => ({
    label: formatFactDate(event.date),
    text: event.title,
    date: event.date,
    cites: citations.citeAll(event.sources, 1),
  }));
  const command = (target: number) => `/timeline${filterOptions(ctx, filters)} page:${target}`;
  return {
    kind: 'timeline',
    title: scope ? `Timeline ${scope}` : 'Timeline',
    body: [
      {
        type: 'line',
        text: `${events.length} event${events.length === 1 ? '' : 's'}, earliest first${pageCount > 1 ? ` (page ${page} of ${pageCount})` : ''}.`,
        cites: [],
      },
      { type: 'list', items },
    ],
    citations: citations.citations,
    suggestions: [...(page < pageCount ? [command(page + 1)] : []), ...(page > 1 ? [command(page - 1)] : [])],
    paging: { page, pageCount, pageSize: TIMELINE_PAGE_SIZE, total: events.length, filters },
  };
}

interface Selection {
  actor?: Entity | undefined;
  topic?: Topic | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Events matching every filter, earliest first. A dated event matches a range it overlaps. */
export function selectEvents(ctx: EngineContext, { actor, topic, from, to }: Selection): readonly Event[] {
  const { briefing } = ctx;
  const byActor = actor ? (briefing.eventsByActor.get(actor.id) ?? []) : undefined;
  const byTopic = topic ? (briefing.eventsByTopic.get(topic.id) ?? []) : undefined;
  let pool: readonly Event[] = byActor ?? byTopic ?? briefing.eventsByDate;
  if (byActor && byTopic) pool = byActor.filter((event) => event.topics.includes(topic?.id ?? ''));
  if (!from && !to) return pool;
  const [fromDay, toDay] = [from ? dayNumber(from) : -Infinity, to ? dayNumber(to) : Infinity];
  return ctx.spans.filter((first, last) => last >= fromDay && first <= toDay, pool);
}

function describeScope(actor?: Entity, topic?: Topic, from?: string, to?: string): string {
  const parts: string[] = [];
  if (actor) parts.push(`involving ${actor.name}`);
  if (topic) parts.push(`on “${topic.name}”`);
  if (from && to) parts.push(`from ${formatDay(from)} to ${formatDay(to)}`);
  else if (from) parts.push(`from ${formatDay(from)}`);
  else if (to) parts.push(`up to ${formatDay(to)}`);
  return parts.join(', ');
}

function filterOptions(ctx: EngineContext, filters: TimelineFilters): string {
  const parts: string[] = [];
  if (filters.actor) parts.push(` actor:${ctx.entityName(filters.actor)}`);
  if (filters.topic) parts.push(` topic:${filters.topic}`);
  if (filters.from) parts.push(` from:${filters.from}`);
  if (filters.to) parts.push(` to:${filters.to}`);
  return parts.join('');
}

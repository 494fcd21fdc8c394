/** `onthisday`: events whose exact day falls on a month-day, in any year; else the nearest ones. */
import type { Event } from '../summary/schema.js';
import { optionalText } from './common.js';
import type { EngineContext } from './context.js';
import { formatMonthDay, monthDayIn, parseMonthDayOption } from './dates.js';
import { UserInputError } from './errors.js';
import type { Answer, ListPart } from './types.js';
import type { CitationList } from './citations.js';

export interface OnThisDayOptions {
  /** MM-DD or YYYY-MM-DD; default today. */
  date?: string;
  /** The clock, for "today" (tests and schedules pass their own). */
  now?: Date;
  /** IANA zone "today" is taken in; default UTC. */
  timeZone?: string;
}

export function onThisDayAnswer(ctx: EngineContext, options: OnThisDayOptions = {}): Answer {
  const input = optionalText(options.date, 'date', 20);
  const monthDay = input ? parseMonthDayOption(input).monthDay : today(options.now ?? new Date(), options.timeZone);
  const citations = ctx.citations();
  const events = ctx.briefing.eventsByMonthDay.get(monthDay) ?? [];
  const day = formatMonthDay(monthDay);

  if (events.length > 0) {
    return {
      kind: 'onthisday',
      title: `On this day: ${day}`,
      body: [
        { type: 'line', text: `${events.length === 1 ? 'One event' : `${events.length} events`} of the story happened on ${day}:`, cites: [] },
        eventList(events, citations),
      ],
      citations: citations.citations,
      suggestions: ['/timeline'],
    };
  }

  const [before, after] = nearest(ctx.monthDays, monthDay);
  const body: Answer['body'] = [{ type: 'line', text: `Nothing in the story happened on ${day}.`, cites: [] }];
  const suggestions: string[] = [];
  for (const [heading, key] of [['Nearest before', before], ['Nearest after', after]] as const) {
    if (!key) continue;
    body.push(eventList(ctx.briefing.eventsByMonthDay.get(key) ?? [], citations, `${heading}: ${formatMonthDay(key)}`));
    suggestions.push(`/onthisday ${key}`);
  }
  if (!before && !after) body.push({ type: 'line', text: 'The sources date no event to the exact day.', cites: [] });
  return { kind: 'onthisday', title: `On this day: ${day}`, body, citations: citations.citations, suggestions: [...new Set(suggestions)] };
}

/** Events listed for one day at most; a crowded day is counted, not listed in full. */
const DAY_EVENTS_MAX = 10;

function eventList(events: readonly Event[], citations: CitationList, heading?: string): ListPart {
  const shown = events.slice(0, DAY_EVENTS_MAX);
  const more = events.length - shown.length;
  return {
    type: 'list',
    ...(heading || more > 0 ? { heading: `${heading ?? 'Events'}${more > 0 ? ` (${shown.length} of ${events.length})` : ''}` } : {}),
    items: shown.map((event) => ({
      label: event.date.value.slice(0, 4),
      text: event.title,
      date: event.date,
      cites: citations.citeAll(event.sources, 1),
    })),
  };
}

/** The closest month-days with events before and after `key`, wrapping round the year. */
function nearest(keys: readonly string[], key: string): [string | undefined, string | undefined] {
  if (keys.length === 0) return [undefined, undefined];
  const after = keys.find((candidate) => candidate > key) ?? keys[0];
  const before = [...keys].reverse().find((candidate) => candidate < key) ?? keys.at(-1);
  return [before, after];
}

function today(now: Date, timeZone = 'UTC'): string {
  try {
    return monthDayIn(now, timeZone);
  } catch (error) {
    if (error instanceof RangeError) throw new UserInputError(`“${timeZone.slice(0, 40)}” isn't a time zone I know: use an IANA name such as Europe/Paris.`);
    throw error;
  }
}

/** Event questions: "when did …", "what happened on/in …". Answers list events with dates and sources. */
import type { Event } from '../summary/schema.js';
import type { EngineContext } from './context.js';
import { daysInMonth, formatFactDate } from './dates.js';
import { describeDate, type DateRelation, type QuestionDate } from './questionDates.js';
import type { Hit, QueryTerms } from './termIndex.js';
import type { Answer, ListItem } from './types.js';

const EVENTS_SHOWN = 8;
const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Events on a date a question names. A day matches events dated that day, exactly or
 * approximately (not every event whose uncertainty spans it); a month or a year, the
 * events it overlaps (a year-precision event only for a year).
 */
export function eventsOnDate(ctx: EngineContext, date: QuestionDate, relation: DateRelation = 'on'): readonly Event[] {
  if (relation !== 'on') return eventsAround(ctx, date, relation);
  const { year, month, day } = date;
  if (date.precision === 'day') {
    const sameDay = ctx.eventsByDay.get(`${pad(month ?? 0)}-${pad(day ?? 0)}`) ?? [];
    return year === undefined ? sameDay : sameDay.filter((event) => event.date.value.startsWith(`${year}-`));
  }
  if (date.precision === 'month') {
    const sameMonth = ctx.eventsByMonth.get(pad(month ?? 0)) ?? [];
    if (year === undefined) return sameMonth;
    const key = year * 100 + (month ?? 0);
    return ctx.spans.filter((first, last, event) => event.date.precision !== 'year' && Math.floor(first / 100) <= key && Math.floor(last / 100) >= key);
  }
  return ctx.spans.filter((first, last) => Math.floor(first / 10_000) <= (year ?? 0) && Math.floor(last / 10_000) >= (year ?? 0));
}

/** Events wholly after or before a date; without a year, by month and day ("after Sept 12"). */
function eventsAround(ctx: EngineContext, date: QuestionDate, relation: 'after' | 'before'): Event[] {
  const { year, month = 1, day } = date;
  // Days as YYYYMMDD numbers; without a year, as MMDD.
  const lastDay = date.precision === 'year' ? 1231 : month * 100 + (day ?? daysInMonth(month, year));
  const firstDay = date.precision === 'year' ? 101 : month * 100 + (day ?? 1);
  const cut = (dayNumber: number) => (year === undefined ? dayNumber % 10_000 : dayNumber);
  const [from, to] = year === undefined ? [firstDay, lastDay] : [year * 10_000 + firstDay, year * 10_000 + lastDay];
  return ctx.spans.filter((first, last, event) => {
    if (year === undefined && event.date.precision === 'year') return false;
    return relation === 'after' ? cut(first) > to : cut(last) < from;
  });
}

/** Events whose title, summary and actors cover the question, best first. */
export function findEvents(ctx: EngineContext, query: QueryTerms, minCoverage = 0.6): Hit<Event>[] {
  return ctx.eventIndex.find(query, { minCoverage, limit: EVENTS_SHOWN });
}

/** An answer listing events: the first in full (date and summary), the others as dated lines. */
export function eventsAnswer(ctx: EngineContext, title: string, events: readonly Event[], leadInFull: boolean): Answer {
  const citations = ctx.citations();
  const shown = events.slice(0, EVENTS_SHOWN);
  const body: Answer['body'] = [];
  const [first, ...rest] = shown;
  if (leadInFull && first) {
    body.push({ type: 'line', text: `${formatFactDate(first.date)}: ${first.summary}`, cites: citations.citeAll(first.sources, 2) });
  }
  const listed = leadInFull ? rest : shown;
  if (listed.length > 0) {
    const items: ListItem[] = listed.map((event) => ({
      label: formatFactDate(event.date),
      text: event.title,
      date: event.date,
      cites: citations.citeAll(event.sources, 1),
    }));
    body.push({ type: 'list', ...(leadInFull ? { heading: 'Related events' } : {}), items });
  }
  if (events.length > shown.length) {
    body.push({ type: 'line', text: `…and ${events.length - shown.length} more: see /timeline.`, cites: [] });
  }
  return { kind: 'timeline', title, body, citations: citations.citations, suggestions: ['/timeline'] };
}

export function dateTitle(date: QuestionDate, relation: DateRelation = 'on'): string {
  return `What happened ${relation === 'on' ? (date.precision === 'day' ? 'on' : 'in') : relation} ${describeDate(date)}`;
}

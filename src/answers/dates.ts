/**
 * Dates as the answers write them ("Sept 25, 2015", "around Sept 9, 2015",
 * "Aug 2015") and as users type them in options (MM-DD, YYYY-MM-DD, YYYY-MM, YYYY).
 */
import { dateSortKey } from '../summary/load.js';
import type { FactDate } from '../summary/schema.js';
import { UserInputError } from './errors.js';

/** Month abbreviations in news style (AP): short forms only where they save letters. */
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export function monthAbbr(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "2015-09-25" → "Sept 25, 2015". */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${monthAbbr(month ?? 0)} ${day}, ${year}`;
}

/** "09-25" → "Sept 25". */
export function formatMonthDay(monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number);
  return `${monthAbbr(month ?? 0)} ${day}`;
}

/** Dates of the summary are immutable and shown again and again: each is formatted once. */
const formattedDates = new WeakMap<FactDate, string>();

/** A fact date at its own precision: "Sept 25, 2015", "around Sept 9, 2015", "Aug 2015", "2015". */
export function formatFactDate(date: FactDate): string {
  let text = formattedDates.get(date);
  if (text === undefined) {
    text = formatFactDateNow(date);
    formattedDates.set(date, text);
  }
  return text;
}

function formatFactDateNow(date: FactDate): string {
  switch (date.precision) {
    case 'day':
      return formatDay(date.value);
    case 'approximate':
      return `around ${formatDay(date.value)}`;
    case 'month': {
      const [year, month] = date.value.split('-').map(Number);
      return `${monthAbbr(month ?? 0)} ${year}`;
    }
    case 'year':
      return date.value;
  }
}

/** The first and last day a fact date may mean, as YYYY-MM-DD. */
export function factDateSpan(date: FactDate): [string, string] {
  switch (date.precision) {
    case 'day':
      return [date.value, date.value];
    case 'approximate':
      return [date.earliest ?? date.value, date.latest ?? date.value];
    case 'month': {
      const [year, month] = date.value.split('-').map(Number);
      return [`${date.value}-01`, `${date.value}-${pad(daysInMonth(month ?? 1, year))}`];
    }
    case 'year':
      return [`${date.value}-01-01`, `${date.value}-12-31`];
  }
}

export { dateSortKey };

/** Parses an option written MM-DD or YYYY-MM-DD into "MM-DD"; a real calendar day or a UserInputError. */
export function parseMonthDayOption(input: string, option = 'date'): { monthDay: string; year?: number } {
  const value = input.trim();
  const match = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!match) {
    throw new UserInputError(`The ${option} "${shorten(value)}" isn't a date I can read: please write it as MM-DD (e.g. 09-25) or YYYY-MM-DD.`);
  }
  const year = match[1] === undefined ? undefined : Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  checkRealDay(value, option, month, day, year);
  return { monthDay: `${pad(month)}-${pad(day)}`, ...(year === undefined ? {} : { year }) };
}

/**
 * Parses a `from`/`to` option written YYYY, YYYY-MM or YYYY-MM-DD into the
 * first (`from`) or last (`to`) day it covers.
 */
export function parseBoundOption(input: string, option: 'from' | 'to'): string {
  const value = input.trim();
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (!match) {
    throw new UserInputError(`The ${option} date "${shorten(value)}" isn't a date I can read: please write it as YYYY-MM-DD (or YYYY-MM, or YYYY).`);
  }
  const year = Number(match[1]);
  if (match[2] === undefined) return option === 'from' ? `${year}-01-01` : `${year}-12-31`;
  const month = Number(match[2]);
  if (match[3] === undefined) {
    if (month < 1 || month > 12) throw new UserInputError(`The ${option} date "${value}" has no month ${month}: months run from 01 to 12.`);
    return option === 'from' ? `${year}-${pad(month)}-01` : `${year}-${pad(month)}-${pad(daysInMonth(month, year))}`;
  }
  const day = Number(match[3]);
  checkRealDay(value, `${option} date`, month, day, year);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function checkRealDay(value: string, option: string, month: number, day: number, year?: number): void {
  if (month < 1 || month > 12) {
    throw new UserInputError(`The ${option} "${value}" has no month ${month}: months run from 01 to 12.`);
  }
  const last = daysInMonth(month, year);
  if (day < 1 || day > last) {
    throw new UserInputError(
      `The ${option} "${value}" doesn't exist: ${monthName(month)} has ${last} days${month === 2 && year !== undefined ? ` in ${year}` : ''}.`,
    );
  }
}

/** Today's "MM-DD" in a time zone (default UTC). */
export function monthDayIn(now: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '01';
  return `${part('month')}-${part('day')}`;
}

/** Keeps echoed user input short in messages. */
export function shorten(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

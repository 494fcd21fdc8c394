/**
 * Dates written in questions: "Sept 25", "September 25th, 2015", "25 September",
 * "9/25", "2015-09-25", "in August", "August 2015", "in 2019".
 */
import { daysInMonth, formatDay, monthAbbr, monthName } from './dates.js';
import { UserInputError } from './errors.js';

export interface QuestionDate {
  precision: 'day' | 'month' | 'year';
  year?: number;
  month?: number;
  day?: number;
}

const MONTH_WORDS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH = `(${Object.keys(MONTH_WORDS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = '((?:19|20)\\d{2})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

const PATTERNS: readonly { regex: RegExp; read: (match: RegExpExecArray) => QuestionDate }[] = [
  { regex: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, read: (m) => day(m[2], m[3], m[1]) },
  { regex: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?:,?\\s+${YEAR})?`, 'i'), read: (m) => day(month(m[1]), m[2], m[3]) },
  { regex: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?`, 'i'), read: (m) => day(month(m[2]), m[1], m[3]) },
  { regex: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\b/, read: (m) => day(m[1], m[2], m[3]) },
  { regex: /\b(\d{4})-(\d{1,2})\b/, read: (m) => ({ precision: 'month', year: Number(m[1]), month: checkMonth(Number(m[2])) }) },
  { regex: /\b(\d{2})-(\d{2})\b/, read: (m) => day(m[1], m[2]) },
  // "may" is a verb too: as a month it needs a year or a preposition.
  { regex: new RegExp(`(?<=\\b(?:in|of|during|early|mid|late|since|until|before|after)\\s+)${MONTH}(?:,?\\s+${YEAR})?\\b`, 'i'), read: (m) => monthOf(m[1], m[2]) },
  { regex: new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'i'), read: (m) => monthOf(m[1], m[2]) },
  { regex: new RegExp(`\\b(?!may\\b)${MONTH}\\b`, 'i'), read: (m) => monthOf(m[1]) },
  { regex: new RegExp(`\\b${YEAR}\\b`), read: (m) => ({ precision: 'year', year: Number(m[1]) }) },
];

function month(word: string | undefined): string {
  return String(MONTH_WORDS[(word ?? '').toLowerCase()] ?? 0);
}

function checkMonth(value: number): number {
  if (value < 1 || value > 12) throw new UserInputError(`There is no month ${value}: months run from 1 to 12.`);
  return value;
}

function day(monthText: string | undefined, dayText: string | undefined, yearText?: string): QuestionDate {
  const m = checkMonth(Number(monthText));
  const d = Number(dayText);
  const y = yearText === undefined ? undefined : Number(yearText);
  if (d < 1 || d > daysInMonth(m, y)) {
    throw new UserInputError(`${monthAbbr(m)} ${d}${y ? `, ${y}` : ''} isn't a real date: ${monthAbbr(m)} has ${daysInMonth(m, y)} days.`);
  }
  return { precision: 'day', month: m, day: d, ...(y === undefined ? {} : { year: y }) };
}

function monthOf(word: string | undefined, yearText?: string): QuestionDate {
  return { precision: 'month', month: Number(month(word)), ...(yearText ? { year: Number(yearText) } : {}) };
}

interface Found {
  start: number;
  end: number;
  date: QuestionDate;
}

/** Every date a question mentions, in order; the more specific pattern wins where two overlap. */
function findAll(question: string): Found[] {
  const found: Found[] = [];
  for (const { regex, read } of PATTERNS) {
    const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
    for (let match = global.exec(question); match; match = global.exec(question)) {
      const [start, end] = [match.index, match.index + match[0].length];
      if (found.some((other) => start < other.end && other.start < end)) continue;
      found.push({ start, end, date: read(match) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export type DateRelation = 'on' | 'after' | 'before';

export interface DateQuery {
  date: QuestionDate;
  /** "after Sept 12", "before 2015", or the date itself. */
  relation: DateRelation;
}

/**
 * The date a question asks about: `undefined` when it names none, `'several'` when it names
 * more than one (a question this simple reader would get wrong). Throws a UserInputError for an
 * impossible date ("Feb 30").
 */
export function findDateQuery(question: string): DateQuery | 'several' | undefined {
  const found = findAll(question);
  // "on Sept 25 in 2015": a day or month without a year, and the year, are one date.
  if (found.length === 2) {
    const year = found.find((item) => item.date.precision === 'year');
    const other = found.find((item) => item.date.precision !== 'year' && item.date.year === undefined);
    if (year && other) found.splice(0, 2, { ...other, date: { ...other.date, year: year.date.year } });
  }
  if (found.length > 1) return 'several';
  const [only] = found;
  if (!only) return undefined;
  const before = question.slice(Math.max(0, only.start - 30), only.start).toLowerCase();
  const relation: DateRelation = /\b(?:after|since|following|later than)\b(?:\s+the)?\s*$/.test(before)
    ? 'after'
    : /\b(?:before|until|till|prior to|earlier than|ahead of)\b(?:\s+the)?\s*$/.test(before)
      ? 'before'
      : 'on';
  return { date: only.date, relation };
}

/** The first date a question mentions, if any. Throws a UserInputError for an impossible one ("Feb 30"). */
export function findDate(question: string): QuestionDate | undefined {
  return findAll(question)[0]?.date;
}

/** "Sept 25, 2015", "Sept 25", "Aug 2015", "August", "2019". */
export function describeDate(date: QuestionDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  if (date.precision === 'day') {
    return date.year ? formatDay(`${date.year}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`) : `${monthAbbr(date.month ?? 1)} ${date.day}`;
  }
  if (date.precision === 'month') return date.year ? `${monthAbbr(date.month ?? 1)} ${date.year}` : monthName(date.month ?? 1);
  return String(date.year);
}

/**
 * Dates in the story, absolute ("Sept. 25", "August 28", "in 2010") and
 * relative ("on Thursday", "this Friday", "last week", "earlier this year").
 * chrono-node finds and parses the expressions; relative ones are resolved
 * against the publication date here, reading the tense of the clause for bare
 * weekdays, and are marked inferred with the reasoning spelled out.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../summary/schema.js';
import { MONTHS, WEEKDAYS } from './lexicon.js';
import type { Sentence } from './nlp.js';
import { insideQuotes, type AnalysedParagraph } from './spans.js';
import { tenseAround } from './tense.js';

export interface DateMention {
  paragraph: number;
  start: number;
  end: number;
  /** The words of the article, verbatim ("earlier this week", "late August"). */
  phrase: string;
  value: string;
  precision: DatePrecision;
  inferred: boolean;
  reasoning?: string;
  earliest?: string;
  latest?: string;
}

const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const monthValue = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const describe = (date: Date) => `${WEEKDAY_NAMES[date.getUTCDay()]} ${iso(date)}`;

/** Parses "YYYY-MM-DD" as noon UTC, so that day arithmetic never crosses a date line. */
export function referenceDate(value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12));
}

const RELATIVE_PERIOD = /^(this|last|next|past|coming)\s+(week|weekend|month|year)$/i;
const RELATIVE_DAY = /^(today|tonight|yesterday|tomorrow)\b/i;
const COUNT = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)`;
/** Offsets and durations, not dates: "two years ago", "in 5 years", "a month after". */
const OFFSET = new RegExp(String.raw`\b(ago|from now|later)\b|^(?:in|within|for)\s+${COUNT}\s+\w+|^${COUNT}\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|earlier|later)\b`, 'i');
const MODIFIER_BEFORE = /\b(earlier|later|early|late|mid|the end of|the beginning of|the middle of)[\s-]+$/i;
const EXPLICIT_YEAR = /\b(?:in|since|by|until|before|after|during|from|to)\s+((?:19|20)\d{2})\b(?![\d,.]\d|\s*(?:percent|%|million|billion))/g;

/** Monday of the week holding `date`. */
const mondayOf = (date: Date) => addDays(date, -((date.getUTCDay() + 6) % 7));

function midpoint(a: Date, b: Date): Date {
  return addDays(a, Math.floor((b.getTime() - a.getTime()) / DAY_MS / 2));
}

type Resolved = Omit<DateMention, 'paragraph' | 'start' | 'end' | 'phrase'>;

function range(a: Date, b: Date, value: Date, reasoning: string): Resolved {
  return { value: iso(value), precision: 'approximate', inferred: true, earliest: iso(a), latest: iso(b), reasoning };
}

function relativePeriod(kind: string, unit: string, modifier: string | undefined, ref: Date, tense: string, phrase: string): Resolved | undefined {
  const year = ref.getUTCFullYear();
  const month = ref.getUTCMonth() + 1;
  const against = `read against the publication date (${describe(ref)})`;
  const which = kind.toLowerCase() === 'past' ? 'last' : kind.toLowerCase() === 'coming' ? 'next' : kind.toLowerCase();
  if (unit === 'year') {
    const value = which === 'last' ? year - 1 : which === 'next' ? year + 1 : year;
    return { value: String(value), precision: 'year', inferred: true, reasoning: `"${phrase}" ${against}.` };
  }
  if (unit === 'month') {
    const shifted = new Date(Date.UTC(year, month - 1 + (which === 'last' ? -1 : which === 'next' ? 1 : 0), 1));
    return { value: monthValue(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1), precision: 'month', inferred: true, reasoning: `"${phrase}" ${against}.` };
  }
  const monday = mondayOf(ref);
  if (unit === 'weekend') {
    const saturday = addDays(monday, which === 'last' ? -2 : which === 'next' ? 12 : 5);
    return range(saturday, addDays(saturday, 1), saturday, `"${phrase}" ${against}: the weekend of ${iso(saturday)}.`);
  }
  if (which === 'last' || which === 'next') {
    const start = addDays(monday, which === 'last' ? -7 : 7);
    return range(start, addDays(start, 6), addDays(start, 2), `"${phrase}" ${against}: the week of Monday ${iso(start)}; no day is given, so the value is mid-week (Wednesday).`);
  }
  const sunday = addDays(monday, 6);
  let [a, b] = [monday, sunday];
  const mod = modifier?.toLowerCase();
  if (mod === 'earlier' || (!mod && tense === 'past')) [a, b] = [monday, mod === 'earlier' && ref > monday ? addDays(ref, -1) : ref];
  else if (mod === 'later' || (!mod && tense === 'future')) [a, b] = [mod === 'later' && ref < sunday ? addDays(ref, 1) : ref, sunday];
  return range(a, b, midpoint(a, b), `"${phrase}" ${against}: between ${iso(a)} and ${iso(b)}; the value is the middle of that span.`);
}

function partOfMonth(modifier: string, year: number, month: number, phrase: string): Resolved {
  const last = lastDayOf(year, month);
  const mod = modifier.toLowerCase();
  const [from, to] = mod.includes('early') || mod.includes('beginning') ? [1, 10] : mod.includes('mid') || mod.includes('middle') ? [11, 20] : [21, last];
  const day = (d: number) => new Date(Date.UTC(year, month - 1, d, 12));
  return {
    ...range(day(from), day(to), midpoint(day(from), day(to)), `"${phrase}" spans ${monthValue(year, month)}-${String(from).padStart(2, '0')} to -${String(to).padStart(2, '0')}; the value is its middle.`),
    inferred: false,
  };
}

/** A weekday with no date: the one just gone for the past tense, the one ahead for the future. */
function weekday(target: number, ref: Date, tense: string, chronoDate: Date, phrase: string): Resolved {
  const today = ref.getUTCDay();
  let date = chronoDate;
  let how = 'the nearest such day';
  if (tense === 'past') {
    date = addDays(ref, -((today - target + 7) % 7));
    how = 'the clause is in the past tense, so the most recent such day';
  } else if (tense === 'future') {
    date = addDays(ref, (target - today + 7) % 7);
    how = 'the clause looks ahead, so the next such day';
  }
  const same = iso(date) === iso(ref) ? ' (the day of publication)' : '';
  return { value: iso(date), precision: 'day', inferred: true, reasoning: `"${phrase}" read against the publication date (${describe(ref)}): ${how}, ${describe(date)}${same}.` };
}

/** Words chrono reads as dates that are ordinary words in lower case ("may", "march", "sun"). */
function looksLikeADate(text: string): boolean {
  if (/\d/.test(text) || RELATIVE_DAY.test(text) || /\b(week|weekend|month|year)\b/i.test(text)) return true;
  return text.split(/\s+/).some((word) => {
    const bare = word.replace(/[’'].*$/, '').replace(/[,;:]$/, '');
    return WEEKDAYS.has(bare) || MONTHS.has(bare) || MONTHS.has(bare.replace(/\.$/, ''));
  });
}

function inSentence(paragraph: AnalysedParagraph, sentence: Sentence, reference: Date | undefined): DateMention[] {
  const text = paragraph.text.slice(sentence.start, sentence.end);
  const found: DateMention[] = [];
  const ref = reference ?? new Date(Date.UTC(2000, 0, 1, 12));
  for (const result of chrono.parse(text, { instant: ref, timezone: 0 })) {
    let start = sentence.start + result.index;
    // chrono keeps a trailing comma ("June,"); the phrase is the words alone.
    let phrase = result.text.replace(/[,;:\s]+$/, '');
    const end = start + phrase.length;
    if (insideQuotes(paragraph, start, end) || !looksLikeADate(phrase) || OFFSET.test(phrase)) continue;
    const modifier = MODIFIER_BEFORE.exec(paragraph.text.slice(Math.max(0, start - 20), start));
    const tense = tenseAround(paragraph.text, sentence, start);
    const component = result.start;
    const known = (unit: 'day' | 'month' | 'year' | 'weekday') => component.isCertain(unit);
    const bare = phrase.replace(/^(?:on|in|at|by|from|since)\s+/i, '');
    const period = RELATIVE_PERIOD.exec(bare);
    let resolved: Resolved | undefined;

    if (period || RELATIVE_DAY.test(bare)) {
      if (!reference) continue;
      if (modifier && period) {
        start -= modifier[0].length;
        phrase = paragraph.text.slice(start, end);
      }
      if (period) resolved = relativePeriod(period[1] ?? 'this', (period[2] ?? 'week').toLowerCase(), modifier?.[1], ref, tense, phrase);
      else resolved = { value: iso(component.date()), precision: 'day', inferred: true, reasoning: `"${phrase}" read against the publication date (${describe(ref)}).` };
    } else if (known('day') && known('month')) {
      if (!reference && !known('year')) continue;
      const value = iso(new Date(Date.UTC(component.get('year') ?? 0, (component.get('month') ?? 1) - 1, component.get('day') ?? 1)));
      resolved = { value, precision: 'day', inferred: false };
      if (!known('year')) resolved.reasoning = `The article gives day and month; the year is the year of the article (${value.slice(0, 4)}).`;
    } else if (known('weekday')) {
      if (!reference) continue;
      const target = component.get('weekday') ?? 0;
      resolved = /^(?:last|next|this coming)\b/i.test(bare) ? { value: iso(component.date()), precision: 'day', inferred: true, reasoning: `"${phrase}" read against the publication date (${describe(ref)}).` } : weekday(target, ref, tense, component.date(), phrase);
    } else if (known('month')) {
      if (!reference && !known('year')) continue;
      let year = component.get('year') ?? ref.getUTCFullYear();
      const month = component.get('month') ?? 1;
      // A month mentioned in the past tense that lies ahead of the article is last year's.
      if (!known('year') && tense === 'past' && month > ref.getUTCMonth() + 1) year -= 1;
      if (modifier && /^(early|late|mid|the)/i.test(modifier[1] ?? '')) {
        start -= modifier[0].length;
        phrase = paragraph.text.slice(start, end);
        resolved = partOfMonth(modifier[1] ?? 'late', year, month, phrase);
      } else resolved = { value: monthValue(year, month), precision: 'month', inferred: false };
      if (!known('year')) resolved.reasoning ??= `The article gives the month only; the year is the year of the article (${year}).`;
    }
    if (resolved) found.push({ paragraph: paragraph.index, start, end, phrase, ...resolved });
  }
  for (const match of text.matchAll(EXPLICIT_YEAR)) {
    const year = match[1] ?? '';
    const start = sentence.start + (match.index ?? 0) + match[0].length - year.length;
    if (insideQuotes(paragraph, start) || found.some((date) => start >= date.start && start < date.end)) continue;
    found.push({ paragraph: paragraph.index, start, end: start + year.length, phrase: year, value: year, precision: 'year', inferred: false });
  }
  return found;
}

const RECENT = /\b(?:in|over)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+)?(weeks|months)\b/gi;

/** "in recent months": the year of publication, when that span cannot reach into the year before. */
function recentPeriods(paragraph: AnalysedParagraph, sentence: Sentence, reference: Date | undefined, found: DateMention[]): void {
  if (!reference) return;
  const text = paragraph.text.slice(sentence.start, sentence.end);
  for (const match of text.matchAll(RECENT)) {
    const start = sentence.start + (match.index ?? 0);
    if (insideQuotes(paragraph, start) || found.some((date) => start < date.end && date.start < start + match[0].length)) continue;
    const span = match[1]?.toLowerCase() === 'weeks' ? 1 : 6;
    if (reference.getUTCMonth() < span) continue;
    found.push({
      paragraph: paragraph.index,
      start,
      end: start + match[0].length,
      phrase: match[0],
      value: String(reference.getUTCFullYear()),
      precision: 'year',
      inferred: true,
      reasoning: `"${match[0]}" before the publication date (${describe(reference)}), which all lie in ${reference.getUTCFullYear()}.`,
    });
  }
}

/** Every date in the paragraph outside quotations; relative ones only when a publication date is known. */
export function findDates(paragraph: AnalysedParagraph, published: string | undefined): DateMention[] {
  const reference = published ? referenceDate(published) : undefined;
  return paragraph.sentences.flatMap((sentence) => {
    const found = inSentence(paragraph, sentence, reference);
    recentPeriods(paragraph, sentence, reference, found);
    return found;
  });
}

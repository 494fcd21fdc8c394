/**
 * A new article often reports an event the briefing already holds, and often
 * dates it more loosely ("earlier this year" for a hack another article puts
 * in June). An extracted event is linked to a known event when their date
 * ranges overlap, they share an actor and their words overlap; it then takes
 * the known event's (curated) date if that is at least as precise, and a merge
 * adds the article as a source of that event instead of a duplicate.
 */
import type { Event, FactDate } from '../summary/schema.js';
import type { DraftEvent } from './draft.js';

const PRECISION_RANK: Record<FactDate['precision'], number> = { day: 0, approximate: 1, month: 2, year: 3 };

const STOPWORDS = new Set(
  'about after against also among been before being between both could from have into more most much over said says such than that their them then there these they this those through under very were what when where which while will with would year years week month other officials'.split(' '),
);

function stem(word: string): string {
  return word.replace(/(?:es|s)$/, '');
}

export function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 4 && !STOPWORDS.has(word))
      .map(stem),
  );
}

function lastDay(year: number, month: number): string {
  return String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0');
}

/** The span of days a date can stand for. */
export function dateRange(date: Pick<FactDate, 'value' | 'precision' | 'earliest' | 'latest'>): [string, string] {
  const { value, precision } = date;
  if (precision === 'year') return [`${value}-01-01`, `${value}-12-31`];
  if (precision === 'month') return [`${value}-01`, `${value}-${lastDay(Number(value.slice(0, 4)), Number(value.slice(5, 7)))}`];
  if (precision === 'approximate') return [date.earliest ?? value, date.latest ?? value];
  return [value, value];
}

const overlaps = (a: [string, string], b: [string, string]) => a[0] <= b[1] && b[0] <= a[1];

/** Links each extracted event to the best-matching known event, adopting its date when that is no vaguer. */
export function linkKnownEvents(events: DraftEvent[], known: readonly Event[]): void {
  const wordsOf = new Map(known.map((candidate) => [candidate.id, contentWords([candidate.title, ...candidate.sources.map((source) => source.evidence)].join(' '))]));
  // Words most known events share ("chinese", "attack") say nothing about which event is meant.
  const frequency = new Map<string, number>();
  for (const words of wordsOf.values()) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const informative = (word: string) => (frequency.get(word) ?? 0) <= Math.max(2, known.length / 4);
  for (const event of events) {
    const range = dateRange({ value: event.date, precision: event.precision, earliest: event.earliest, latest: event.latest });
    const words = [...contentWords(event.evidence)].filter(informative);
    let best: { event: Event; score: number } | undefined;
    for (const candidate of known) {
      if (PRECISION_RANK[candidate.date.precision] > PRECISION_RANK[event.precision]) continue;
      if (!overlaps(range, dateRange(candidate.date))) continue;
      const sharedActors = candidate.actors.filter((actor) => event.actors.includes(actor)).length;
      if (sharedActors === 0) continue;
      const theirs = wordsOf.get(candidate.id);
      const sharedWords = words.filter((word) => theirs?.has(word)).length;
      if (sharedWords < 2) continue;
      const score = sharedActors * 2 + sharedWords;
      if (!best || score > best.score) best = { event: candidate, score };
    }
    if (!best) continue;
    const date = best.event.date;
    event.existing = best.event.id;
    if (date.value !== event.date || date.precision !== event.precision) {
      event.reasoning = `${event.reasoning ? `${event.reasoning} ` : ''}Matched to the known event "${best.event.id}" (shared actors and words, overlapping dates), whose date ${date.value} is used.`;
      event.date = date.value;
      event.precision = date.precision;
      event.inferred = true;
      if (date.earliest) event.earliest = date.earliest;
      else delete event.earliest;
      if (date.latest) event.latest = date.latest;
      else delete event.latest;
    }
  }
}

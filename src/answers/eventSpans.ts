/**
 * The days each event's date may mean (see `factDateSpan`), as YYYYMMDD
 * numbers computed once: date filters over thousands of events then compare
 * numbers instead of slicing and comparing strings.
 */
import type { Event } from '../summary/schema.js';
import { factDateSpan } from './dates.js';

/** "2015-09-25" → 20150925: ordered as the ISO strings are. */
export function dayNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

export type SpanTest = (first: number, last: number, event: Event) => boolean;

export class EventSpans {
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly position = new Map<Event, number>();

  /** @param events Every event, in the order `filter` returns them when given no pool. */
  constructor(private readonly events: readonly Event[]) {
    this.first = new Int32Array(events.length);
    this.last = new Int32Array(events.length);
    events.forEach((event, index) => {
      const [first, last] = factDateSpan(event.date);
      this.first[index] = dayNumber(first);
      this.last[index] = dayNumber(last);
      this.position.set(event, index);
    });
  }

  /** The events of `pool` (default: all) whose first and last day pass `test`, in pool order. */
  filter(test: SpanTest, pool: readonly Event[] = this.events): Event[] {
    const kept: Event[] = [];
    if (pool === this.events) {
      for (let index = 0; index < pool.length; index++) {
        const event = pool[index] as Event;
        if (test(this.first[index] ?? 0, this.last[index] ?? 0, event)) kept.push(event);
      }
      return kept;
    }
    for (const event of pool) {
      const index = this.position.get(event);
      const [first, last] = index === undefined ? factDateSpan(event.date).map(dayNumber) : [this.first[index] ?? 0, this.last[index] ?? 0];
      if (test(first ?? 0, last ?? 0, event)) kept.push(event);
    }
    return kept;
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveryNonce, MAX_NONCE_LENGTH } from '../../src/schedule/nonce.js';
import {
  addDays,
  canonicalTimeZone,
  isValidTimeZone,
  localDateOf,
  nextPostTime,
  postInstantFor,
  searchTimeZones,
  timeZoneChoices,
  ZoneCalendar,
} from '../../src/schedule/time.js';
import { wallClock } from './wallClock.js';

const utc = (iso: string) => new Date(iso);

describe('localDateOf', () => {
  it('gives the calendar day in the zone, not in UTC', () => {
    const instant = utc('2025-03-09T04:30:00Z');
    expect(localDateOf(instant, 'America/New_York')).toBe('2025-03-08');
    expect(localDateOf(instant, 'UTC')).toBe('2025-03-09');
    expect(localDateOf(instant, 'Asia/Tokyo')).toBe('2025-03-09');
    expect(localDateOf(utc('2025-03-09T18:29:59Z'), 'Asia/Kolkata')).toBe('2025-03-09');
    expect(localDateOf(utc('2025-03-09T18:30:00Z'), 'Asia/Kolkata')).toBe('2025-03-10');
  });
});

describe('postInstantFor', () => {
  it.each([
    // zone, local date, hour, expected instant, why
    ['America/New_York', '2025-03-09', 1, '2025-03-09T06:00:00Z', 'before spring forward (EST)'],
    ['America/New_York', '2025-03-09', 2, '2025-03-09T07:00:00Z', '02:00 does not exist: first valid instant, 03:00 EDT'],
    ['America/New_York', '2025-03-09', 3, '2025-03-09T07:00:00Z', 'after spring forward (EDT)'],
    ['America/New_York', '2025-11-02', 1, '2025-11-02T05:00:00Z', '01:00 happens twice: the first, EDT'],
    ['America/New_York', '2025-11-02', 2, '2025-11-02T07:00:00Z', 'after fall back (EST)'],
    ['Europe/Berlin', '2025-03-30', 2, '2025-03-30T01:00:00Z', '02:00 does not exist: 03:00 CEST'],
    ['Europe/Berlin', '2025-10-26', 2, '2025-10-26T00:00:00Z', '02:00 happens twice: the first, CEST'],
    ['Europe/Berlin', '2025-10-26', 3, '2025-10-26T02:00:00Z', 'after fall back (CET)'],
    ['Asia/Tokyo', '2025-03-09', 9, '2025-03-09T00:00:00Z', 'no DST'],
    ['Asia/Kolkata', '2025-11-02', 9, '2025-11-02T03:30:00Z', 'no DST, half-hour offset'],
    ['Australia/Lord_Howe', '2025-10-05', 2, '2025-10-04T15:30:00Z', 'a 30-minute DST gap: 02:30'],
    ['UTC', '2024-02-29', 0, '2024-02-29T00:00:00Z', 'leap day'],
  ])('%s %s hour %i → %s (%s)', (zone, localDate, hour, expected) => {
    expect(postInstantFor(localDate, hour, zone).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('rejects a malformed date or hour', () => {
    expect(() => postInstantFor('2025-3-9', 9, 'UTC')).toThrow(RangeError);
    expect(() => postInstantFor('2025-03-09', 24, 'UTC')).toThrow(RangeError);
    expect(() => postInstantFor('2025-02-30', 9, 'UTC')).toThrow(RangeError);
  });

  it('is always on the asked local day, at or after the asked hour, and the earliest such instant', () => {
    const zones = timeZoneChoices();
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2037-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        (zone, day, hour) => {
          const localDate = day.toISOString().slice(0, 10);
          const instant = postInstantFor(localDate, hour, zone);
          const target = `${localDate} ${String(hour).padStart(2, '0')}:00`;
          const at = wallClock(instant, zone);
          const minuteBefore = wallClock(new Date(instant.getTime() - 60_000), zone);
          expect(at.slice(0, 10)).toBe(localDate);
          expect(at >= target).toBe(true);
          expect(minuteBefore < target || minuteBefore.slice(0, 10) !== localDate).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('nextPostTime', () => {
  const berlinNine = { hour: 9, timeZone: 'Europe/Berlin' };

  it('is today when the hour is still ahead, tomorrow once it has come', () => {
    expect(nextPostTime(berlinNine, utc('2025-06-02T06:59:59Z')).toISOString()).toBe('2025-06-02T07:00:00.000Z');
    expect(nextPostTime(berlinNine, utc('2025-06-02T07:00:00Z')).toISOString()).toBe('2025-06-03T07:00:00.000Z');
    expect(nextPostTime(berlinNine, utc('2025-06-02T21:59:00Z')).toISOString()).toBe('2025-06-03T07:00:00.000Z');
    // 22:00Z is already tomorrow in Berlin (CEST), whose 09:00 is still ahead.
    expect(nextPostTime(berlinNine, utc('2025-06-02T22:00:00Z')).toISOString()).toBe('2025-06-03T07:00:00.000Z');
  });

  it('follows the clock change', () => {
    expect(nextPostTime(berlinNine, utc('2025-03-29T12:00:00Z')).toISOString()).toBe('2025-03-30T07:00:00.000Z');
    expect(nextPostTime({ hour: 2, timeZone: 'America/New_York' }, utc('2025-03-08T12:00:00Z')).toISOString()).toBe(
      '2025-03-09T07:00:00.000Z',
    );
  });
});

describe('time zones', () => {
  it('accepts IANA zones and UTC, refuses offsets and nonsense', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'UTC', 'Etc/GMT+5']) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['', '  ', 'Mars/Base', '+05:00', '-0800', 'EST5EDT6', 'New York']) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
  });

  it('canonicalises spelling but keeps a correctly written alias', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone(' UTC ')).toBe('UTC');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
  });

  it('offers a sorted list of zones, UTC included, each one valid', () => {
    const zones = timeZoneChoices();
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
    expect([...zones].sort()).toEqual(zones);
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.every(isValidTimeZone)).toBe(true);
  });

  it('finds zones from what a person types, best match first, at most 25', () => {
    expect(searchTimeZones('new york')[0]).toBe('America/New_York');
    expect(searchTimeZones('Berlin')).toEqual(['Europe/Berlin']);
    expect(searchTimeZones('utc')[0]).toBe('UTC');
    expect(searchTimeZones('america').length).toBe(25);
    expect(searchTimeZones('america', 5).every((zone) => zone.startsWith('America/'))).toBe(true);
    expect(searchTimeZones('zzzz')).toEqual([]);
  });
});

describe('addDays', () => {
  it('walks the calendar across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });
});

describe('deliveryNonce', () => {
  it('is short enough for Discord, deterministic, and distinct per channel and day', () => {
    const nonce = deliveryNonce('123456789012345678', '2025-06-02');
    expect(nonce.length).toBeLessThanOrEqual(MAX_NONCE_LENGTH);
    expect(deliveryNonce('123456789012345678', '2025-06-02')).toBe(nonce);
    const others = new Set<string>();
    for (let day = 1; day <= 28; day += 1) {
      for (const channel of ['1', '2', '12', '123456789012345678']) {
        others.add(deliveryNonce(channel, `2025-02-${String(day).padStart(2, '0')}`));
      }
    }
    expect(others.size).toBe(28 * 4);
  });
});

describe('ZoneCalendar', () => {
  it('answers exactly as the uncached functions do, whatever order instants come in', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Havana', 'Asia/Kolkata', 'Pacific/Apia'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('2010-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }),
        fc.array(fc.integer({ min: -3 * 3_600_000, max: 30 * 3_600_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 23 }),
        (zone, start, steps, hour) => {
          const calendar = new ZoneCalendar(10);
          let at = start;
          for (const step of steps) {
            at += step;
            const instant = new Date(at);
            const localDate = calendar.localDateOf(instant, zone);
            expect(localDate).toBe(localDateOf(instant, zone));
            expect(calendar.postInstantFor(localDate, hour, zone)).toEqual(postInstantFor(localDate, hour, zone));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { DateTime, IANAZone } from 'luxon';

/** A calendar day in some zone, written YYYY-MM-DD. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day that `instant` falls on in `zone`. */
export function localDateOf(instant: Date, zone: string): LocalDate {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new RangeError(`cannot place ${instant.toISOString()} in zone "${zone}"`);
  return local.toISODate() as LocalDate;
}

/**
 * The instant at which a post scheduled for `hour` o'clock on `localDate` in `zone` is due.
 * DST-safe: when that wall-clock hour does not exist (spring forward) it is the first valid instant
 * after the gap; when it happens twice (fall back) it is the first of the two.
 */
export function postInstantFor(localDate: LocalDate, hour: number, zone: string): Date {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) throw new RangeError(`"${localDate}" is not a YYYY-MM-DD date`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour ${hour} is not 0–23`);
  const wallClock = DateTime.fromObject(
    { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour },
    { zone },
  );
  if (!wallClock.isValid) throw new RangeError(`${localDate} ${hour}:00 in "${zone}": ${wallClock.invalidExplanation}`);
  // Luxon resolves an ambiguous wall-clock time to the later offset; we want the earlier instant.
  // In a gap it shifts forward by the size of the gap, which is exactly the first valid instant.
  const candidates = wallClock.getPossibleOffsets().map((dateTime) => dateTime.toMillis());
  return new Date(Math.min(wallClock.toMillis(), ...candidates));
}

/** The day after (or `days` after) a local date, on the calendar alone. */
export function addDays(localDate: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).plus({ days }).toISODate() as LocalDate;
}

/** The next instant strictly after `now` at which this schedule's daily post falls. */
export function nextPostTime(schedule: { hour: number; timeZone: string }, now: Date): Date {
  const today = localDateOf(now, schedule.timeZone);
  for (let offset = 0; ; offset += 1) {
    const instant = postInstantFor(addDays(today, offset), schedule.hour, schedule.timeZone);
    if (instant.getTime() > now.getTime()) return instant;
  }
}

/** The spelling to store for a zone a person typed, or undefined when it is not an IANA zone. */
export function canonicalTimeZone(input: string): string | undefined {
  const zone = input.trim();
  // Offsets such as "+05:00" are accepted by newer Intl versions but are not IANA zones: no DST rules.
  if (zone === '' || /^[+-]/.test(zone) || !IANAZone.isValidZone(zone)) return undefined;
  const listed = zoneByLowerCase().get(zone.toLowerCase());
  if (listed) return listed;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  // Keep a properly written alias ("Asia/Kolkata"); fix the case of a sloppy one via ICU's name.
  return zone === zone.toLowerCase() || zone === zone.toUpperCase() ? resolved : zone;
}

export function isValidTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== undefined;
}

let zones: readonly string[] | undefined;
let lowerCaseIndex: Map<string, string> | undefined;

/** Every IANA zone this runtime knows, plus "UTC", sorted: the choices for autocomplete. */
export function timeZoneChoices(): readonly string[] {
  zones ??= Object.freeze([...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort());
  return zones;
}

function zoneByLowerCase(): Map<string, string> {
  lowerCaseIndex ??= new Map(timeZoneChoices().map((zone) => [zone.toLowerCase(), zone]));
  return lowerCaseIndex;
}

/**
 * Zones matching what a person has typed so far ("new york", "berlin", "utc"), best first:
 * exact, then prefix of the city, then anywhere. At most `limit` (Discord shows 25 choices).
 */
export function searchTimeZones(query: string, limit = 25): string[] {
  const needle = normalise(query);
  if (needle === '') return timeZoneChoices().slice(0, limit);
  const ranked: { zone: string; rank: number }[] = [];
  for (const zone of timeZoneChoices()) {
    const name = normalise(zone);
    const city = name.slice(name.lastIndexOf('/') + 1);
    const rank = name === needle || city === needle ? 0 : city.startsWith(needle) || name.startsWith(needle) ? 1 : name.includes(needle) ? 2 : -1;
    if (rank >= 0) ranked.push({ zone, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.zone.localeCompare(b.zone));
  return ranked.slice(0, limit).map((entry) => entry.zone);
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

/**
 * localDateOf and postInstantFor, remembered: the scheduler asks the same questions every minute
 * for thousands of subscriptions but only a few hundred zones, and the answers never change.
 */
export interface LocalDay {
  localDate: LocalDate;
  /** First instant of the day (ms since the epoch). */
  from: number;
  /** First instant of the next day. */
  until: number;
}

export class ZoneCalendar {
  private readonly days = new Map<string, LocalDay>();
  private readonly instants = new Map<string, Date>();

  constructor(private readonly maxRemembered = 50_000) {}

  localDateOf(instant: Date, zone: string): LocalDate {
    return this.dayOf(instant, zone).localDate;
  }

  /** The local day `instant` falls on, and the instants (ms) it starts and ends. */
  dayOf(instant: Date, zone: string): LocalDay {
    const at = instant.getTime();
    const known = this.days.get(zone);
    if (known && known.from <= at && at < known.until) return known;
    const local = DateTime.fromMillis(at, { zone });
    if (!local.isValid) throw new RangeError(`cannot place ${instant.toISOString()} in zone "${zone}"`);
    const start = local.startOf('day');
    const day = { localDate: local.toISODate() as LocalDate, from: start.toMillis(), until: start.plus({ days: 1 }).toMillis() };
    this.days.set(zone, day);
    return day;
  }

  postInstantFor(localDate: LocalDate, hour: number, zone: string): Date {
    const key = `${zone}\u0000${localDate}\u0000${hour}`;
    let instant = this.instants.get(key);
    if (!instant) {
      if (this.instants.size >= this.maxRemembered) this.instants.clear();
      instant = postInstantFor(localDate, hour, zone);
      this.instants.set(key, instant);
    }
    return new Date(instant.getTime());
  }
}

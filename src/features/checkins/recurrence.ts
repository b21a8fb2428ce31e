import { DateTime, IANAZone } from 'luxon';

/**
 * Weekly recurrence of a check-in, kept as zone + weekday + wall-clock time (never a UTC offset),
 * so "Monday 21:00 America/New_York" stays at 21:00 local in every season.
 *
 * Everything here is pure: instants come in as parameters and go out as `Date`s.
 */

/** ISO weekday, as luxon numbers them: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WeeklyRule {
  /** IANA zone, e.g. 'America/New_York'. */
  zone: string;
  /** luxon/ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: Weekday;
  /** 'HH:MM', 24 h, local to `zone`. */
  time: string;
  everyWeeks: 1 | 2;
  /** First occurrence on/after creation; fixes the parity of biweekly schedules. */
  anchor: Date;
}

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

// ---------------------------------------------------------------------------------------------
// Parsing user input
// ---------------------------------------------------------------------------------------------

const timePattern = /^(\d{1,2})(?:\s*([:.h])\s*(\d{2})?)?\s*(?:([ap])\.?\s*m\.?)?$/;

/**
 * Reads a time of day as people type it: '21:00', '09:00', '9:00', '9pm', '9:30 pm', '9.30 p.m.',
 * '21h30', '21h', 'noon', 'midnight'. A bare number ('9') is refused: it is ambiguous between
 * morning and evening. Returns undefined when the input is not a valid time.
 */
export function parseTime(input: string): { hour: number; minute: number } | undefined {
  const text = input.trim().toLowerCase();
  if (text === 'noon' || text === 'midday') return { hour: 12, minute: 0 };
  if (text === 'midnight') return { hour: 0, minute: 0 };
  const match = timePattern.exec(text);
  if (!match) return undefined;
  const [, hourText = '', separator, minuteText, meridiem] = match;
  // ':' and '.' need minutes ('21:' is a typo); 'h' may stand alone ('21h').
  if ((separator === ':' || separator === '.') && minuteText === undefined) return undefined;
  if (separator === undefined && meridiem === undefined) return undefined;
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return undefined;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  return { hour, minute };
}

/** 'HH:MM' (24 h), the form a `WeeklyRule` stores. */
export function formatTime(time: { hour: number; minute: number }): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

const weekdayNames: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const extraAbbreviations: Record<string, Weekday> = { tues: 2, weds: 3, thur: 4, thurs: 4 };

/**
 * Reads a weekday name ('Monday', 'mon', 'MON.', 'mondays', 'Thurs'), case-insensitive.
 * Returns the luxon/ISO number (1 = Monday … 7 = Sunday) or undefined.
 */
export function parseWeekday(input: string): Weekday | undefined {
  const text = input.trim().toLowerCase().replace(/\.$/, '');
  if (text.length < 3) return undefined;
  const extra = extraAbbreviations[text];
  if (extra !== undefined) return extra;
  const index = weekdayNames.findIndex((name) => name === text || `${name}s` === text || name.slice(0, 3) === text);
  return index === -1 ? undefined : ((index + 1) as Weekday);
}

// ---------------------------------------------------------------------------------------------
// Resolving a local wall time to an instant
// ---------------------------------------------------------------------------------------------

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown time zone: ${name}`);
  return zone;
}

function timeOf(rule: Pick<WeeklyRule, 'time'>): { hour: number; minute: number } {
  const time = /^\d{2}:\d{2}$/.test(rule.time) ? parseTime(rule.time) : undefined;
  if (!time) throw new RangeError(`Rule time must be 'HH:MM' (24 h), got '${rule.time}'`);
  return time;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian, no zone involved). */
function epochDay(date: LocalDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / (DAY_MINUTES * MINUTE_MS));
}

function dateOfEpochDay(day: number): LocalDate {
  const d = new Date(day * DAY_MINUTES * MINUTE_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of an epoch day (1970-01-01 was a Thursday). */
function weekdayOfEpochDay(day: number): Weekday {
  return ((((day + 3) % 7) + 7) % 7 + 1) as Weekday;
}

/** Epoch day of the Monday starting the local week that contains `day`. */
function mondayOf(day: number): number {
  return day - (weekdayOfEpochDay(day) - 1);
}

function localEpochDay(instant: Date, zone: string): number {
  const local = DateTime.fromJSDate(instant, { zone });
  return epochDay({ year: local.year, month: local.month, day: local.day });
}

/**
 * Resolves a wall-clock minute (counted in minutes since the epoch, as if the zone were UTC)
 * to an instant in minutes since the epoch:
 * - it exists once: that instant;
 * - it exists twice (fall-back overlap): the FIRST, i.e. earlier, instant — chosen here, not left
 *   to luxon, whose guess depends on the offset in force when the code runs;
 * - it does not exist (spring-forward gap): the first valid minute after the gap, i.e. the
 *   transition instant (02:30 in New York on a spring-forward Sunday → 03:00 local).
 */
function resolveWallMinute(zone: IANAZone, wall: number): number {
  const offsetAt = (minute: number): number => zone.offset(minute * MINUTE_MS);
  // Every offset in force within a day and a half either side: a wall time can only map to
  // instants whose offset is one of these (offsets stay within ±14 h).
  const offsets = new Set<number>();
  for (let k = -6; k <= 6; k++) offsets.add(offsetAt(wall + k * 6 * 60));
  const valid = [...offsets].map((o) => wall - o).filter((t) => t + offsetAt(t) === wall);
  if (valid.length > 0) return Math.min(...valid);

  // Gap: find the first instant whose wall time is past `wall`. Wall time is increasing over
  // [lo, hi] apart from the jump we are looking for.
  let lo = wall - Math.max(...offsets); // wall time here is ≤ `wall`, hence < (it is not valid)
  let hi = wall - Math.min(...offsets); // wall time here is ≥ `wall`, hence >
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetAt(mid) > wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The instant of the rule's wall time on a given local calendar date in the rule's zone,
 * resolving a spring-forward gap to the first valid minute after it and a fall-back overlap to its
 * first (earlier) occurrence.
 */
export function occurrenceAt(rule: Pick<WeeklyRule, 'zone' | 'time'>, localDate: LocalDate): Date {
  const zone = zoneOf(rule.zone);
  const { hour, minute } = timeOf(rule);
  const wall = epochDay(localDate) * DAY_MINUTES + hour * 60 + minute;
  return new Date(resolveWallMinute(zone, wall) * MINUTE_MS);
}

// ---------------------------------------------------------------------------------------------
// Occurrences
// ---------------------------------------------------------------------------------------------

function assertInstant(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RangeError(`${name} must be a valid Date`);
}

function assertWeekday(weekday: number): void {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError(`weekday must be 1 (Monday) … 7 (Sunday), got ${weekday}`);
}

/**
 * The first instant ≥ `from` that falls on the rule's weekday at its wall time in its zone
 * (gap/overlap resolved as in `occurrenceAt`). Use it to set `anchor` when a schedule is created.
 */
export function firstOccurrence(rule: Pick<WeeklyRule, 'zone' | 'weekday' | 'time'>, from: Date): Date {
  assertInstant(from, 'from');
  assertWeekday(rule.weekday);
  zoneOf(rule.zone);
  timeOf(rule);
  // Start a day early: around a midnight fall-back the previous local date can still be ahead.
  const start = localEpochDay(from, rule.zone) - 1;
  let day = start + ((rule.weekday - weekdayOfEpochDay(start) + 7) % 7);
  for (;;) {
    const instant = occurrenceAt(rule, dateOfEpochDay(day));
    if (instant.getTime() >= from.getTime()) return instant;
    day += 7;
  }
}

/**
 * The next `count` occurrences strictly after `after` (an occurrence exactly at `after` is not
 * returned, so passing the last posted occurrence yields the following ones), in order.
 *
 * Weeks are added in the zone's local calendar (never 168 hours), so the wall time holds across
 * DST changes. Biweekly rules (`everyWeeks: 2`) keep only weeks (Monday-started, local) an even
 * number of weeks from the anchor's local week. Nothing on a local date before the anchor's is
 * returned: the schedule did not exist yet.
 */
export function nextOccurrences(rule: WeeklyRule, after: Date, count: number): Date[] {
  assertInstant(after, 'after');
  assertInstant(rule.anchor, 'anchor');
  assertWeekday(rule.weekday);
  if (rule.everyWeeks !== 1 && rule.everyWeeks !== 2) throw new RangeError(`everyWeeks must be 1 or 2, got ${String(rule.everyWeeks)}`);
  zoneOf(rule.zone);
  timeOf(rule);

  const wanted = Math.max(0, Math.floor(count));
  const anchorDay = localEpochDay(rule.anchor, rule.zone);
  const anchorMonday = mondayOf(anchorDay);
  const start = Math.max(localEpochDay(after, rule.zone) - 1, anchorDay);
  let day = start + ((rule.weekday - weekdayOfEpochDay(start) + 7) % 7);

  const result: Date[] = [];
  while (result.length < wanted) {
    const weeksFromAnchor = (mondayOf(day) - anchorMonday) / 7;
    if (weeksFromAnchor % rule.everyWeeks === 0) {
      const instant = occurrenceAt(rule, dateOfEpochDay(day));
      if (instant.getTime() > after.getTime()) result.push(instant);
    }
    day += 7;
  }
  return result;
}

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  firstOccurrence,
  formatTime,
  nextOccurrences,
  occurrenceAt,
  parseTime,
  parseWeekday,
  type Weekday,
  type WeeklyRule,
} from '../../../src/features/checkins/recurrence.js';

const start = new Date('2026-11-25T00:00:00Z');
const twoYears = 105; // weekly occurrences covering more than two years from `start`
const WEEK_MS = 7 * 24 * 3600_000;

function rule(zone: string, weekday: Weekday, time: string, everyWeeks: 1 | 2 = 1, anchor?: Date): WeeklyRule {
  return { zone, weekday, time, everyWeeks, anchor: anchor ?? firstOccurrence({ zone, weekday, time }, start) };
}

const local = (instant: Date, zone: string): DateTime => DateTime.fromJSDate(instant, { zone });
const iso = (dates: Date[]): string[] => dates.map((d) => d.toISOString());

/** Local dates of the DST changes between 2026-11-25 and 2028-11-25 (none for the last two). */
const transitions: Record<string, string[]> = {
  'America/New_York': ['2027-03-14', '2027-11-07', '2028-03-12', '2028-11-05'],
  'Europe/London': ['2027-03-28', '2027-10-31', '2028-03-26', '2028-10-29'],
  'Australia/Sydney': ['2027-04-04', '2027-10-03', '2028-04-02', '2028-10-01'],
  'Pacific/Chatham': ['2027-04-04', '2027-09-26', '2028-04-02', '2028-09-24'],
  'Asia/Kolkata': [],
  'Asia/Tokyo': [],
};

describe('weekly occurrences over two years', () => {
  for (const [zone, changes] of Object.entries(transitions)) {
    for (const [weekday, time] of [[1, '21:00'], [3, '07:15'], [5, '00:00']] as const) {
      it(`${zone}: weekday ${weekday} at ${time} keeps its local day and wall time`, () => {
        const occurrences = nextOccurrences(rule(zone, weekday, time), start, twoYears);
        expect(occurrences).toHaveLength(twoYears);
        expect(occurrences[0]!.getTime()).toBeGreaterThan(start.getTime());

        for (const occurrence of occurrences) {
          const l = local(occurrence, zone);
          expect(l.weekday).toBe(weekday);
          expect(l.toFormat('HH:mm')).toBe(time);
        }

        // Consecutive occurrences are exactly one local week apart; in UTC they are 168 h apart
        // except across a DST change, where the gap shrinks or grows by the offset change.
        const changedAcross: string[] = [];
        for (let i = 1; i < occurrences.length; i++) {
          const before = local(occurrences[i - 1]!, zone);
          const after = local(occurrences[i]!, zone);
          expect(after.startOf('day').diff(before.startOf('day'), 'days').days).toBe(7);
          const elapsed = occurrences[i]!.getTime() - occurrences[i - 1]!.getTime();
          expect(elapsed).toBe(WEEK_MS - (after.offset - before.offset) * 60_000);
          if (after.offset !== before.offset) {
            const change = changes.find((c) => c > before.toISODate()! && c <= after.toISODate()!);
            changedAcross.push(change ?? `unexpected change between ${before.toISO()} and ${after.toISO()}`);
          }
        }
        expect(changedAcross).toEqual(changes);
      });
    }
  }
});

describe('fixed instants users will see', () => {
  it('Monday 21:00 New York is 02:00Z (Tuesday) in winter and 01:00Z in summer', () => {
    const monday9pm = rule('America/New_York', 1, '21:00');
    expect(iso(nextOccurrences(monday9pm, new Date('2027-03-01T00:00:00Z'), 3))).toEqual([
      '2027-03-02T02:00:00.000Z',
      '2027-03-09T02:00:00.000Z',
      '2027-03-16T01:00:00.000Z', // after the 14 March spring-forward
    ]);
    expect(iso(nextOccurrences(monday9pm, new Date('2027-10-30T00:00:00Z'), 2))).toEqual([
      '2027-11-02T01:00:00.000Z',
      '2027-11-09T02:00:00.000Z', // after the 7 November fall-back
    ]);
  });

  it('New York spring-forward: Sunday 02:30 does not exist and moves to 03:00 EDT (07:00Z)', () => {
    const at = occurrenceAt({ zone: 'America/New_York', time: '02:30' }, { year: 2027, month: 3, day: 14 });
    expect(at.toISOString()).toBe('2027-03-14T07:00:00.000Z');
    expect(local(at, 'America/New_York').toFormat('HH:mm ZZ')).toBe('03:00 -04:00');

    // A weekly Sunday 02:30 stays at 02:30 every other week, and is never pushed to 03:30.
    const sundays = nextOccurrences(rule('America/New_York', 7, '02:30'), start, twoYears);
    const wallTimes = sundays.map((d) => local(d, 'America/New_York').toFormat('yyyy-MM-dd HH:mm'));
    expect(wallTimes.filter((w) => !w.endsWith('02:30'))).toEqual(['2027-03-14 03:00', '2028-03-12 03:00']);
  });

  it('New York fall-back: Sunday 01:30 happens twice and the first one (EDT, 05:30Z) is used', () => {
    const at = occurrenceAt({ zone: 'America/New_York', time: '01:30' }, { year: 2026, month: 11, day: 1 });
    expect(at.toISOString()).toBe('2026-11-01T05:30:00.000Z');

    const sundays = nextOccurrences(rule('America/New_York', 7, '01:30'), start, twoYears);
    const fallBack = sundays.filter((d) => ['2027-11-07', '2028-11-05'].includes(local(d, 'America/New_York').toISODate()!));
    expect(iso(fallBack)).toEqual(['2027-11-07T05:30:00.000Z', '2028-11-05T05:30:00.000Z']);
  });

  it('London: 01:30 on 2027-03-28 moves to 02:00 BST; 01:30 on 2026-10-25 is the BST one (00:30Z)', () => {
    const gap = occurrenceAt({ zone: 'Europe/London', time: '01:30' }, { year: 2027, month: 3, day: 28 });
    expect(gap.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(local(gap, 'Europe/London').toFormat('HH:mm')).toBe('02:00');
    const overlap = occurrenceAt({ zone: 'Europe/London', time: '01:30' }, { year: 2026, month: 10, day: 25 });
    expect(overlap.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('Sydney resolves its own gap (October) and overlap (April)', () => {
    const gap = occurrenceAt({ zone: 'Australia/Sydney', time: '02:30' }, { year: 2027, month: 10, day: 3 });
    expect(local(gap, 'Australia/Sydney').toFormat('HH:mm ZZ')).toBe('03:00 +11:00');
    const overlap = occurrenceAt({ zone: 'Australia/Sydney', time: '02:30' }, { year: 2027, month: 4, day: 4 });
    expect(overlap.toISOString()).toBe('2027-04-03T15:30:00.000Z'); // 02:30 AEDT, not AEST
  });

  it('Chatham keeps its 45-minute offsets, gap and overlap', () => {
    const monday9pm = rule('Pacific/Chatham', 1, '21:00');
    expect(iso(nextOccurrences(monday9pm, start, 1))).toEqual(['2026-11-30T07:15:00.000Z']); // +13:45
    expect(iso(nextOccurrences(monday9pm, new Date('2027-06-01T00:00:00Z'), 1))).toEqual(['2027-06-07T08:15:00.000Z']); // +12:45

    const gap = occurrenceAt({ zone: 'Pacific/Chatham', time: '03:00' }, { year: 2027, month: 9, day: 26 });
    expect(local(gap, 'Pacific/Chatham').toFormat('HH:mm ZZ')).toBe('03:45 +13:45');
    expect(gap.toISOString()).toBe('2027-09-25T14:00:00.000Z');
    const overlap = occurrenceAt({ zone: 'Pacific/Chatham', time: '03:00' }, { year: 2027, month: 4, day: 4 });
    expect(overlap.toISOString()).toBe('2027-04-03T13:15:00.000Z'); // 03:00 +13:45, the first one
  });

  it('Kolkata (+05:30, no DST) and UTC never move', () => {
    const kolkata = nextOccurrences(rule('Asia/Kolkata', 1, '21:00'), start, twoYears);
    expect(new Set(kolkata.map((d) => d.toISOString().slice(11)))).toEqual(new Set(['15:30:00.000Z']));
    const utc = nextOccurrences(rule('UTC', 1, '21:00'), start, twoYears);
    expect(new Set(utc.map((d) => d.toISOString().slice(11)))).toEqual(new Set(['21:00:00.000Z']));
  });
});

describe('where a series starts', () => {
  it('firstOccurrence includes an occurrence exactly at `from`; nextOccurrences starts strictly after `after`', () => {
    const at = new Date('2026-11-30T02:00:00Z'); // Sunday 29 Nov 21:00 in New York
    expect(firstOccurrence({ zone: 'America/New_York', weekday: 7, time: '21:00' }, at).toISOString()).toBe(at.toISOString());
    const r = rule('America/New_York', 7, '21:00', 1, at);
    expect(iso(nextOccurrences(r, at, 1))).toEqual(['2026-12-07T02:00:00.000Z']);
    expect(iso(nextOccurrences(r, new Date(at.getTime() - 1), 1))).toEqual([at.toISOString()]);
  });

  it('uses the local weekday, not the UTC one', () => {
    // Monday 08:00 in Sydney is still Sunday in UTC.
    const first = firstOccurrence({ zone: 'Australia/Sydney', weekday: 1, time: '08:00' }, start);
    expect(first.toISOString()).toBe('2026-11-29T21:00:00.000Z');
    expect(local(first, 'Australia/Sydney').toFormat('cccc HH:mm')).toBe('Monday 08:00');
  });

  it('returns nothing before the anchor, and nothing when asked for nothing', () => {
    const r = rule('Europe/London', 3, '18:00', 1, new Date('2027-01-06T18:00:00Z'));
    expect(iso(nextOccurrences(r, start, 2))).toEqual(['2027-01-06T18:00:00.000Z', '2027-01-13T18:00:00.000Z']);
    expect(nextOccurrences(r, start, 0)).toEqual([]);
  });

  it('refuses an unknown zone or a malformed time', () => {
    expect(() => occurrenceAt({ zone: 'Mars/Olympus', time: '21:00' }, { year: 2027, month: 1, day: 1 })).toThrow(/time zone/i);
    expect(() => firstOccurrence({ zone: 'America/New_York', weekday: 1, time: '9pm' }, start)).toThrow(/HH:MM/);
  });
});

describe('biweekly schedules', () => {
  it('keep their parity across the March DST change, at 21:00 local every time', () => {
    const anchor = new Date('2027-03-02T02:00:00Z'); // Monday 1 March 2027, 21:00 EST
    const r = rule('America/New_York', 1, '21:00', 2, anchor);
    const occurrences = nextOccurrences(r, new Date('2027-02-20T00:00:00Z'), 4);
    expect(iso(occurrences)).toEqual([
      '2027-03-02T02:00:00.000Z',
      '2027-03-16T01:00:00.000Z',
      '2027-03-30T01:00:00.000Z',
      '2027-04-13T01:00:00.000Z',
    ]);
  });

  it('skip the off week when asked from the middle of a cycle, for two years', () => {
    const anchor = new Date('2026-11-30T07:15:00Z'); // Monday 30 Nov 21:00 in Chatham
    const r = rule('Pacific/Chatham', 1, '21:00', 2, anchor);
    const fromOffWeek = nextOccurrences(r, new Date('2026-12-02T00:00:00Z'), 1);
    expect(local(fromOffWeek[0]!, 'Pacific/Chatham').toISODate()).toBe('2026-12-14');

    const series = nextOccurrences(r, start, 53);
    const anchorDay = local(anchor, 'Pacific/Chatham').startOf('day');
    for (const occurrence of series) {
      const l = local(occurrence, 'Pacific/Chatham');
      expect(l.toFormat('cccc HH:mm')).toBe('Monday 21:00');
      expect(l.startOf('day').diff(anchorDay, 'days').days % 14).toBe(0);
    }
    // The last one is 104 weeks after the anchor, across four DST changes.
    expect(local(series.at(-1)!, 'Pacific/Chatham').toISODate()).toBe('2028-11-27');
  });
});

describe('parsing', () => {
  it.each([
    ['21:00', 21, 0],
    ['9:00', 9, 0],
    ['09:05', 9, 5],
    ['9pm', 21, 0],
    ['9:30 pm', 21, 30],
    ['9.30 P.M.', 21, 30],
    ['21h30', 21, 30],
    ['21h', 21, 0],
    ['12am', 0, 0],
    ['12 pm', 12, 0],
    ['noon', 12, 0],
    [' 0:00 ', 0, 0],
  ])('reads time %j as %i:%i', (input, hour, minute) => {
    expect(parseTime(input)).toEqual({ hour, minute });
  });

  it.each(['', '9', '24:00', '21:60', '13pm', '0am', '21:', 'nine', '9:5', '21:00:00'])('refuses time %j', (input) => {
    expect(parseTime(input)).toBeUndefined();
  });

  it('formats times as the HH:MM a rule stores', () => {
    expect(formatTime(parseTime('9pm')!)).toBe('21:00');
    expect(formatTime(parseTime('7:05 am')!)).toBe('07:05');
  });

  it.each([
    ['Monday', 1],
    ['mon', 1],
    ['TUE', 2],
    ['Tuesday', 2],
    ['wed', 3],
    ['Thursday', 4],
    ['thu', 4],
    ['Fri.', 5],
    ['saturday', 6],
    ['Sun', 7],
    [' sunday ', 7],
  ])('reads weekday %j as %i', (input, weekday) => {
    expect(parseWeekday(input)).toBe(weekday);
  });

  it.each(['', 'mo', 'someday', 'lundi', '1'])('refuses weekday %j', (input) => {
    expect(parseWeekday(input)).toBeUndefined();
  });
});

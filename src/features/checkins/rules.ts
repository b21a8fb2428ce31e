import type { WeeklyRule, Weekday } from './recurrence.js';
import type { Schedule } from './store.js';

/** An occurrence started late by less than this is still posted (marked late); older ones are recorded as missed. */
export const DEFAULT_GRACE_MS = 2 * 60 * 60_000;
/** How late a post can be and still count as on time (timer wake-up, Discord latency). */
const ON_TIME_MS = 60_000;

export function ruleOf(s: Pick<Schedule, 'zone' | 'weekday' | 'time' | 'everyWeeks' | 'anchor'>): WeeklyRule {
  return { zone: s.zone, weekday: s.weekday as Weekday, time: s.time, everyWeeks: s.everyWeeks === 2 ? 2 : 1, anchor: s.anchor };
}

export function lateness(startsAt: Date, now: Date, graceMs = DEFAULT_GRACE_MS): 'on-time' | 'late' | 'missed' {
  const behind = now.getTime() - startsAt.getTime();
  if (behind <= ON_TIME_MS) return 'on-time';
  return behind <= graceMs ? 'late' : 'missed';
}

export const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const moodLabels = ['1 · very hard', '2 · hard', '3 · okay', '4 · good', '5 · very good'] as const;

/** Counts per mood 1–5 as a line members can read; never names. */
export function moodLine(counts: readonly number[]): string {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 'No mood answers this week.';
  return counts.map((n, i) => `${i + 1}: ${n}`).join(' · ') + ` (${total} answer${total === 1 ? '' : 's'})`;
}

export function summaryText(title: string, participants: number, counts: readonly number[]): string {
  return [
    `**${title}: thank you for coming.**`,
    `${participants} ${participants === 1 ? 'person' : 'people'} took part this week.`,
    `How people felt: ${moodLine(counts)}`,
    'This thread is now archived; the channel is always open. Take care until next time.',
  ].join('\n');
}

const unix = (d: Date): number => Math.floor(d.getTime() / 1000);

/** "Mondays at 21:00 America/New_York" plus the next occurrences as Discord timestamps (each reader's own zone). */
export function describeSchedule(s: Pick<Schedule, 'weekday' | 'time' | 'zone' | 'everyWeeks' | 'title'>, next: readonly Date[]): string {
  const every = s.everyWeeks === 2 ? 'Every other' : 'Every';
  const head = `**${s.title}**: ${every} ${weekdayNames[s.weekday - 1]} at ${s.time} (${s.zone})`;
  return [head, ...next.map((d) => `• <t:${unix(d)}:F> (<t:${unix(d)}:R>)`)].join('\n');
}

/** Discord allows 25 characters in a message nonce. */
export function nonceFor(occurrenceId: string, kind: 'open' | 'remind'): string {
  return `${kind[0]}${occurrenceId.replace(/-/g, '')}`.slice(0, 25);
}

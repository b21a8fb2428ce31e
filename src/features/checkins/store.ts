import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import { checkinMoods, checkinOccurrences, checkinSchedules, checkinSubscriptions, type CheckinOccurrenceRow, type CheckinScheduleRow } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/types.js';
import { nextOccurrences } from './recurrence.js';
import { ruleOf } from './rules.js';

export type Schedule = CheckinScheduleRow;
export type Occurrence = CheckinOccurrenceRow;
export type NewSchedule = Omit<Schedule, 'id' | 'createdAt' | 'deletedAt' | 'paused' | 'failingReason' | 'reminderRoleId'>;

export async function createSchedule(db: DbOrTx, values: NewSchedule, now: Date): Promise<Schedule> {
  const [row] = await db.insert(checkinSchedules).values({ ...values, createdAt: now }).returning();
  if (!row) throw new Error('insert into checkin_schedules returned no row');
  return row;
}

export async function getSchedule(db: DbOrTx, guildId: string, id: string): Promise<Schedule | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(checkinSchedules).where(and(eq(checkinSchedules.id, id), eq(checkinSchedules.guildId, guildId), isNull(checkinSchedules.deletedAt)));
  return row;
}

export async function listSchedules(db: DbOrTx, guildId: string): Promise<Schedule[]> {
  return db.select().from(checkinSchedules).where(and(eq(checkinSchedules.guildId, guildId), isNull(checkinSchedules.deletedAt))).orderBy(asc(checkinSchedules.createdAt));
}

export async function updateSchedule(db: DbOrTx, id: string, patch: Partial<Omit<Schedule, 'id' | 'guildId' | 'createdAt' | 'createdBy'>>): Promise<Schedule> {
  const [row] = await db.update(checkinSchedules).set(patch).where(eq(checkinSchedules.id, id)).returning();
  if (!row) throw new Error(`schedule ${id} vanished`);
  return row;
}

/** The next occurrence after `after`, created once (unique per schedule and instant). */
export async function materializeNext(db: DbOrTx, schedule: Schedule, after: Date): Promise<Occurrence> {
  const [startsAt] = nextOccurrences(ruleOf(schedule), after, 1);
  if (!startsAt) throw new Error('no next occurrence');
  await db.insert(checkinOccurrences).values({ scheduleId: schedule.id, guildId: schedule.guildId, startsAt }).onConflictDoNothing();
  const [row] = await db.select().from(checkinOccurrences).where(and(eq(checkinOccurrences.scheduleId, schedule.id), eq(checkinOccurrences.startsAt, startsAt)));
  if (!row) throw new Error('occurrence vanished');
  return row;
}

export async function getOccurrence(db: DbOrTx, id: string): Promise<Occurrence | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(checkinOccurrences).where(eq(checkinOccurrences.id, id));
  return row;
}

export async function updateOccurrence(db: DbOrTx, id: string, patch: Partial<Omit<Occurrence, 'id' | 'scheduleId' | 'guildId' | 'startsAt'>>): Promise<Occurrence> {
  const [row] = await db.update(checkinOccurrences).set(patch).where(eq(checkinOccurrences.id, id)).returning();
  if (!row) throw new Error(`occurrence ${id} vanished`);
  return row;
}

/** Takes an occurrence from 'scheduled' to `status` only if nobody else did: the exactly-once gate. */
export async function transitionOccurrence(db: DbOrTx, id: string, from: Occurrence['status'], to: Occurrence['status'], patch: Partial<Occurrence> = {}): Promise<Occurrence | undefined> {
  const [row] = await db.update(checkinOccurrences).set({ ...patch, status: to }).where(and(eq(checkinOccurrences.id, id), eq(checkinOccurrences.status, from))).returning();
  return row;
}

export async function upcomingOccurrences(db: DbOrTx, scheduleIds: readonly string[], after: Date): Promise<Occurrence[]> {
  if (scheduleIds.length === 0) return [];
  return db
    .select()
    .from(checkinOccurrences)
    .where(and(inArray(checkinOccurrences.scheduleId, [...scheduleIds]), gt(checkinOccurrences.startsAt, after), eq(checkinOccurrences.status, 'scheduled')))
    .orderBy(asc(checkinOccurrences.startsAt));
}

export async function setMood(db: DbOrTx, occurrence: Occurrence, memberId: string, mood: number, now: Date): Promise<void> {
  await db
    .insert(checkinMoods)
    .values({ occurrenceId: occurrence.id, guildId: occurrence.guildId, memberId, mood, answeredAt: now })
    .onConflictDoUpdate({ target: [checkinMoods.occurrenceId, checkinMoods.memberId], set: { mood, answeredAt: now } });
}

/** Counts for moods 1–5. */
export async function moodCounts(db: DbOrTx, occurrenceId: string): Promise<number[]> {
  const rows = await db.select({ mood: checkinMoods.mood, n: count() }).from(checkinMoods).where(eq(checkinMoods.occurrenceId, occurrenceId)).groupBy(checkinMoods.mood);
  const counts = [0, 0, 0, 0, 0];
  for (const r of rows) if (r.mood >= 1 && r.mood <= 5) counts[r.mood - 1] = Number(r.n);
  return counts;
}

export async function moodMembers(db: DbOrTx, occurrenceId: string): Promise<string[]> {
  const rows = await db.select({ memberId: checkinMoods.memberId }).from(checkinMoods).where(eq(checkinMoods.occurrenceId, occurrenceId));
  return rows.map((r) => r.memberId);
}

export async function subscribe(db: DbOrTx, schedule: Schedule, memberId: string, now: Date): Promise<boolean> {
  const rows = await db.insert(checkinSubscriptions).values({ scheduleId: schedule.id, guildId: schedule.guildId, memberId, createdAt: now }).onConflictDoNothing().returning({ m: checkinSubscriptions.memberId });
  return rows.length === 1;
}

export async function unsubscribe(db: DbOrTx, schedule: Schedule, memberId: string): Promise<boolean> {
  const rows = await db.delete(checkinSubscriptions).where(and(eq(checkinSubscriptions.scheduleId, schedule.id), eq(checkinSubscriptions.memberId, memberId))).returning({ m: checkinSubscriptions.memberId });
  return rows.length === 1;
}

/** Any schedule, deleted or not (timers of a deleted schedule still need to see it to stop). */
export async function scheduleById(db: DbOrTx, id: string): Promise<Schedule | undefined> {
  const [row] = await db.select().from(checkinSchedules).where(eq(checkinSchedules.id, id));
  return row;
}

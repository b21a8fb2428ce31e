import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A recurring support session: a weekday and wall-clock time in an IANA zone (never a fixed UTC offset). */
export const checkinSchedules = pgTable(
  'checkin_schedules',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    title: text('title').notNull(),
    prompt: text('prompt'),
    /** 1 = Monday … 7 = Sunday (ISO, as luxon). */
    weekday: smallint('weekday').notNull(),
    /** 'HH:MM', 24-hour, local to `zone`. */
    time: text('time').notNull(),
    zone: text('zone').notNull(),
    everyWeeks: smallint('every_weeks').notNull().default(1),
    /** The first occurrence: fixes which weeks a fortnightly schedule runs. */
    anchor: timestamp('anchor', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    remindMinutes: integer('remind_minutes').notNull().default(30),
    paused: boolean('paused').notNull().default(false),
    /** Set when posting failed (channel deleted, permission lost); admins are told once. */
    failingReason: text('failing_reason'),
    /** Role pinged by reminders, created when the first member subscribes (named neutrally). */
    reminderRoleId: text('reminder_role_id'),
    mirrorEvents: boolean('mirror_events').notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('checkin_schedules_guild_idx').on(t.guildId)],
);

/** One row per occurrence: posted exactly once (unique per schedule and instant), with what happened. */
export const checkinOccurrences = pgTable(
  'checkin_occurrences',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => checkinSchedules.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    status: text('status').$type<'scheduled' | 'skipped' | 'open' | 'closed' | 'missed' | 'failed'>().notNull().default('scheduled'),
    late: boolean('late').notNull().default(false),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    messageId: text('message_id'),
    threadId: text('thread_id'),
    eventId: text('event_id'),
    participants: integer('participants'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('checkin_occurrences_once_uq').on(t.scheduleId, t.startsAt), index('checkin_occurrences_guild_idx').on(t.guildId, t.startsAt)],
);

/** Anonymous mood answers (1–5): members only ever see counts. */
export const checkinMoods = pgTable(
  'checkin_moods',
  {
    occurrenceId: uuid('occurrence_id')
      .notNull()
      .references(() => checkinOccurrences.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    memberId: text('member_id').notNull(),
    mood: smallint('mood').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.occurrenceId, t.memberId] }), index('checkin_moods_member_idx').on(t.guildId, t.memberId)],
);

export const checkinSubscriptions = pgTable(
  'checkin_subscriptions',
  {
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => checkinSchedules.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    memberId: text('member_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scheduleId, t.memberId] }), index('checkin_subscriptions_member_idx').on(t.guildId, t.memberId)],
);

export type CheckinScheduleRow = typeof checkinSchedules.$inferSelect;
export type CheckinOccurrenceRow = typeof checkinOccurrences.$inferSelect;

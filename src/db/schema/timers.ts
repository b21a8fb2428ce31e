import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Durable timers: work due at a moment (a re-ping, a retention sweep, a check-in step). Unique on
 * (kind, key) so scheduling the same thing twice is one timer; claimed with a lease so several
 * Haven processes on one database run each timer once.
 */
export const timers = pgTable(
  'timers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    guildId: text('guild_id'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('timers_kind_key_idx').on(t.kind, t.key), index('timers_due_idx').on(t.dueAt)],
);

export type TimerRow = typeof timers.$inferSelect;

import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Everything that needs a moderator: crisis flags, reports, help requests, anonymous posts waiting
 * for review, failing schedules. Written before any Discord call, so nothing is lost if Discord fails.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    guildId: text('guild_id').notNull(),
    /** Per-server number moderators say out loud: "case 12". */
    number: integer('number').notNull(),
    kind: text('kind').$type<CaseKind>().notNull(),
    urgency: text('urgency').$type<'urgent' | 'normal'>().notNull(),
    state: text('state').$type<'open' | 'claimed' | 'resolved'>().notNull().default('open'),
    /** The member the case is about (reported author, member in crisis, member asking for help); null when anonymous. */
    subjectId: text('subject_id'),
    reporterId: text('reporter_id'),
    anonymous: boolean('anonymous').notNull().default(false),
    channelId: text('channel_id'),
    messageId: text('message_id'),
    /** A short excerpt for moderators; purged after the retention period once resolved. */
    excerpt: text('excerpt'),
    summary: text('summary').notNull(),
    cardChannelId: text('card_channel_id'),
    cardMessageId: text('card_message_id'),
    /** The card's discussion thread (forum post or thread under the card). */
    cardThreadId: text('card_thread_id'),
    /** A private thread with the member (/help-me). */
    helpThreadId: text('help_thread_id'),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('cases_guild_number_uq').on(t.guildId, t.number),
    index('cases_guild_state_idx').on(t.guildId, t.state, t.createdAt),
    index('cases_pending_card_idx').on(t.guildId).where(sql`card_message_id is null`),
  ],
);

export type CaseKind = 'crisis' | 'report' | 'help' | 'anon-help' | 'anon-review' | 'schedule';

/** The audit trail of a case: who did what, when. Notes' text is purged with the excerpt. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.createdAt)],
);

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per server: the choices its admins made with /setup. */
export const guildSettings = pgTable('guild_settings', {
  guildId: text('guild_id').primaryKey(),
  moderatorRoleId: text('moderator_role_id'),
  seniorRoleId: text('senior_role_id'),
  queueChannelId: text('queue_channel_id'),
  logChannelId: text('log_channel_id'),
  timezone: text('timezone'),
  country: text('country'),
  /** Crisis-language scanning of members' messages (off until an admin turns it on). */
  crisisEnabled: boolean('crisis_enabled').notNull().default(false),
  /** How Haven reaches a member whose message was flagged: a DM, a gentle reply in the channel, or only the moderators. */
  crisisReply: text('crisis_reply').$type<'dm' | 'channel' | 'moderators-only'>().notNull().default('dm'),
  crisisCooldownHours: integer('crisis_cooldown_hours').notNull().default(6),
  /** Whether an admin may reveal the author of one anonymous post (off by default; every reveal is audited). */
  anonRevealEnabled: boolean('anon_reveal_enabled').notNull().default(false),
  /** Minutes before an unclaimed case pings the moderators again. */
  repingUrgentMinutes: integer('reping_urgent_minutes').notNull().default(10),
  repingMinutes: integer('reping_minutes').notNull().default(60),
  /** Retention: a departed member's data, resolved cases' excerpts and notes, and the audit log. */
  memberRetentionDays: integer('member_retention_days').notNull().default(30),
  caseRetentionDays: integer('case_retention_days').notNull().default(90),
  auditRetentionDays: integer('audit_retention_days').notNull().default(365),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type GuildSettingsRow = typeof guildSettings.$inferSelect;

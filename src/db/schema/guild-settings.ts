import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per server: the choices its admins made with /setup. */
export const guildSettings = pgTable('guild_settings', {
  guildId: text('guild_id').primaryKey(),
  moderatorRoleId: text('moderator_role_id'),
  seniorRoleId: text('senior_role_id'),
  queueChannelId: text('queue_channel_id'),
  logChannelId: text('log_channel_id'),
  timezone: text('timezone'),
  country: text('country'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type GuildSettingsRow = typeof guildSettings.$inferSelect;

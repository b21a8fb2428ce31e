import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The hash of the command set last sent to Discord, per scope ('global' or a guild id). */
export const commandDeploys = pgTable('command_deploys', {
  scope: text('scope').primaryKey(),
  hash: text('hash').notNull(),
  deployedAt: timestamp('deployed_at', { withTimezone: true }).notNull(),
});

import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Channels where members may post anonymously, and how. */
export const anonChannels = pgTable('anon_channels', {
  channelId: text('channel_id').primaryKey(),
  guildId: text('guild_id').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** Posts wait for a moderator's approval. */
  review: boolean('review').notNull().default(false),
  allowLinks: boolean('allow_links').notNull().default(true),
  rateLimit: integer('rate_limit').notNull().default(5),
  rateWindowMinutes: integer('rate_window_minutes').notNull().default(10),
  /** Pseudonyms are stable per thread ('never'), or also change every day or week. */
  rotation: text('rotation').$type<'never' | 'daily' | 'weekly'>().notNull().default('never'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Anonymous posts. The author is never stored in the clear: `author_seal` is the id encrypted with
 * a key that is not in the database, `author_key` a keyed hash for blocks, rate limits and "/anon mine".
 */
export const anonPosts = pgTable(
  'anon_posts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    threadId: text('thread_id'),
    messageId: text('message_id'),
    pseudonym: text('pseudonym').notNull(),
    authorSeal: text('author_seal'),
    authorKey: text('author_key'),
    status: text('status').$type<'pending' | 'posted' | 'rejected' | 'deleted'>().notNull(),
    /** Only while waiting for review; cleared once a moderator decides. */
    pendingContent: text('pending_content'),
    caseId: uuid('case_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('anon_posts_author_idx').on(t.guildId, t.authorKey, t.createdAt), index('anon_posts_message_idx').on(t.messageId)],
);

/** Authors blocked from anonymous posting, by keyed hash: nobody learns who they are. */
export const anonBlocks = pgTable(
  'anon_blocks',
  {
    guildId: text('guild_id').notNull(),
    authorKey: text('author_key').notNull(),
    until: timestamp('until', { withTimezone: true }),
    reason: text('reason'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.authorKey] })],
);

/** The one webhook Haven keeps per channel for anonymous posts (Discord allows 15 per channel). */
export const anonWebhooks = pgTable('anon_webhooks', {
  channelId: text('channel_id').primaryKey(),
  guildId: text('guild_id').notNull(),
  webhookId: text('webhook_id').notNull(),
  webhookToken: text('webhook_token').notNull(),
});

export type AnonChannelRow = typeof anonChannels.$inferSelect;
export type AnonPostRow = typeof anonPosts.$inferSelect;

import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A member's own choices in one server: the country for /resources, and crisis-message opt-out. */
export const memberPrefs = pgTable(
  'member_prefs',
  {
    guildId: text('guild_id').notNull(),
    memberId: text('member_id').notNull(),
    country: text('country'),
    crisisOptOut: boolean('crisis_opt_out').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.memberId] })],
);

/**
 * One row per message the detector flagged, written before any Discord call. Holds no message text:
 * the case card has the excerpt moderators need.
 */
export const crisisFlags = pgTable(
  'crisis_flags',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    guildId: text('guild_id').notNull(),
    memberId: text('member_id').notNull(),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id').notNull(),
    level: text('level').$type<'concern' | 'urgent'>().notNull(),
    /** How the member was reached: 'sending', then 'dm' or 'channel'; 'none' (cooldown, opt-out, moderators-only) or 'failed'. */
    memberReply: text('member_reply').notNull().default('pending'),
    caseId: uuid('case_id'),
    /** The member said "This wasn't about me". */
    notAboutMe: boolean('not_about_me').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('crisis_flags_member_idx').on(t.guildId, t.memberId, t.createdAt)],
);

/** Services an admin adds beside the national ones (e.g. a hospital's oncology nurse line). */
export const localServices = pgTable(
  'local_services',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    guildId: text('guild_id').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    text: text('text'),
    url: text('url'),
    hours: text('hours'),
    addedBy: text('added_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('local_services_guild_idx').on(t.guildId)],
);

export type MemberPrefsRow = typeof memberPrefs.$inferSelect;
export type CrisisFlagRow = typeof crisisFlags.$inferSelect;
export type LocalServiceRow = typeof localServices.$inferSelect;

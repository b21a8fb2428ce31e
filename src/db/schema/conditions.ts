import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A support group on one server: a private channel, and a role or per-member access that opens it. */
export const conditions = pgTable(
  'conditions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    guildId: text('guild_id').notNull(),
    name: text('name').notNull(),
    /** Lower-cased, diacritics removed: "Breast Cancer" and "breast cancer" are one condition. */
    nameKey: text('name_key').notNull(),
    description: text('description').notNull(),
    emoji: text('emoji'),
    channelId: text('channel_id').notNull(),
    /** Null for discreet conditions: access is a per-member channel overwrite, never a visible role. */
    roleId: text('role_id'),
    discreet: boolean('discreet').notNull().default(false),
    greeting: boolean('greeting').notNull().default(true),
    /** Haven created the role / channel (so `/condition remove` may delete them); false when an admin gave existing ones. */
    ownsRole: boolean('owns_role').notNull().default(false),
    ownsChannel: boolean('owns_channel').notNull().default(false),
    /** Why members can't join right now (channel or role deleted), shown to them and to admins. */
    brokenReason: text('broken_reason'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('conditions_live_name_uq').on(t.guildId, t.nameKey).where(sql`archived_at is null`),
    index('conditions_channel_idx').on(t.channelId),
    index('conditions_role_idx').on(t.roleId),
  ],
);

/** Who joined which condition: the most sensitive rows Haven keeps (erased by /privacy delete). */
export const conditionMemberships = pgTable(
  'condition_memberships',
  {
    conditionId: uuid('condition_id')
      .notNull()
      .references(() => conditions.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    memberId: text('member_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conditionId, t.memberId] }), index('condition_memberships_member_idx').on(t.guildId, t.memberId)],
);

export type ConditionRow = typeof conditions.$inferSelect;
export type MembershipRow = typeof conditionMemberships.$inferSelect;

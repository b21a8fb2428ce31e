import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';

/**
 * The anonymous help relay: moderators talk to a member through Haven without learning who they
 * are. The member is stored sealed (for Haven to deliver replies) and as a keyed hash.
 */
export const helpRelays = pgTable('help_relays', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  guildId: text('guild_id').notNull(),
  memberSeal: text('member_seal'),
  memberKey: text('member_key'),
});

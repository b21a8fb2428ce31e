import type { AppContext } from '../context.js';
import { blockKeyFor } from '../features/anonymous/seal.js';
import { listConditions, joinedConditionIds } from '../features/conditions/store.js';
import { listSchedules } from '../features/checkins/store.js';
import { collectMemberData, eraseMemberData, type MemberDataSection, type MemberKeying } from '../features/privacy/member-data.js';
import { memberDataSources } from '../features/privacy/sources.js';
import { revokeAccess } from './condition-channels.js';

export function keying(ctx: AppContext): MemberKeying {
  return { authorHash: (guildId, memberId) => blockKeyFor(ctx.anon, guildId, memberId) };
}

export function memberData(ctx: AppContext, guildId: string, memberId: string): Promise<MemberDataSection[]> {
  return collectMemberData(ctx.db, memberDataSources, guildId, memberId, keying(ctx));
}

/**
 * Erases everything Haven keeps about a member in one server. While they are still a member,
 * their condition access and reminder roles are removed in Discord first, so nothing is left
 * half-done; a member who already left has nothing to remove.
 */
export async function eraseMember(ctx: AppContext, guildId: string, memberId: string, stillMember: boolean): Promise<Record<string, number>> {
  if (stillMember) {
    const guild = await ctx.client.guilds.fetch(guildId).catch(() => null);
    if (guild) {
      const joined = await joinedConditionIds(ctx.db, guildId, memberId);
      for (const condition of (await listConditions(ctx.db, guildId)).filter((c) => joined.has(c.id))) {
        await revokeAccess(guild, condition, memberId).catch((e: unknown) => ctx.logger.warn({ guildId, err: e }, 'could not remove condition access while erasing a member'));
      }
      for (const s of await listSchedules(ctx.db, guildId)) {
        if (s.reminderRoleId) await guild.members.removeRole({ user: memberId, role: s.reminderRoleId }).catch(() => {});
      }
    }
  }
  const counts = await eraseMemberData(ctx.db, memberDataSources, guildId, memberId, keying(ctx));
  ctx.logger.info({ guildId, event: 'member_data_erased', rows: Object.values(counts).reduce((a, b) => a + b, 0) }, 'member data erased');
  return counts;
}

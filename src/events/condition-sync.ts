import { Events, type Client } from 'discord.js';
import type { AppContext } from '../context.js';
import { problemText } from '../features/conditions/health.js';
import { conditionsUsing, updateCondition } from '../features/conditions/store.js';
import { notifyAdmins } from '../discord/notify-admins.js';

/** When an admin deletes a condition's channel or role in Discord, mark it broken and tell the admins once. */
export function listenForConditionChanges(ctx: AppContext, client: Client): void {
  const broken = async (guildId: string, discordId: string, kind: 'channel-missing' | 'role-missing'): Promise<void> => {
    for (const condition of await conditionsUsing(ctx.db, guildId, discordId)) {
      if (condition.brokenReason) continue;
      const reason = kind === 'channel-missing' ? 'its channel was deleted' : 'its role was deleted';
      await updateCondition(ctx.db, condition.id, { brokenReason: reason });
      ctx.logger.info({ guildId, conditionId: condition.id, event: 'condition_broken', reason }, 'condition marked broken');
      await notifyAdmins(ctx, guildId, `**${condition.name}** can't be joined any more: ${reason}. ${problemText({ kind }, condition.name, '')}`);
    }
  };
  const log = (error: unknown) => ctx.logger.error({ err: error }, 'condition sync failed');
  client.on(Events.ChannelDelete, (channel) => {
    if ('guildId' in channel) broken(channel.guildId, channel.id, 'channel-missing').catch(log);
  });
  client.on(Events.GuildRoleDelete, (role) => {
    broken(role.guild.id, role.id, 'role-missing').catch(log);
  });
}

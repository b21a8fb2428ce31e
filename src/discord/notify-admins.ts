import { ChannelType } from 'discord.js';
import type { AppContext } from '../context.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';

/**
 * Tells a server's admins something they must fix, in the log channel (else the moderators' queue
 * channel) set with `/setup moderation`. Never throws: a notice that can't be posted is logged.
 */
export async function notifyAdmins(ctx: AppContext, guildId: string, text: string): Promise<boolean> {
  try {
    const settings = await getGuildSettings(ctx.db, guildId);
    const channelId = settings.logChannelId ?? settings.queueChannelId;
    if (!channelId) {
      ctx.logger.warn({ guildId, event: 'admin_notice_unsent' }, 'no log or queue channel configured for an admin notice');
      return false;
    }
    const channel = await ctx.client.channels.fetch(channelId);
    const message = { content: `🛠️ ${text}`, allowedMentions: { parse: [] } };
    if (channel?.type === ChannelType.GuildForum) {
      // A forum queue and no log channel: the notice becomes its own post.
      await channel.threads.create({ name: 'Haven notice', message });
      return true;
    }
    if (!channel?.isSendable()) throw new Error('log channel is not a text channel');
    await channel.send(message);
    return true;
  } catch (error) {
    ctx.logger.warn({ guildId, err: error, event: 'admin_notice_failed' }, 'could not post an admin notice');
    return false;
  }
}

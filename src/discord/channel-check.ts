import { ChannelType, PermissionFlagsBits as P, type Guild, type GuildBasedChannel } from 'discord.js';

const needs: Record<string, readonly [bigint, string][]> = {
  text: [[P.ViewChannel, 'View Channel'], [P.SendMessages, 'Send Messages'], [P.EmbedLinks, 'Embed Links'], [P.CreatePublicThreads, 'Create Public Threads'], [P.SendMessagesInThreads, 'Send Messages in Threads'], [P.ManageThreads, 'Manage Threads']],
  forum: [[P.ViewChannel, 'View Channel'], [P.SendMessages, 'Create Posts'], [P.SendMessagesInThreads, 'Send Messages in Posts'], [P.ManageThreads, 'Manage Posts'], [P.EmbedLinks, 'Embed Links']],
};

/** What Haven is missing in a channel it posts to, as exact fixes an admin can follow. */
export function channelProblems(guild: Guild, channel: GuildBasedChannel): string[] {
  const me = guild.members.me;
  if (!me) return ['Haven is not in this server any more.'];
  const perms = channel.permissionsFor(me);
  const list = channel.type === ChannelType.GuildForum ? needs.forum! : needs.text!;
  const missing = list.filter(([bit]) => !perms.has(bit)).map(([, name]) => name);
  if (missing.length === 0) return [];
  return [`In <#${channel.id}>, allow the Haven role: ${missing.map((m) => `**${m}**`).join(', ')} (channel settings → Permissions → Haven).`];
}

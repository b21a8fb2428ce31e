import { MessageFlags } from 'discord.js';
import { countryName } from '../../features/region/countries.js';
import { getGuildSettings } from '../../features/settings/guild-settings.js';
import { flagStats } from '../../features/crisis/store.js';
import { channelProblems } from '../../discord/channel-check.js';
import type { SetupSubcommand } from './types.js';

const unset = '_not set_';

export const setupShow = {
  name: 'show',
  access: 'admin',
  build: (sub) => sub.setDescription("Show this server's Haven configuration and check Haven's permissions"),
  async execute(ctx, interaction) {
    const s = await getGuildSettings(ctx.db, interaction.guildId);
    const flags = await flagStats(ctx.db, interaction.guildId, new Date(ctx.clock.now().getTime() - 30 * 86_400_000));
    const lines = [
      '**Haven configuration**',
      `Region: ${s.country ? `${countryName(s.country)} (${s.country})` : `${unset} — \`/setup region\``}`,
      `Time zone: ${s.timezone ?? `${unset} — \`/setup region\``}`,
      `Moderator role: ${s.moderatorRoleId ? `<@&${s.moderatorRoleId}>` : `${unset} (members with Manage Messages count as moderators)`}`,
      `Senior moderator role: ${s.seniorRoleId ? `<@&${s.seniorRoleId}>` : unset}`,
      `Moderator queue: ${s.queueChannelId ? `<#${s.queueChannelId}>` : unset}`,
      `Log channel: ${s.logChannelId ? `<#${s.logChannelId}>` : unset}`,
      `Unclaimed cases ping again after: ${s.repingUrgentMinutes} min (urgent), ${s.repingMinutes} min (others)`,
      `Crisis detection: ${s.crisisEnabled ? `on, reply by ${s.crisisReply}, at most once every ${s.crisisCooldownHours} h per member; last 30 days: ${flags.flags} flag${flags.flags === 1 ? '' : 's'}, ${flags.notAboutMe} marked "This wasn't about me"` : 'off — `/setup crisis`'}`,
      `Revealing anonymous authors: ${s.anonRevealEnabled ? 'allowed for admins (audited)' : 'off'}`,
      `Retention: departed members ${s.memberRetentionDays} days · resolved case details ${s.caseRetentionDays} days · audit log ${s.auditRetentionDays} days`,
    ];
    const checked = [s.queueChannelId, s.logChannelId].flatMap((id) => {
      if (!id) return [];
      const channel = interaction.guild.channels.cache.get(id);
      return channel ? channelProblems(interaction.guild, channel) : [`<#${id}> was deleted: run \`/setup moderation\` again with another channel.`];
    });
    lines.push('', checked.length === 0 ? '✅ Haven has the permissions it needs in the configured channels.' : '⚠️ **To fix:**', ...checked.map((p) => `• ${p}`));
    await interaction.reply({ content: lines.join('\n'), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
} satisfies SetupSubcommand;

import { ChannelType, MessageFlags } from 'discord.js';
import { UserError } from '../../errors.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { updateGuildSettings } from '../../features/settings/guild-settings.js';
import { channelProblems } from '../../discord/channel-check.js';
import { postPendingCards } from '../../discord/case-card.js';
import type { Subcommand } from '../subcommands.js';

export const setupModeration = {
  name: 'moderation',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('Who moderates, where cases land, and where Haven logs what admins must know')
      .addRoleOption((o) => o.setName('role').setDescription('The moderator role').setRequired(true))
      .addChannelOption((o) => o.setName('queue').setDescription('Private channel for cases (a forum works best)').setRequired(true).addChannelTypes(ChannelType.GuildForum, ChannelType.GuildText))
      .addChannelOption((o) => o.setName('log').setDescription('Private channel for notices to admins and moderators').addChannelTypes(ChannelType.GuildText))
      .addRoleOption((o) => o.setName('senior_role').setDescription('Senior moderators: pinged for urgent cases, may reveal when allowed'))
      .addIntegerOption((o) => o.setName('reping_urgent_minutes').setDescription('Ping again if an urgent case is unclaimed after (default 10)').setMinValue(1).setMaxValue(1440))
      .addIntegerOption((o) => o.setName('reping_minutes').setDescription('Ping again if another case is unclaimed after (default 60)').setMinValue(5).setMaxValue(10080)),
  async execute(ctx, interaction) {
    const role = interaction.options.getRole('role', true);
    const queue = interaction.options.getChannel('queue', true, [ChannelType.GuildForum, ChannelType.GuildText]);
    const log = interaction.options.getChannel('log', false, [ChannelType.GuildText]);
    const senior = interaction.options.getRole('senior_role');
    const repingUrgent = interaction.options.getInteger('reping_urgent_minutes');
    const reping = interaction.options.getInteger('reping_minutes');
    if (role.id === interaction.guildId) throw new UserError('The moderator role can’t be @everyone: pick the role your moderators have.');
    const everyone = interaction.guild.roles.everyone;
    for (const channel of [queue, log]) {
      if (channel?.permissionsFor(everyone).has('ViewChannel')) {
        throw new UserError(`<#${channel.id}> is visible to everyone. Cases and notices can hold private things: make it private (deny @everyone **View Channel**), then run this again.`);
      }
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      await updateGuildSettings(tx, interaction.guildId, { moderatorRoleId: role.id, seniorRoleId: senior?.id ?? null, queueChannelId: queue.id, logChannelId: log?.id ?? null, ...(repingUrgent ? { repingUrgentMinutes: repingUrgent } : {}), ...(reping ? { repingMinutes: reping } : {}) }, now);
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'settings.moderation', details: { role: role.id, queue: queue.id, log: log?.id ?? null } }, now);
    });
    const problems = [queue, log].flatMap((c) => (c ? channelProblems(interaction.guild, c) : []));
    const lines = [`Saved. Moderators: <@&${role.id}>${senior ? `, seniors: <@&${senior.id}>` : ''}. Cases go to <#${queue.id}>${log ? `, notices to <#${log.id}>` : ''}.`];
    if (problems.length > 0) lines.push('', '⚠️ Before it can work:', ...problems.map((p) => `• ${p}`));
    else {
      const posted = await postPendingCards(ctx, interaction.guildId);
      if (posted > 0) lines.push(`Posted ${posted} case card${posted === 1 ? '' : 's'} that were waiting for a queue.`);
    }
    await interaction.editReply({ content: lines.join('\n'), allowedMentions: { parse: [] } });
  },
} satisfies Subcommand;

import { MessageFlags } from 'discord.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { getGuildSettings, updateGuildSettings } from '../../features/settings/guild-settings.js';
import type { Subcommand } from '../subcommands.js';

const replyLabels = { dm: 'a private DM (a gentle channel reply if their DMs are closed)', channel: 'a gentle reply in the channel', 'moderators-only': 'no message: only the moderators are told' } as const;

export const setupCrisis = {
  name: 'crisis',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('Crisis-language detection: on or off, how members are reached, and the cooldown')
      .addBooleanOption((o) => o.setName('enabled').setDescription('Scan members’ messages for crisis language').setRequired(true))
      .addStringOption((o) =>
        o.setName('reply').setDescription('How Haven reaches the member (default: DM)').addChoices({ name: 'DM', value: 'dm' }, { name: 'Reply in channel', value: 'channel' }, { name: 'Moderators only', value: 'moderators-only' }),
      )
      .addIntegerOption((o) => o.setName('cooldown_hours').setDescription('Hours between automated messages to one member (default 6)').setMinValue(1).setMaxValue(168)),
  async execute(ctx, interaction) {
    const enabled = interaction.options.getBoolean('enabled', true);
    const reply = interaction.options.getString('reply') as keyof typeof replyLabels | null;
    const cooldown = interaction.options.getInteger('cooldown_hours');
    const now = ctx.clock.now();
    const saved = await ctx.db.transaction(async (tx) => {
      const row = await updateGuildSettings(tx, interaction.guildId, { crisisEnabled: enabled, ...(reply ? { crisisReply: reply } : {}), ...(cooldown ? { crisisCooldownHours: cooldown } : {}) }, now);
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'settings.crisis', details: { enabled, reply: row.crisisReply, cooldownHours: row.crisisCooldownHours } }, now);
      return row;
    });
    const settings = await getGuildSettings(ctx.db, interaction.guildId);
    const lines = enabled
      ? [
          `Crisis detection is **on**. When a message looks like someone may be in danger, Haven sends them ${replyLabels[saved.crisisReply]}, at most once every ${saved.crisisCooldownHours} h, and opens a case for the moderators (urgent ones ping the moderator role).`,
          'Nothing leaves this machine: the check is local. Try it with `/crisis test`.',
        ]
      : ['Crisis detection is **off**. `/resources` still works for everyone.'];
    if (enabled && !settings.queueChannelId) lines.push('⚠️ Set the moderators’ queue with `/setup moderation` so flags reach a human.');
    await interaction.reply({ content: lines.join('\n'), flags: MessageFlags.Ephemeral });
  },
} satisfies Subcommand;

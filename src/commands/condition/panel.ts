import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ChannelType, EmbedBuilder, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../../errors.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { customId } from '../../interactions/custom-id.js';
import type { Subcommand } from '../subcommands.js';

export const PANEL_PREFIX = 'cpanel';

export const conditionPanel = {
  name: 'panel',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('Post a "Find your people" panel members click to join or leave groups privately')
      .addChannelOption((o) => o.setName('channel').setDescription('Where to post it').setRequired(true).addChannelTypes(ChannelType.GuildText)),
  async execute(ctx, interaction) {
    const channel = interaction.options.getChannel('channel', true, [ChannelType.GuildText]);
    const me = interaction.guild.members.me;
    if (!me || !channel.permissionsFor(me).has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks])) {
      throw new UserError(`Haven can't post in <#${channel.id}>. Allow the Haven role **View Channel**, **Send Messages** and **Embed Links** there, then try again.`);
    }
    const embed = new EmbedBuilder()
      .setTitle('Find your people')
      .setDescription('Private channels for people living with the same condition, and the people who care for them. Click below: only you will see which groups you join.')
      .setColor(0x7b9e89);
    const button = new ButtonBuilder().setCustomId(customId(PANEL_PREFIX)).setLabel('Find your people').setStyle(ButtonStyle.Primary).setEmoji('🤝');
    const message = await channel.send({ embeds: [embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)] });
    await recordAudit(ctx.db, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'condition.panel', target: channel.id, details: { messageId: message.id } }, ctx.clock.now());
    await interaction.reply({ content: `Posted the panel in <#${channel.id}>. It keeps working after restarts.`, flags: MessageFlags.Ephemeral });
  },
} satisfies Subcommand;

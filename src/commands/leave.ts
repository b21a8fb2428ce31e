import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { autocompleteConditions, conditionFromInput, leaveCondition, leaveText } from './condition/membership.js';
import type { SlashCommand } from './types.js';

export const leave = {
  kind: 'slash',
  data: new SlashCommandBuilder()
    .setName('leave')
    .setDescription('Leave a condition channel you joined')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('condition').setDescription('Which group').setRequired(true).setAutocomplete(true).setMaxLength(100)),
  access: 'everyone',
  async execute(ctx, interaction) {
    const input = interaction.options.getString('condition', true);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const condition = await conditionFromInput(ctx, interaction.guildId, input);
    const outcome = await leaveCondition(ctx, interaction.guild, condition, interaction.user.id);
    await interaction.editReply({ content: leaveText(outcome), allowedMentions: { parse: [] } });
  },
  autocomplete: (ctx, interaction) => autocompleteConditions(ctx, interaction, 'joined'),
} satisfies SlashCommand;

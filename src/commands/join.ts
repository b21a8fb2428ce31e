import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { autocompleteConditions, conditionFromInput, joinCondition, joinText, nextCheckinLine } from './condition/membership.js';
import type { SlashCommand } from './types.js';

export const join = {
  kind: 'slash',
  data: new SlashCommandBuilder()
    .setName('join')
    .setDescription('Join a private condition channel')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('condition').setDescription('Which group, e.g. Breast cancer').setRequired(true).setAutocomplete(true).setMaxLength(100)),
  access: 'everyone',
  async execute(ctx, interaction) {
    const input = interaction.options.getString('condition', true);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const condition = await conditionFromInput(ctx, interaction.guildId, input);
    const outcome = await joinCondition(ctx, interaction.guild, condition, interaction.user.id);
    await interaction.editReply({ content: joinText(outcome, outcome.kind === 'joined' ? await nextCheckinLine(ctx, condition) : undefined), allowedMentions: { parse: [] } });
  },
  autocomplete: (ctx, interaction) => autocompleteConditions(ctx, interaction),
} satisfies SlashCommand;

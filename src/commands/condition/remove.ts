import { MessageFlags } from 'discord.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { archiveCondition, membersOf } from '../../features/conditions/store.js';
import { removeConditionFromDiscord } from '../../discord/condition-channels.js';
import type { Subcommand } from '../subcommands.js';
import { autocompleteConditions, conditionFromInput } from './membership.js';

export const conditionRemove = {
  name: 'remove',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('Remove a condition from Haven (the channel and its history stay unless you ask)')
      .addStringOption((o) => o.setName('condition').setDescription('Which condition').setRequired(true).setAutocomplete(true))
      .addBooleanOption((o) => o.setName('delete_channel').setDescription('Also delete the channel and all its messages (default: keep)')),
  async execute(ctx, interaction) {
    const input = interaction.options.getString('condition', true);
    const deleteChannel = interaction.options.getBoolean('delete_channel') ?? false;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const condition = await conditionFromInput(ctx, interaction.guildId, input);
    const members = await membersOf(ctx.db, condition.id);
    const outcome = await removeConditionFromDiscord(interaction.guild, condition, members, { deleteChannel });
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      await archiveCondition(tx, condition.id, now);
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'condition.remove', target: condition.id, details: { name: condition.name, deleteChannel } }, now);
    });
    const kept = deleteChannel ? 'The channel was deleted.' : `<#${condition.channelId}> and its history are kept; only admins can see it now.`;
    const warn = outcome.failures > 0 ? `\n⚠️ ${outcome.failures} change(s) in Discord failed (missing permissions?); check the channel's permissions by hand.` : '';
    await interaction.editReply({ content: `Removed **${condition.name}** from Haven. ${kept}${warn}`, allowedMentions: { parse: [] } });
  },
  autocomplete: (ctx, interaction) => autocompleteConditions(ctx, interaction),
} satisfies Subcommand;

import { ChannelType, MessageFlags } from 'discord.js';
import { UserError } from '../../errors.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { problemText } from '../../features/conditions/health.js';
import { validateConditionName, validateDescription } from '../../features/conditions/rules.js';
import { findByName, membersOf, updateCondition, type ConditionPatch } from '../../features/conditions/store.js';
import { CannotProvision, moveCondition, switchDiscreet } from '../../discord/condition-channels.js';
import type { Subcommand } from '../subcommands.js';
import { autocompleteConditions, conditionFromInput, label } from './membership.js';

export const conditionEdit = {
  name: 'edit',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('Change a condition: name, description, emoji, discreet, greeting, or its channel')
      .addStringOption((o) => o.setName('condition').setDescription('Which condition').setRequired(true).setAutocomplete(true))
      .addStringOption((o) => o.setName('name').setDescription('New name').setMaxLength(50))
      .addStringOption((o) => o.setName('description').setDescription('New description').setMaxLength(200))
      .addStringOption((o) => o.setName('emoji').setDescription('New emoji ("none" to remove)').setMaxLength(32))
      .addBooleanOption((o) => o.setName('discreet').setDescription('Per-member access with no visible role'))
      .addBooleanOption((o) => o.setName('greeting').setDescription('Welcome new members in the channel'))
      .addChannelOption((o) => o.setName('channel').setDescription('Move the condition to another text channel').addChannelTypes(ChannelType.GuildText)),
  async execute(ctx, interaction) {
    const input = interaction.options.getString('condition', true);
    const name = interaction.options.getString('name')?.trim();
    const description = interaction.options.getString('description')?.trim();
    const emoji = interaction.options.getString('emoji')?.trim();
    const discreet = interaction.options.getBoolean('discreet');
    const greeting = interaction.options.getBoolean('greeting');
    const channel = interaction.options.getChannel('channel', false, [ChannelType.GuildText]);
    const problem = (name ? validateConditionName(name) : undefined) ?? (description ? validateDescription(description) : undefined);
    if (problem) throw new UserError(problem);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const condition = await conditionFromInput(ctx, interaction.guildId, input);
    if (name && name.toLowerCase() !== condition.name.toLowerCase() && (await findByName(ctx.db, interaction.guildId, name))) {
      throw new UserError(`There is already a condition called **${name}**.`);
    }
    const patch: ConditionPatch = {};
    if (name) patch.name = name;
    if (description) patch.description = description;
    if (emoji) patch.emoji = emoji.toLowerCase() === 'none' ? null : emoji;
    if (greeting !== null) patch.greeting = greeting;
    const members = await membersOf(ctx.db, condition.id);
    try {
      if (channel && channel.id !== condition.channelId) {
        await moveCondition(interaction.guild, condition, channel, members);
        patch.channelId = channel.id;
        patch.ownsChannel = false;
        patch.brokenReason = null;
      }
      if (discreet !== null && discreet !== condition.discreet) {
        const moved = await switchDiscreet(interaction.guild, { ...condition, ...patch }, members, discreet);
        Object.assign(patch, moved, { discreet, ...(discreet ? { greeting: false } : {}) });
      }
      if (name && condition.roleId && condition.ownsRole && !patch.discreet) {
        await interaction.guild.roles.edit(condition.roleId, { name }).catch((e: unknown) => ctx.logger.warn({ err: e, guildId: interaction.guildId }, 'could not rename a condition role'));
      }
    } catch (error) {
      if (!(error instanceof CannotProvision)) throw error;
      throw new UserError([`I couldn't change **${condition.name}** in Discord. Here is what to fix:`, ...error.problems.map((p) => `• ${problemText(p, condition.name, `<#${condition.channelId}>`)}`)].join('\n'));
    }
    if (Object.keys(patch).length === 0) throw new UserError('Nothing to change: give at least one of name, description, emoji, discreet, greeting or channel.');
    const now = ctx.clock.now();
    const updated = await ctx.db.transaction(async (tx) => {
      const row = await updateCondition(tx, condition.id, patch);
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'condition.edit', target: condition.id, details: { changed: Object.keys(patch).join(',') } }, now);
      return row;
    });
    await interaction.editReply({ content: `Updated ${label(updated)}: <#${updated.channelId}>${updated.discreet ? ' (discreet)' : ''}.`, allowedMentions: { parse: [] } });
  },
  autocomplete: (ctx, interaction) => autocompleteConditions(ctx, interaction),
} satisfies Subcommand;

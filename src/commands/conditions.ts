import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { joinedConditionIds, listConditions } from '../features/conditions/store.js';
import { label } from './condition/membership.js';
import type { SlashCommand } from './types.js';

export const conditionsCommand = {
  kind: 'slash',
  data: new SlashCommandBuilder().setName('conditions').setDescription('The condition channels you are in, and the ones you can join').setContexts(InteractionContextType.Guild),
  access: 'everyone',
  async execute(ctx, interaction) {
    const all = await listConditions(ctx.db, interaction.guildId);
    const joined = await joinedConditionIds(ctx.db, interaction.guildId, interaction.user.id);
    const mine = all.filter((c) => joined.has(c.id));
    const others = all.filter((c) => !joined.has(c.id));
    const lines: string[] = [];
    if (all.length === 0) lines.push('This server has no condition channels yet.');
    if (mine.length > 0) lines.push('**You are in**', ...mine.map((c) => `• ${label(c)}: <#${c.channelId}>`));
    else if (all.length > 0) lines.push("You haven't joined any group yet.");
    if (others.length > 0) lines.push('', '**You can join** (with `/join`)', ...others.map((c) => `• ${label(c)}: ${c.description}`));
    await interaction.reply({ content: lines.join('\n').slice(0, 2000), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
} satisfies SlashCommand;

import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { listAudit } from '../features/audit/audit-log.js';
import { auditLines } from '../features/audit/format.js';
import type { SlashCommand } from './types.js';

const DAY_MS = 86_400_000;

export const audit = {
  kind: 'slash',
  data: new SlashCommandBuilder()
    .setName('audit')
    .setDescription("Haven's record of admin and moderator actions (kept longer than Discord's 45 days)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((o) => o.setName('days').setDescription('How far back (default 7)').setMinValue(1).setMaxValue(366))
    .addUserOption((o) => o.setName('actor').setDescription('Only actions by this person')),
  access: 'admin',
  async execute(ctx, interaction) {
    const days = interaction.options.getInteger('days') ?? 7;
    const actor = interaction.options.getUser('actor');
    const since = new Date(ctx.clock.now().getTime() - days * DAY_MS);
    const rows = await listAudit(ctx.db, interaction.guildId, { since, ...(actor ? { actorId: actor.id } : {}), limit: 40 });
    const heading = `**Audit log — last ${days} day${days === 1 ? '' : 's'}${actor ? ` by <@${actor.id}>` : ''}**`;
    const body = rows.length === 0 ? 'Nothing recorded in that period.' : auditLines(rows, 1900 - heading.length);
    await interaction.reply({ content: `${heading}\n${body}`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
} satisfies SlashCommand;

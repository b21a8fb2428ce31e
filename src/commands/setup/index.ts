import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../types.js';
import { setupRegion } from './region.js';
import { setupShow } from './show.js';
import type { SetupSubcommand } from './types.js';

const subcommands: readonly SetupSubcommand[] = [setupRegion, setupShow];
const byName = new Map(subcommands.map((s) => [s.name, s]));

function builder(): SlashCommandBuilder {
  const data = new SlashCommandBuilder()
    .setName('setup')
    .setDescription('Configure Haven for this server (admins)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild);
  for (const s of subcommands) data.addSubcommand((sub) => s.build(sub.setName(s.name)));
  return data;
}

export const setup = {
  kind: 'slash',
  data: builder(),
  access: (path) => byName.get(path)?.access ?? 'admin',
  async execute(ctx, interaction) {
    const sub = byName.get(interaction.options.getSubcommand(true));
    if (!sub) throw new Error(`unknown /setup subcommand ${interaction.options.getSubcommand(true)}`);
    await sub.execute(ctx, interaction);
  },
  async autocomplete(ctx, interaction) {
    const sub = byName.get(interaction.options.getSubcommand(true));
    await (sub?.autocomplete ? sub.autocomplete(ctx, interaction) : interaction.respond([]));
  },
} satisfies SlashCommand;

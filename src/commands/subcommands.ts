import {
  InteractionContextType,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { AppContext } from '../context.js';
import type { Access } from '../features/permissions/access.js';
import type { SlashCommand } from './types.js';

/** One `/<command> <name>` subcommand with its own access level. */
export interface Subcommand {
  readonly name: string;
  readonly access: Access;
  build(sub: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  execute(ctx: AppContext, interaction: ChatInputCommandInteraction<'cached'>): Promise<void>;
  autocomplete?(ctx: AppContext, interaction: AutocompleteInteraction<'cached'>): Promise<void>;
}

/**
 * A slash command made of subcommands. `defaultPermissions` only hides it in Discord's UI; the
 * router checks each subcommand's `access` on every call.
 */
export function commandWithSubcommands(name: string, description: string, subcommands: readonly Subcommand[], defaultPermissions?: bigint): SlashCommand {
  const byName = new Map(subcommands.map((s) => [s.name, s]));
  const data = new SlashCommandBuilder().setName(name).setDescription(description).setContexts(InteractionContextType.Guild);
  if (defaultPermissions !== undefined) data.setDefaultMemberPermissions(defaultPermissions);
  for (const s of subcommands) data.addSubcommand((sub) => s.build(sub.setName(s.name)));
  return {
    kind: 'slash',
    data,
    access: (path) => byName.get(path)?.access ?? 'admin',
    async execute(ctx, interaction) {
      const sub = byName.get(interaction.options.getSubcommand(true));
      if (!sub) throw new Error(`unknown /${name} subcommand ${interaction.options.getSubcommand(true)}`);
      await sub.execute(ctx, interaction);
    },
    async autocomplete(ctx, interaction) {
      const sub = byName.get(interaction.options.getSubcommand(true));
      await (sub?.autocomplete ? sub.autocomplete(ctx, interaction) : interaction.respond([]));
    },
  };
}

import type { AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import type { AppContext } from '../../context.js';
import type { Access } from '../../features/permissions/access.js';

/** One `/setup <name>` subcommand; features add theirs to the list in ./index.ts. */
export interface SetupSubcommand {
  readonly name: string;
  readonly access: Access;
  build(sub: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  execute(ctx: AppContext, interaction: ChatInputCommandInteraction<'cached'>): Promise<void>;
  autocomplete?(ctx: AppContext, interaction: AutocompleteInteraction<'cached'>): Promise<void>;
}

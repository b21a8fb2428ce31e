import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
  UserSelectMenuInteraction,
  RoleSelectMenuInteraction,
  ChannelSelectMenuInteraction,
} from 'discord.js';
import type { AppContext } from '../context.js';
import type { Access } from '../features/permissions/access.js';

interface CommandData {
  readonly name: string;
  toJSON(): RESTPostAPIApplicationCommandsJSONBody;
}

/**
 * A slash command. `access` is enforced by the router on every call; a function receives the
 * invoked subcommand path ('region', 'moderation', 'anonymous reveal', or '' without one).
 */
export interface SlashCommand {
  readonly kind: 'slash';
  readonly data: CommandData;
  readonly access: Access | ((subcommand: string) => Access);
  execute(ctx: AppContext, interaction: ChatInputCommandInteraction<'cached'>): Promise<void>;
  autocomplete?(ctx: AppContext, interaction: AutocompleteInteraction<'cached'>): Promise<void>;
}

export interface MessageMenuCommand {
  readonly kind: 'message-menu';
  readonly data: CommandData;
  readonly access: Access;
  execute(ctx: AppContext, interaction: MessageContextMenuCommandInteraction<'cached'>): Promise<void>;
}

export type Command = SlashCommand | MessageMenuCommand;

export type ComponentInteraction =
  | ButtonInteraction<'cached'>
  | StringSelectMenuInteraction<'cached'>
  | UserSelectMenuInteraction<'cached'>
  | RoleSelectMenuInteraction<'cached'>
  | ChannelSelectMenuInteraction<'cached'>
  | ModalSubmitInteraction<'cached'>;

/**
 * Buttons, selects and modals, routed by the first segment of their custom id. The rest of the
 * id carries the state (`prefix:arg1:arg2`), so a component keeps working after a restart.
 */
export interface ComponentHandler {
  readonly prefix: string;
  readonly access: Access;
  handle(ctx: AppContext, interaction: ComponentInteraction, args: string[]): Promise<void>;
  /** Buttons Haven puts in DMs (e.g. on a crisis message) are clicked outside any server; args carry the server. */
  handleDm?(ctx: AppContext, interaction: ButtonInteraction | ModalSubmitInteraction, args: string[]): Promise<void>;
}

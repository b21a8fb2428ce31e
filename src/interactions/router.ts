import type { Interaction, RepliableInteraction } from 'discord.js';
import type { AppContext } from '../context.js';
import { UserError } from '../errors.js';
import type { Command, ComponentHandler, ComponentInteraction, SlashCommand } from '../commands/types.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { mayUse, refusalText, type Access } from '../features/permissions/access.js';
import { parseCustomId } from './custom-id.js';
import { failureText } from './failure-text.js';
import { respondPrivately } from './respond.js';
import { standingOf, subcommandPath } from './standing.js';

export const GUILD_ONLY_TEXT = 'Haven works inside a server: please use this command in one of your support server’s channels.';
export const DRAINING_TEXT = 'Haven is restarting right now. Please try again in a few seconds.';

export interface Router {
  handle(interaction: Interaction): Promise<void>;
  /** Stop taking new interactions and wait (up to `timeoutMs`) for the ones in flight. */
  drain(timeoutMs: number): Promise<void>;
}

/** The one place every interaction goes through: access checks, error handling, tracking. */
export function createRouter(ctx: AppContext, commands: readonly Command[], components: readonly ComponentHandler[]): Router {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const byPrefix = new Map(components.map((c) => [c.prefix, c]));
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  async function route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const command = byName.get(interaction.commandName);
      if (command?.kind !== 'slash' || !command.autocomplete || !interaction.inCachedGuild()) return interaction.respond([]);
      return command.autocomplete(ctx, interaction);
    }
    if (!interaction.isRepliable()) return;
    if (!accepting) return respondPrivately(interaction, DRAINING_TEXT);
    if (!interaction.inGuild() && (interaction.isButton() || interaction.isModalSubmit())) {
      const { prefix, args } = parseCustomId(interaction.customId);
      const handler = byPrefix.get(prefix);
      if (handler?.handleDm) return handler.handleDm(ctx, interaction, args);
    }
    if (!interaction.inCachedGuild()) return respondPrivately(interaction, GUILD_ONLY_TEXT);

    if (interaction.isChatInputCommand()) {
      const command = byName.get(interaction.commandName);
      if (command?.kind !== 'slash') return respondPrivately(interaction, 'That command is no longer available.');
      if (!(await allowed(interaction, accessOf(command, subcommandPath(interaction))))) return;
      return command.execute(ctx, interaction);
    }
    if (interaction.isMessageContextMenuCommand()) {
      const command = byName.get(interaction.commandName);
      if (command?.kind !== 'message-menu') return respondPrivately(interaction, 'That action is no longer available.');
      if (!(await allowed(interaction, command.access))) return;
      return command.execute(ctx, interaction);
    }
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const { prefix, args } = parseCustomId(interaction.customId);
      const handler = byPrefix.get(prefix);
      if (!handler) return respondPrivately(interaction, 'This button is from an older version of Haven and no longer works.');
      if (!(await allowed(interaction, handler.access))) return;
      return handler.handle(ctx, interaction as ComponentInteraction, args);
    }
  }

  async function allowed(interaction: RepliableInteraction<'cached'>, access: Access): Promise<boolean> {
    if (access === 'everyone') return true;
    const settings = await getGuildSettings(ctx.db, interaction.guildId);
    if (mayUse(access, standingOf(interaction), settings)) return true;
    ctx.logger.info({ event: 'access_refused', guildId: interaction.guildId, access, interaction: describe(interaction) }, 'refused');
    await respondPrivately(interaction, refusalText(access));
    return false;
  }

  async function handle(interaction: Interaction): Promise<void> {
    try {
      await route(interaction);
    } catch (error) {
      await fail(interaction, error);
    }
  }

  async function fail(interaction: Interaction, error: unknown): Promise<void> {
    const fields = { guildId: interaction.guildId, interaction: describe(interaction) };
    if (error instanceof UserError) {
      if (interaction.isRepliable()) await respondPrivately(interaction, error.message).catch((e: unknown) => ctx.logger.warn({ ...fields, err: e }, 'could not show a refusal'));
      return;
    }
    ctx.logger.error({ ...fields, err: error }, 'interaction failed');
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]).catch(() => {});
      return;
    }
    if (interaction.isRepliable()) {
      await respondPrivately(interaction, failureText(error)).catch((e: unknown) => ctx.logger.warn({ ...fields, err: e }, 'could not tell the member about a failure'));
    }
  }

  return {
    handle(interaction) {
      const work = handle(interaction);
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      return work;
    },
    async drain(timeoutMs) {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}

function accessOf(command: SlashCommand, path: string): Access {
  return typeof command.access === 'function' ? command.access(path) : command.access;
}

/** What to log about an interaction: names and ids, never option values (they may be private). */
function describe(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return `/${interaction.commandName}`;
  return `component:${parseCustomId(interaction.customId).prefix}`;
}

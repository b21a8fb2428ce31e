import { ApplicationCommandOptionType, InteractionContextType, MessageFlags, SlashCommandBuilder, type APIApplicationCommandOption } from 'discord.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { mayUse, type Access } from '../features/permissions/access.js';
import { standingOf } from '../interactions/standing.js';
import type { Command, SlashCommand } from './types.js';

interface Entry {
  readonly usage: string;
  readonly description: string;
  readonly access: Access;
}

/** Every invocable path of a command: `/setup region`, `/join`, and context-menu names. */
function entries(command: Command): Entry[] {
  const json = command.data.toJSON();
  if (command.kind === 'message-menu') return [{ usage: `Message menu → Apps → **${json.name}**`, description: 'Right-click (or long-press) a message', access: command.access }];
  const description = 'description' in json ? (json.description ?? '') : '';
  const options: APIApplicationCommandOption[] = 'options' in json ? (json.options ?? []) : [];
  const subs = options.flatMap((o: APIApplicationCommandOption): { path: string; description: string }[] => {
    if (o.type === ApplicationCommandOptionType.Subcommand) return [{ path: o.name, description: o.description }];
    if (o.type === ApplicationCommandOptionType.SubcommandGroup) return (o.options ?? []).map((s: { name: string; description: string }) => ({ path: `${o.name} ${s.name}`, description: s.description }));
    return [];
  });
  const accessOf = (path: string): Access => (typeof command.access === 'function' ? command.access(path) : command.access);
  if (subs.length === 0) return [{ usage: `/${json.name}`, description, access: accessOf('') }];
  return subs.map((s) => ({ usage: `/${json.name} ${s.path}`, description: s.description, access: accessOf(s.path) }));
}

const sections: { access: Access; title: string }[] = [
  { access: 'everyone', title: '**For everyone**' },
  { access: 'moderator', title: '**For moderators**' },
  { access: 'admin', title: '**For admins**' },
];

/** `/help` lists only what the asking member may use, so it never teases refused commands. */
export function createHelp(listCommands: () => readonly Command[]): SlashCommand {
  return {
    kind: 'slash',
    data: new SlashCommandBuilder().setName('help').setDescription('What Haven does here and which commands you can use').setContexts(InteractionContextType.Guild),
    access: 'everyone',
    async execute(ctx, interaction) {
      const settings = await getGuildSettings(ctx.db, interaction.guildId);
      const standing = standingOf(interaction);
      const all = listCommands().flatMap(entries);
      const lines = [
        `**Haven** helps this server support each other: private condition channels, weekly check-ins, anonymous posts, crisis resources and a private line to the moderators. Everything Haven shows you about yourself is private to you.`,
        '',
      ];
      for (const section of sections) {
        const mine = all.filter((e) => e.access === section.access && mayUse(e.access, standing, settings));
        if (mine.length === 0) continue;
        lines.push(section.title, ...mine.map((e) => `${e.usage} — ${e.description}`), '');
      }
      lines.push('If you are in danger right now, please call your local emergency number. `/resources` lists crisis lines for your country.');
      await interaction.reply({ content: lines.join('\n').slice(0, 2000), flags: MessageFlags.Ephemeral });
    },
  };
}

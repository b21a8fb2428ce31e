import { ApplicationCommandOptionType, EmbedBuilder, InteractionContextType, MessageFlags, SlashCommandBuilder, type APIApplicationCommandOption } from 'discord.js';
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
      const intro = [
        '**Haven** helps this server support each other: private condition channels, weekly check-ins, anonymous posts, crisis resources and a private line to the moderators. Everything Haven shows you about yourself is private to you.',
        'If you are in danger right now, please call your local emergency number. `/resources` lists crisis lines for your country.',
      ].join('\n');
      const embeds = sections.flatMap((section) => {
        const mine = all.filter((e) => e.access === section.access && mayUse(e.access, standing, settings));
        return mine.length === 0 ? [] : [new EmbedBuilder().setTitle(section.title.replace(/\*/g, '')).setDescription(mine.map((e) => `${e.usage} — ${e.description}`).join('\n').slice(0, 4096))];
      });
      // Discord: at most 6000 characters of embeds per message; the admin list goes in a second one if needed.
      const [first, ...rest] = embeds;
      const fits = (list: EmbedBuilder[]) => list.reduce((n, e) => n + (e.data.title?.length ?? 0) + (e.data.description?.length ?? 0), 0) <= 5800;
      const together = fits(embeds) ? embeds : first ? [first] : [];
      await interaction.reply({ content: intro, embeds: together, flags: MessageFlags.Ephemeral });
      if (together.length < embeds.length) for (const e of rest) await interaction.followUp({ embeds: [e], flags: MessageFlags.Ephemeral });
    },
  };
}

import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../errors.js';
import { recordAudit } from '../features/audit/audit-log.js';
import { detectCrisis } from '../features/crisis/detector.js';
import { serviceLine } from '../features/crisis/messages.js';
import { addLocalService, listLocalServices, removeLocalService } from '../features/crisis/store.js';
import { commandWithSubcommands, type Subcommand } from './subcommands.js';

const localAdd: Subcommand = {
  name: 'local-add',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('Add a local service shown beside the national lines (e.g. an oncology nurse line)')
      .addStringOption((o) => o.setName('name').setDescription('Service name').setRequired(true).setMaxLength(100))
      .addStringOption((o) => o.setName('hours').setDescription('When it is open, e.g. Mon–Fri 9:00–17:00').setRequired(true).setMaxLength(100))
      .addStringOption((o) => o.setName('phone').setDescription('Phone number').setMaxLength(40))
      .addStringOption((o) => o.setName('text').setDescription('Text (SMS) number').setMaxLength(40))
      .addStringOption((o) => o.setName('url').setDescription('Web or chat address (https://…)').setMaxLength(300)),
  async execute(ctx, interaction) {
    const name = interaction.options.getString('name', true).trim();
    const hours = interaction.options.getString('hours', true).trim();
    const phone = interaction.options.getString('phone')?.trim() || null;
    const text = interaction.options.getString('text')?.trim() || null;
    const url = interaction.options.getString('url')?.trim() || null;
    if (!phone && !text && !url) throw new UserError('Give at least one way to reach the service: phone, text or url.');
    for (const n of [phone, text]) if (n && !/^[+*]?[0-9][0-9 ()-]*[0-9]$/.test(n)) throw new UserError(`“${n}” doesn't look like a number people can dial. Use digits, spaces and dashes, e.g. +1 555 010 0199.`);
    if (url && !/^https:\/\/[^\s]+$/.test(url)) throw new UserError('The url must start with https://');
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      const row = await addLocalService(tx, { guildId: interaction.guildId, name, hours, phone, text, url, addedBy: interaction.user.id }, now);
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'crisis.local-add', target: row.id, details: { name } }, now);
    });
    await interaction.reply({ content: `Added: ${serviceLine({ name, phone: phone ?? undefined, text: text ?? undefined, url: url ?? undefined, hours })}. It now shows in \`/resources\` here.`, flags: MessageFlags.Ephemeral });
  },
};

const localRemove: Subcommand = {
  name: 'local-remove',
  access: 'admin',
  build: (sub) => sub.setDescription('Remove a local service').addStringOption((o) => o.setName('service').setDescription('Which one').setRequired(true).setAutocomplete(true)),
  async execute(ctx, interaction) {
    const id = interaction.options.getString('service', true);
    const now = ctx.clock.now();
    const removed = await removeLocalService(ctx.db, interaction.guildId, id);
    if (!removed) throw new UserError('That service is not on the list any more. Pick one from the suggestions.');
    await recordAudit(ctx.db, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'crisis.local-remove', target: removed.id, details: { name: removed.name } }, now);
    await interaction.reply({ content: `Removed **${removed.name}**.`, flags: MessageFlags.Ephemeral });
  },
  async autocomplete(ctx, interaction) {
    const q = interaction.options.getFocused().toLowerCase();
    const all = await listLocalServices(ctx.db, interaction.guildId);
    await interaction.respond(all.filter((s) => s.name.toLowerCase().includes(q)).slice(0, 25).map((s) => ({ name: s.name.slice(0, 100), value: s.id })));
  },
};

const test: Subcommand = {
  name: 'test',
  access: 'moderator',
  build: (sub) => sub.setDescription('See what the crisis detector would do with a text (only you see it)').addStringOption((o) => o.setName('text').setDescription('Text to check').setRequired(true).setMaxLength(2000)),
  async execute(_ctx, interaction) {
    const result = detectCrisis(interaction.options.getString('text', true));
    const verdict =
      result.level === 'urgent'
        ? '🔴 **Urgent**: the member would get resources with the emergency number first, and the moderator role would be pinged.'
        : result.level === 'concern'
          ? '🟠 **Concern**: the member would get resources privately, and the moderators would get a case.'
          : '⚪ **Nothing**: Haven would not react.';
    const why = result.matched.length > 0 ? `\nMatched: ${result.matched.map((m) => `\`${m}\``).join(', ')}` : '';
    await interaction.reply({ content: `${verdict}${why}`, flags: MessageFlags.Ephemeral });
  },
};

export const crisis = commandWithSubcommands('crisis', 'Crisis resources set-up and testing (admins and moderators)', [localAdd, localRemove, test], PermissionFlagsBits.ManageGuild);

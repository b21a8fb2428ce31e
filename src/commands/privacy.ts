import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, MessageFlags } from 'discord.js';
import { describeMemberData, exportJson } from '../features/privacy/describe.js';
import { customId } from '../interactions/custom-id.js';
import { eraseMember, memberData } from '../discord/member-erasure.js';
import { commandWithSubcommands, type Subcommand } from './subcommands.js';
import type { ComponentHandler } from './types.js';

const CONFIRM_DELETE = 'privdel';

const show: Subcommand = {
  name: 'show',
  access: 'everyone',
  build: (sub) => sub.setDescription('What Haven keeps about you on this server (only you see this)'),
  async execute(ctx, interaction) {
    const sections = await memberData(ctx, interaction.guildId, interaction.user.id);
    await interaction.reply({ content: describeMemberData(sections), flags: MessageFlags.Ephemeral });
  },
};

const exportData: Subcommand = {
  name: 'export',
  access: 'everyone',
  build: (sub) => sub.setDescription('Everything Haven keeps about you here, as a JSON file (only you see it)'),
  async execute(ctx, interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const sections = await memberData(ctx, interaction.guildId, interaction.user.id);
    const file = new AttachmentBuilder(Buffer.from(exportJson(interaction.guildId, ctx.clock.now(), sections)), { name: 'haven-my-data.json' });
    await interaction.editReply({ content: 'Here is everything Haven keeps about you on this server.', files: [file] });
  },
};

const erase: Subcommand = {
  name: 'delete',
  access: 'everyone',
  build: (sub) => sub.setDescription('Erase what Haven keeps about you on this server (asks to confirm)'),
  async execute(_ctx, interaction) {
    const confirm = new ButtonBuilder().setCustomId(customId(CONFIRM_DELETE, interaction.user.id)).setLabel('Yes, erase my data').setStyle(ButtonStyle.Danger);
    await interaction.reply({
      content: [
        'This erases, at once and for good: the condition channels you joined (you lose access to them), your check-in reminders and mood answers, your saved country and crisis-message choice, your name on reports you filed, and the link between you and your anonymous posts (the posts stay, fully anonymous).',
        'Messages you wrote in channels are Discord\'s, not Haven\'s: delete those in Discord.',
      ].join('\n\n'),
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(confirm)],
      flags: MessageFlags.Ephemeral,
    });
  },
};

export const privacy = commandWithSubcommands('privacy', 'See, export or erase what Haven keeps about you', [show, exportData, erase]);

export const confirmDelete: ComponentHandler = {
  prefix: CONFIRM_DELETE,
  access: 'everyone',
  async handle(ctx, interaction, [userId]) {
    if (!interaction.isButton()) return;
    if (userId !== interaction.user.id) {
      await interaction.reply({ content: 'This button erases the data of the member who asked for it, not yours. Use `/privacy delete` yourself.', flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferUpdate();
    const counts = await eraseMember(ctx, interaction.guildId, interaction.user.id, true);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    await interaction.editReply({ content: total > 0 ? 'Done: everything Haven kept about you on this server is erased.' : 'Done: Haven had nothing about you to erase.', components: [] });
  },
};

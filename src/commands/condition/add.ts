import { ChannelType, MessageFlags } from 'discord.js';
import { UserError } from '../../errors.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { problemText } from '../../features/conditions/health.js';
import { channelNameFor, validateConditionName, validateDescription } from '../../features/conditions/rules.js';
import { findByName, insertCondition } from '../../features/conditions/store.js';
import { CannotProvision, provisionCondition, undoProvision } from '../../discord/condition-channels.js';
import type { Subcommand } from '../subcommands.js';

export const conditionAdd = {
  name: 'add',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('Create a private channel for a condition, and the way members join it')
      .addStringOption((o) => o.setName('name').setDescription('e.g. Breast cancer').setRequired(true).setMaxLength(50))
      .addStringOption((o) => o.setName('description').setDescription('One line members see before joining').setRequired(true).setMaxLength(200))
      .addStringOption((o) => o.setName('emoji').setDescription('Shown beside the name, e.g. 🎗️').setMaxLength(32))
      .addChannelOption((o) => o.setName('channel').setDescription('Use an existing text channel instead of creating one').addChannelTypes(ChannelType.GuildText))
      .addRoleOption((o) => o.setName('role').setDescription('Use an existing role instead of creating one'))
      .addBooleanOption((o) => o.setName('discreet').setDescription('No role on profiles: access is granted per member (default off)'))
      .addBooleanOption((o) => o.setName('greeting').setDescription('Welcome new members in the channel (default on; always off when discreet)')),
  async execute(ctx, interaction) {
    const name = interaction.options.getString('name', true).trim();
    const description = interaction.options.getString('description', true).trim();
    const emoji = interaction.options.getString('emoji')?.trim() || null;
    const channel = interaction.options.getChannel('channel', false, [ChannelType.GuildText]);
    const role = interaction.options.getRole('role');
    const discreet = interaction.options.getBoolean('discreet') ?? false;
    const greeting = !discreet && (interaction.options.getBoolean('greeting') ?? true);
    const problem = validateConditionName(name) ?? validateDescription(description);
    if (problem) throw new UserError(problem);
    if (discreet && role) throw new UserError('A discreet condition works without a role (roles show on profiles). Leave out `role`, or turn off `discreet`.');
    if (role && (role.managed || role.id === interaction.guildId)) throw new UserError(`**${role.name}** is managed by Discord or an integration; pick a role you created, or leave \`role\` out and Haven will create one.`);
    if (await findByName(ctx.db, interaction.guildId, name)) throw new UserError(`There is already a condition called **${name}**. Use \`/condition edit\` to change it.`);

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let provisioned;
    try {
      provisioned = await provisionCondition(interaction.guild, { name, channelName: channelNameFor(name), description, discreet, channel, role });
    } catch (error) {
      if (!(error instanceof CannotProvision)) throw error;
      const fixes = error.problems.map((p) => `• ${problemText(p, name, channel ? `<#${channel.id}>` : 'the new channel')}`);
      throw new UserError([`I couldn't set up **${name}** yet. Here is what to fix, then run the command again:`, ...fixes].join('\n'));
    }
    const now = ctx.clock.now();
    const condition = await ctx.db
      .transaction(async (tx) => {
      const row = await insertCondition(
        tx,
        {
          guildId: interaction.guildId, name, description, emoji, discreet, greeting, channelId: provisioned.channelId, roleId: provisioned.roleId,
          ownsRole: provisioned.createdRole, ownsChannel: provisioned.createdChannel, createdBy: interaction.user.id,
        },
        now,
      );
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'condition.add', target: row.id, details: { name, discreet } }, now);
      return row;
    })
      .catch(async (error: unknown) => {
        await undoProvision(interaction.guild, provisioned);
        throw error;
      });
    const access = condition.discreet ? 'discreet: members get access one by one, and no role shows on their profile' : `members get the <@&${condition.roleId}> role`;
    await interaction.editReply({
      content: `Created **${name}**: <#${condition.channelId}> (${access}). Members can join with \`/join ${name}\`, or post a panel with \`/condition panel\`.`,
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand;

import { ChannelType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../../errors.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { revealPolicyText } from '../../features/anonymous/rules.js';
import { getAnonChannel, setAnonChannel } from '../../features/anonymous/store.js';
import { updateGuildSettings } from '../../features/settings/guild-settings.js';
import type { Subcommand } from '../subcommands.js';

export const setupAnonymous = {
  name: 'anonymous',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('Where members may post anonymously, and the rules')
      .addChannelOption((o) => o.setName('channel').setDescription('Text channel').setRequired(true).addChannelTypes(ChannelType.GuildText))
      .addBooleanOption((o) => o.setName('enabled').setDescription('Allow anonymous posts here').setRequired(true))
      .addBooleanOption((o) => o.setName('review').setDescription('Posts wait for a moderator’s approval (default off)'))
      .addBooleanOption((o) => o.setName('links').setDescription('Allow links in anonymous posts (default on)'))
      .addIntegerOption((o) => o.setName('rate_limit').setDescription('Posts per author per 10 minutes (default 5)').setMinValue(1).setMaxValue(50))
      .addStringOption((o) =>
        o.setName('rotation').setDescription('Pseudonyms: stable per thread (default), or also new every day or week')
          .addChoices({ name: 'stable per thread', value: 'never' }, { name: 'new every day', value: 'daily' }, { name: 'new every week', value: 'weekly' }),
      )
      .addBooleanOption((o) => o.setName('reveal').setDescription('Server-wide: let admins reveal an author (audited). Default off')),
  async execute(ctx, interaction) {
    const channel = interaction.options.getChannel('channel', true, [ChannelType.GuildText]);
    const enabled = interaction.options.getBoolean('enabled', true);
    const reveal = interaction.options.getBoolean('reveal');
    const me = interaction.guild.members.me;
    if (enabled && me && !channel.permissionsFor(me).has([PermissionFlagsBits.ManageWebhooks, PermissionFlagsBits.ViewChannel])) {
      throw new UserError(`Haven posts anonymous messages through a webhook: allow the Haven role **Manage Webhooks** in <#${channel.id}>, then run this again.`);
    }
    const current = await getAnonChannel(ctx.db, channel.id);
    const now = ctx.clock.now();
    const saved = await ctx.db.transaction(async (tx) => {
      const row = await setAnonChannel(tx, {
        channelId: channel.id, guildId: interaction.guildId, enabled,
        review: interaction.options.getBoolean('review') ?? current?.review ?? false,
        allowLinks: interaction.options.getBoolean('links') ?? current?.allowLinks ?? true,
        rateLimit: interaction.options.getInteger('rate_limit') ?? current?.rateLimit ?? 5,
        rateWindowMinutes: current?.rateWindowMinutes ?? 10,
        rotation: (interaction.options.getString('rotation') as 'never' | 'daily' | 'weekly' | null) ?? current?.rotation ?? 'never',
      }, now);
      if (reveal !== null) await updateGuildSettings(tx, interaction.guildId, { anonRevealEnabled: reveal }, now);
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'settings.anonymous', target: channel.id, details: { enabled, review: row.review, links: row.allowLinks, rateLimit: row.rateLimit, rotation: row.rotation, reveal } }, now);
      return row;
    });
    const lines = [
      enabled
        ? `Anonymous posts are **on** in <#${channel.id}>${saved.review ? ', after a moderator approves each one' : ''}. Members use \`/anon post\` there, or **Reply anonymously** on a message. At most ${saved.rateLimit} posts per ${saved.rateWindowMinutes} minutes per author${saved.allowLinks ? '' : '; links are off'}; pseudonyms ${saved.rotation === 'never' ? 'stay the same within a thread' : `change every ${saved.rotation === 'daily' ? 'day' : 'week'}`}.`
        : `Anonymous posts are **off** in <#${channel.id}>.`,
    ];
    if (reveal !== null) lines.push(revealPolicyText(reveal));
    await interaction.reply({ content: lines.join('\n'), flags: MessageFlags.Ephemeral });
  },
} satisfies Subcommand;

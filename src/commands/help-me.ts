import { ChannelType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, ThreadAutoArchiveDuration } from 'discord.js';
import { announce, escalate, refreshCard } from '../discord/case-card.js';
import { UserError } from '../errors.js';
import { blockKeyFor, sealAuthor } from '../features/anonymous/seal.js';
import { createRelay } from '../features/cases/relay-store.js';
import { openCase } from '../features/cases/store.js';
import { setHelpThread } from '../features/cases/store.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import type { SlashCommand } from './types.js';

/** `/help-me`: a private thread with the member and the moderators (members' DMs are often closed). */
export const helpMe = {
  kind: 'slash',
  data: new SlashCommandBuilder()
    .setName('help-me')
    .setDescription('Ask the moderators for private help')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('message').setDescription('What you need (only moderators will see it)').setMaxLength(1000))
    .addBooleanOption((o) => o.setName('anonymous').setDescription('Talk to the moderators through Haven without them learning who you are')),
  access: 'everyone',
  async execute(ctx, interaction) {
    const text = interaction.options.getString('message')?.trim() ?? '';
    const anonymous = interaction.options.getBoolean('anonymous') ?? false;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    if (anonymous) {
      if (!text) throw new UserError('Add a `message` so the moderators know how to help: they will reply through Haven.');
      const c = await openCase(ctx.db, { guildId: interaction.guildId, kind: 'anon-help', urgency: 'normal', subjectId: null, anonymous: true, summary: `An anonymous member asked: ${text}` }, null, ctx.clock.now());
      await createRelay(ctx.db, { caseId: c.id, guildId: c.guildId, memberSeal: sealAuthor(ctx.anon, interaction.user.id, c.id), memberKey: blockKeyFor(ctx.anon, c.guildId, interaction.user.id) });
      await announce(ctx, c);
      await interaction.editReply("The moderators have your message, and they can't see who you are. Their replies come to you by DM from Haven, with a **Reply** button; keep DMs from this server open to receive them.");
      return;
    }
    const c = await escalate(ctx, { guildId: interaction.guildId, kind: 'help', urgency: 'normal', subjectId: interaction.user.id, summary: text ? `Asked: ${text}` : 'Asked for private help (no message).' }, null);
    const settings = await getGuildSettings(ctx.db, interaction.guildId);
    const channel = interaction.channel;
    const me = interaction.guild.members.me;
    const canThread = channel?.type === ChannelType.GuildText && me && channel.permissionsFor(me).has([PermissionFlagsBits.CreatePrivateThreads, PermissionFlagsBits.SendMessagesInThreads]);
    if (!canThread) {
      await interaction.editReply('The moderators have your request and will reach out to you soon. (I couldn’t open a private thread in this channel; if your DMs are closed, try `/help-me` in another channel.)');
      return;
    }
    try {
      const thread = await channel.threads.create({ name: `Help for ${interaction.member.displayName}`.slice(0, 100), type: ChannelType.PrivateThread, invitable: false, autoArchiveDuration: ThreadAutoArchiveDuration.ThreeDays });
      await thread.members.add(interaction.user.id);
      const mods = settings.moderatorRoleId ? `<@&${settings.moderatorRoleId}>` : 'Moderators';
      await thread.send({
        content: `${mods}: <@${interaction.user.id}> asked for help${text ? `:\n> ${text.replace(/\n/g, '\n> ')}` : '.'}\n\nOnly you and the moderators can see this thread. Someone will be with you soon.`,
        allowedMentions: { users: [interaction.user.id], roles: settings.moderatorRoleId ? [settings.moderatorRoleId] : [] },
      });
      const updated = await setHelpThread(ctx.db, c.id, thread.id);
      if (updated) await refreshCard(ctx, updated);
      await interaction.editReply(`I opened a private thread for you and the moderators: <#${thread.id}>. Only you and them can see it.`);
    } catch (error) {
      ctx.logger.warn({ guildId: interaction.guildId, err: error }, 'could not open a /help-me thread');
      await interaction.editReply('The moderators have your request and will reach out to you soon.');
    }
  },
} satisfies SlashCommand;

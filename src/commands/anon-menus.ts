import { ActionRowBuilder, ApplicationCommandType, ButtonBuilder, ButtonStyle, ChannelType, ContextMenuCommandBuilder, InteractionContextType, MessageFlags } from 'discord.js';
import { UserError } from '../errors.js';
import { recordAudit } from '../features/audit/audit-log.js';
import { block, getPost, postByMessage, updatePost } from '../features/anonymous/store.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { customId } from '../interactions/custom-id.js';
import { deleteAnonymous } from '../discord/anon-poster.js';
import { destinationOf } from '../discord/anon-flow.js';
import { finishPost, POST_MODAL, postModal, selfDelete, SELF_DELETE } from './anon.js';
import type { ComponentHandler, MessageMenuCommand } from './types.js';

const REPLY_MODAL = 'anonreply';
const MOD_PREFIX = 'anonmod';

/** Message menu → Apps → Reply anonymously: the reply goes in that message's thread (created if needed). */
export const replyAnonymously: MessageMenuCommand = {
  kind: 'message-menu',
  data: new ContextMenuCommandBuilder().setName('Reply anonymously').setType(ApplicationCommandType.Message).setContexts(InteractionContextType.Guild),
  access: 'everyone',
  async execute(ctx, interaction) {
    const settings = await getGuildSettings(ctx.db, interaction.guildId);
    await interaction.showModal(postModal(customId(REPLY_MODAL, interaction.targetMessage.channelId, interaction.targetId), 'Reply anonymously', settings.anonRevealEnabled));
  },
};

export const postModalHandler: ComponentHandler = {
  prefix: POST_MODAL,
  access: 'everyone',
  async handle(ctx, interaction, [channelId]) {
    if (!interaction.isModalSubmit() || !channelId) return;
    await finishPost(ctx, interaction, await destinationOf(interaction.guild, channelId));
  },
};

export const replyModalHandler: ComponentHandler = {
  prefix: REPLY_MODAL,
  access: 'everyone',
  async handle(ctx, interaction, [channelId, messageId]) {
    if (!interaction.isModalSubmit() || !channelId || !messageId) return;
    const channel = await interaction.guild.channels.fetch(channelId).catch(() => null);
    if (!channel) throw new UserError('That channel is gone.');
    if (channel.isThread()) return finishPost(ctx, interaction, { channelId: channel.parentId!, threadId: channel.id });
    if (channel.type !== ChannelType.GuildText) throw new UserError('Anonymous replies work in text channels and their threads.');
    const message = await channel.messages.fetch(messageId).catch(() => null);
    if (!message) throw new UserError('That message was deleted, so there is nothing to reply to.');
    const thread = message.thread ?? (await message.startThread({ name: (message.content || 'Replies').slice(0, 80) || 'Replies' }));
    return finishPost(ctx, interaction, { channelId: channel.id, threadId: thread.id });
  },
};

export const selfDeleteHandler: ComponentHandler = {
  prefix: SELF_DELETE,
  access: 'everyone',
  async handle(ctx, interaction, [postId]) {
    if (interaction.isButton()) await selfDelete(ctx, interaction, postId);
  },
};

/** Message menu → Apps → Moderate anonymous post: delete it, or block its author without learning who. */
export const moderateAnonymous: MessageMenuCommand = {
  kind: 'message-menu',
  data: new ContextMenuCommandBuilder().setName('Moderate anonymous post').setType(ApplicationCommandType.Message).setContexts(InteractionContextType.Guild),
  access: 'moderator',
  async execute(ctx, interaction) {
    const target = await postByMessage(ctx.db, interaction.guildId, interaction.targetId);
    if (!target) throw new UserError("That isn't an anonymous post made by Haven.");
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(customId(MOD_PREFIX, 'delete', target.id)).setLabel('Delete post').setStyle(ButtonStyle.Danger),
      new ButtonBuilder().setCustomId(customId(MOD_PREFIX, 'block7', target.id)).setLabel('Block author 7 days').setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setCustomId(customId(MOD_PREFIX, 'block', target.id)).setLabel('Block author').setStyle(ButtonStyle.Secondary),
    );
    await interaction.reply({ content: `Post by **${target.pseudonym}**. Blocking stops its author from posting anonymously; nobody learns who they are.`, components: [row], flags: MessageFlags.Ephemeral });
  },
};

export const moderateButtons: ComponentHandler = {
  prefix: MOD_PREFIX,
  access: 'moderator',
  async handle(ctx, interaction, [action, postId]) {
    if (!interaction.isButton()) return;
    const target = postId ? await getPost(ctx.db, postId) : undefined;
    if (!target || target.guildId !== interaction.guildId) throw new UserError('That post no longer exists.');
    const now = ctx.clock.now();
    if (action === 'delete') {
      await deleteAnonymous(ctx, target);
      await updatePost(ctx.db, target.id, { status: 'deleted', pendingContent: null });
      await recordAudit(ctx.db, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'anon.delete', target: target.id, details: { pseudonym: target.pseudonym } }, now);
      await interaction.update({ content: `Deleted the post by **${target.pseudonym}**.`, components: [] });
      return;
    }
    if (!target.authorKey) throw new UserError("This post's author link was erased, so there is nobody to block.");
    const until = action === 'block7' ? new Date(now.getTime() + 7 * 86_400_000) : null;
    await block(ctx.db, { guildId: interaction.guildId, authorKey: target.authorKey, until, reason: null, createdBy: interaction.user.id }, now);
    await recordAudit(ctx.db, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'anon.block', target: target.id, details: { days: until ? 7 : null } }, now);
    await interaction.update({ content: `The author of **${target.pseudonym}**'s post can't post anonymously ${until ? `until <t:${Math.floor(until.getTime() / 1000)}:F>` : 'until unblocked with `/anon unblock`'}. Nobody was told who they are.`, components: [] });
  },
};

import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, ModalBuilder, TextInputBuilder, TextInputStyle, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { AppContext } from '../context.js';
import { UserError } from '../errors.js';
import { recordAudit } from '../features/audit/audit-log.js';
import { MAX_LENGTH, revealPolicyText } from '../features/anonymous/rules.js';
import { blockKeyFor, openAuthor } from '../features/anonymous/seal.js';
import { getPost, postByMessage, postsByAuthor, unblock, updatePost } from '../features/anonymous/store.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { customId } from '../interactions/custom-id.js';
import { deleteAnonymous } from '../discord/anon-poster.js';
import { submitAnonymous, type Destination } from '../discord/anon-flow.js';
import { notifyAdmins } from '../discord/notify-admins.js';
import { commandWithSubcommands, type Subcommand } from './subcommands.js';

export const POST_MODAL = 'anonpost';
export const SELF_DELETE = 'anonself';
const unix = (d: Date): number => Math.floor(d.getTime() / 1000);

/** The modal members write in; it says up front whether reveal is possible on this server. */
export function postModal(id: string, title: string, revealEnabled: boolean): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(id)
    .setTitle(title)
    .addComponents(
      new ActionRowBuilder<TextInputBuilder>().addComponents(
        new TextInputBuilder()
          .setCustomId('text')
          .setLabel('Your post (nobody sees your name)')
          .setPlaceholder(revealEnabled ? 'Admins may reveal authors in serious cases (audited).' : 'Not even admins can see who wrote it.')
          .setStyle(TextInputStyle.Paragraph)
          .setRequired(true)
          .setMaxLength(MAX_LENGTH),
      ),
    );
}

/** Runs a submitted anonymous post and tells the author privately (resources first if their words worried the crisis check). */
export async function finishPost(ctx: AppContext, interaction: ModalSubmitInteraction<'cached'>, where: Destination): Promise<void> {
  const text = interaction.fields.getTextInputValue('text');
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { post, crisis } = await submitAnonymous(ctx, interaction.guild, interaction.user.id, where, text);
  const lines: string[] = [];
  if (crisis !== 'none') lines.push('Before anything else: it sounds like things are heavy right now. `/resources` shows free, confidential support lines for where you are, and `/help-me` reaches the moderators privately. You are not alone.', '');
  lines.push(post.status === 'pending' ? `Thank you. Your post is waiting for a moderator's approval; I'll let you know privately. It will appear as **${post.pseudonym}**.` : `Posted anonymously as **${post.pseudonym}** in <#${where.threadId ?? where.channelId}>. \`/anon mine\` lists your posts if you want to delete one.`);
  await interaction.editReply({ content: lines.join('\n'), allowedMentions: { parse: [] } });
}

const post: Subcommand = {
  name: 'post',
  access: 'everyone',
  build: (sub) => sub.setDescription('Post anonymously in this channel'),
  async execute(ctx, interaction) {
    const settings = await getGuildSettings(ctx.db, interaction.guildId);
    await interaction.showModal(postModal(customId(POST_MODAL, interaction.channelId), 'Post anonymously', settings.anonRevealEnabled));
  },
};

const mine: Subcommand = {
  name: 'mine',
  access: 'everyone',
  build: (sub) => sub.setDescription('Your recent anonymous posts (only you see this), with a delete button each'),
  async execute(ctx, interaction) {
    const posts = (await postsByAuthor(ctx.db, interaction.guildId, blockKeyFor(ctx.anon, interaction.guildId, interaction.user.id), 10)).filter((p) => p.status === 'posted' || p.status === 'pending');
    if (posts.length === 0) {
      await interaction.reply({ content: 'You have no anonymous posts here.', flags: MessageFlags.Ephemeral });
      return;
    }
    const lines = posts.map((p, i) => `${i + 1}. **${p.pseudonym}** in <#${p.threadId ?? p.channelId}>, <t:${unix(p.createdAt)}:R>${p.status === 'pending' ? ' (waiting for review)' : p.messageId ? `: https://discord.com/channels/${p.guildId}/${p.threadId ?? p.channelId}/${p.messageId}` : ''}`);
    const rows = [];
    for (let i = 0; i < posts.length; i += 5) {
      rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(posts.slice(i, i + 5).map((p, j) => new ButtonBuilder().setCustomId(customId(SELF_DELETE, p.id)).setLabel(`Delete ${i + j + 1}`).setStyle(ButtonStyle.Danger))));
    }
    await interaction.reply({ content: lines.join('\n'), components: rows, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};

/** Reads a message link or id and finds the anonymous post behind it. */
async function postFromLink(ctx: AppContext, guildId: string, input: string) {
  const id = /(\d{17,20})\s*$/.exec(input.trim())?.[1];
  const found = id ? await postByMessage(ctx.db, guildId, id) : undefined;
  if (!found) throw new UserError("That isn't an anonymous post Haven made here. Paste the post's link (right-click → Copy Message Link).");
  return found;
}

const unblockCommand: Subcommand = {
  name: 'unblock',
  access: 'moderator',
  build: (sub) => sub.setDescription("Let the author of a post post anonymously again (you won't learn who it is)").addStringOption((o) => o.setName('message').setDescription('Link to one of their anonymous posts').setRequired(true)),
  async execute(ctx, interaction) {
    const target = await postFromLink(ctx, interaction.guildId, interaction.options.getString('message', true));
    const done = target.authorKey ? await unblock(ctx.db, interaction.guildId, target.authorKey) : false;
    await recordAudit(ctx.db, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'anon.unblock', target: target.id, details: {} }, ctx.clock.now());
    await interaction.reply({ content: done ? `The author of that post (${target.pseudonym}) can post anonymously again.` : "That post's author wasn't blocked.", flags: MessageFlags.Ephemeral });
  },
};

const reveal: Subcommand = {
  name: 'reveal',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('Reveal who wrote one anonymous post (only if enabled; recorded and announced)')
      .addStringOption((o) => o.setName('message').setDescription('Link to the post').setRequired(true))
      .addStringOption((o) => o.setName('reason').setDescription('Why (kept in the audit log)').setRequired(true).setMinLength(10).setMaxLength(500)),
  async execute(ctx, interaction) {
    const settings = await getGuildSettings(ctx.db, interaction.guildId);
    if (!settings.anonRevealEnabled) throw new UserError(`Revealing authors is turned off on this server. ${revealPolicyText(false)}`);
    const target = await postFromLink(ctx, interaction.guildId, interaction.options.getString('message', true));
    const reason = interaction.options.getString('reason', true);
    if (!target.authorSeal) throw new UserError("This post's author link was erased (the author deleted their data), so nobody can reveal it.");
    const authorId = openAuthor(ctx.anon, target.authorSeal, target.id);
    await recordAudit(ctx.db, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'anon.reveal', target: target.id, details: { reason } }, ctx.clock.now());
    await notifyAdmins(ctx, interaction.guildId, `<@${interaction.user.id}> revealed the author of an anonymous post (${target.pseudonym}). Reason: ${reason}`);
    await interaction.reply({ content: `The post by **${target.pseudonym}** was written by <@${authorId}>. This reveal is in the audit log and was announced to the moderators.`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};

export const anon = commandWithSubcommands('anon', 'Post anonymously, and manage anonymous posts', [post, mine, unblockCommand, reveal]);

/** "Delete" in /anon mine: only the author's own key matches. */
export async function selfDelete(ctx: AppContext, interaction: ButtonInteraction<'cached'>, postId: string | undefined): Promise<void> {
  const target = postId ? await getPost(ctx.db, postId) : undefined;
  const mineKey = blockKeyFor(ctx.anon, interaction.guildId, interaction.user.id);
  if (!target || target.authorKey !== mineKey) throw new UserError("That isn't one of your posts any more.");
  if (target.status === 'deleted') throw new UserError('That post is already deleted.');
  await deleteAnonymous(ctx, target);
  await updatePost(ctx.db, target.id, { status: 'deleted', pendingContent: null });
  await interaction.reply({ content: `Deleted your post as **${target.pseudonym}**.`, flags: MessageFlags.Ephemeral });
}

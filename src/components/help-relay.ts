import { ActionRowBuilder, ButtonBuilder, ButtonStyle, DiscordAPIError, MessageFlags, ModalBuilder, RESTJSONErrorCodes, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { AppContext } from '../context.js';
import { UserError } from '../errors.js';
import { blockKeyFor, openAuthor } from '../features/anonymous/seal.js';
import { getRelay } from '../features/cases/relay-store.js';
import { addCaseEvent, getCase, type Case } from '../features/cases/store.js';
import { customId } from '../interactions/custom-id.js';
import { postInCaseThread } from '../discord/case-card.js';
import type { ComponentHandler } from '../commands/types.js';

export const MOD_REPLY_MODAL = 'relaymod';
const MEMBER_REPLY_BUTTON = 'relayreply';
const MEMBER_REPLY_MODAL = 'relaymsg';

export function relayModal(id: string, title: string, label: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(id)
    .setTitle(title)
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(new TextInputBuilder().setCustomId('text').setLabel(label).setStyle(TextInputStyle.Paragraph).setRequired(true).setMaxLength(1500)));
}

async function relayCase(ctx: AppContext, caseId: string | undefined): Promise<{ c: Case; memberId: string }> {
  const c = caseId ? await getCase(ctx.db, caseId) : undefined;
  const relay = c ? await getRelay(ctx.db, c.id) : undefined;
  if (!c || !relay?.memberSeal) throw new UserError('This conversation has ended (the member may have erased their data).');
  return { c, memberId: openAuthor(ctx.anon, relay.memberSeal, c.id) };
}

/** A moderator's reply: Haven delivers it by DM; the moderator never learns who receives it. */
export const moderatorReply: ComponentHandler = {
  prefix: MOD_REPLY_MODAL,
  access: 'moderator',
  async handle(ctx, interaction, [caseId]) {
    if (!interaction.isModalSubmit()) return;
    const { c, memberId } = await relayCase(ctx, caseId);
    if (c.guildId !== interaction.guildId || c.kind !== 'anon-help' || c.state === 'resolved') throw new UserError('This conversation has ended.');
    const text = interaction.fields.getTextInputValue('text').trim();
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const button = new ButtonBuilder().setCustomId(customId(MEMBER_REPLY_BUTTON, c.id)).setLabel('Reply').setStyle(ButtonStyle.Primary);
    try {
      const user = await ctx.client.users.fetch(memberId);
      await user.send({ content: `A moderator of **${interaction.guild.name}** replied to your anonymous request for help:\n> ${text.replace(/\n/g, '\n> ')}\n\nThey still don't know who you are. Use **Reply** to answer.`, components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)], allowedMentions: { parse: [] } });
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser)) throw error;
      throw new UserError("Haven couldn't deliver the reply: the member's DMs are closed. They can write again with `/help-me anonymous:True`.");
    }
    await addCaseEvent(ctx.db, c, interaction.user.id, 'relay:moderator', ctx.clock.now(), text);
    await postInCaseThread(ctx, c, `↪️ <@${interaction.user.id}> replied to the member: ${text}`);
    await interaction.editReply('Delivered privately. Their answer will appear in this case’s thread.');
  },
};

export const memberReplyButton: ComponentHandler = {
  prefix: MEMBER_REPLY_BUTTON,
  access: 'everyone',
  async handle() {
    throw new UserError('Use the Reply button in your DMs with Haven.');
  },
  async handleDm(_ctx, interaction, [caseId]) {
    if (!interaction.isButton() || !caseId) return;
    await interaction.showModal(relayModal(customId(MEMBER_REPLY_MODAL, caseId), 'Reply to the moderators', 'Your message (they won’t see your name)'));
  },
};

/** The member's answer: checked against the relay's keyed hash, posted in the case thread without a name. */
export const memberReplyModal: ComponentHandler = {
  prefix: MEMBER_REPLY_MODAL,
  access: 'everyone',
  async handle() {
    throw new UserError('Use the Reply button in your DMs with Haven.');
  },
  async handleDm(ctx, interaction, [caseId]) {
    if (!interaction.isModalSubmit()) return;
    const c = caseId ? await getCase(ctx.db, caseId) : undefined;
    const relay = c ? await getRelay(ctx.db, c.id) : undefined;
    if (!c || !relay?.memberKey || relay.memberKey !== blockKeyFor(ctx.anon, c.guildId, interaction.user.id)) throw new UserError('This conversation has ended.');
    const text = interaction.fields.getTextInputValue('text').trim();
    await addCaseEvent(ctx.db, c, null, 'relay:member', ctx.clock.now(), text);
    await postInCaseThread(ctx, c, `💬 Anonymous member: ${text}`);
    await interaction.reply({ content: 'Sent to the moderators. They still don’t know who you are.' });
  },
};

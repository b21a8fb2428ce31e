import {
  ActionRowBuilder,
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { escalate } from '../discord/case-card.js';
import { customId } from '../interactions/custom-id.js';
import type { ComponentHandler, MessageMenuCommand } from './types.js';

const REPORT_MODAL = 'report';
export const REPORT_THANKS = 'Thank you for telling us. The moderators have it now, and they never tell anyone who reported a message.';

/** Message menu → Apps → Report to moderators: a modal for an optional reason, then a case. */
export const reportMessage: MessageMenuCommand = {
  kind: 'message-menu',
  data: new ContextMenuCommandBuilder().setName('Report to moderators').setType(ApplicationCommandType.Message).setContexts(InteractionContextType.Guild),
  access: 'everyone',
  async execute(_ctx, interaction) {
    const modal = new ModalBuilder()
      .setCustomId(customId(REPORT_MODAL, interaction.targetMessage.channelId, interaction.targetId))
      .setTitle('Report to moderators')
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder().setCustomId('reason').setLabel('What worries you? (optional)').setStyle(TextInputStyle.Paragraph).setRequired(false).setMaxLength(500),
        ),
      );
    await interaction.showModal(modal);
  },
};

export const reportModal: ComponentHandler = {
  prefix: REPORT_MODAL,
  access: 'everyone',
  async handle(ctx, interaction, [channelId, messageId]) {
    if (!interaction.isModalSubmit() || !channelId || !messageId) return;
    const reason = interaction.fields.getTextInputValue('reason').trim();
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const channel = await ctx.client.channels.fetch(channelId).catch(() => null);
    const message = channel?.isTextBased() ? await channel.messages.fetch(messageId).catch(() => null) : null;
    const fromWebhook = Boolean(message?.webhookId);
    await escalate(
      ctx,
      {
        guildId: interaction.guildId,
        kind: 'report',
        urgency: 'normal',
        subjectId: message && !fromWebhook ? message.author.id : null,
        reporterId: interaction.user.id,
        anonymous: fromWebhook,
        channelId,
        messageId,
        excerpt: message ? message.content.slice(0, 300) || '(no text: embeds or attachments only)' : '(the message was deleted before it could be read)',
        summary: reason ? `Reason given: ${reason}` : 'No reason given.',
      },
      // The trail records members only through reporter_id, which /privacy delete can erase.
      null,
    );
    await interaction.editReply(REPORT_THANKS);
  },
};

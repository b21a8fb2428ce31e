import { ActionRowBuilder, MessageFlags, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { AppContext } from '../context.js';
import { UserError } from '../errors.js';
import { repingDelayMs } from '../features/cases/card.js';
import { addCaseEvent, claimCase, getCase, resolveCase, unclaimCase, type Case } from '../features/cases/store.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { cancelTimer, scheduleTimer } from '../features/timers/timers.js';
import { customId } from '../interactions/custom-id.js';
import { CASE_PREFIX, cardPayload, postInCaseThread, refreshCard, REPING_TIMER } from '../discord/case-card.js';
import type { ComponentHandler, ComponentInteraction } from '../commands/types.js';
import { postByCase } from '../features/anonymous/store.js';
import { decideReview } from '../discord/anon-flow.js';
import { MOD_REPLY_MODAL, relayModal } from './help-relay.js';

const NOTE_MODAL = 'casenote';
const RESOLVE_MODAL = 'caseresolve';

async function caseFor(ctx: AppContext, interaction: ComponentInteraction, id: string | undefined): Promise<Case> {
  const c = id ? await getCase(ctx.db, id) : undefined;
  if (!c || c.guildId !== interaction.guildId) throw new UserError('That case no longer exists.');
  return c;
}

/** Shows the new card in place when the click came from the card itself, else edits it separately. */
async function showCard(ctx: AppContext, interaction: ComponentInteraction, c: Case): Promise<void> {
  if ((interaction.isButton() || (interaction.isModalSubmit() && interaction.isFromMessage())) && interaction.message?.id === c.cardMessageId) {
    await interaction.update(cardPayload(c));
    return;
  }
  await refreshCard(ctx, c);
  await interaction.reply({ content: `Case ${c.number} updated.`, flags: MessageFlags.Ephemeral });
}

function textModal(id: string, title: string, label: string, required: boolean, maxLength: number): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(id)
    .setTitle(title)
    .addComponents(
      new ActionRowBuilder<TextInputBuilder>().addComponents(
        new TextInputBuilder().setCustomId('text').setLabel(label).setStyle(TextInputStyle.Paragraph).setRequired(required).setMaxLength(maxLength),
      ),
    );
}

/** Claim, Unclaim, Ask for backup, Note and Resolve on a case card. */
export const caseActions: ComponentHandler = {
  prefix: CASE_PREFIX,
  access: 'moderator',
  async handle(ctx, interaction, [action, id]) {
    if (!interaction.isButton()) return;
    const now = ctx.clock.now();
    switch (action) {
      case 'claim': {
        const result = await claimCase(ctx.db, (await caseFor(ctx, interaction, id)).id, interaction.user.id, now);
        if (!result) throw new UserError('That case no longer exists.');
        if (!result.ok) {
          const holder = result.case.state === 'resolved' ? `was already resolved by <@${result.case.resolvedBy}>` : `is already claimed by <@${result.case.claimedBy}>`;
          throw new UserError(`Case ${result.case.number} ${holder}.`);
        }
        await cancelTimer(ctx.db, REPING_TIMER, result.case.id);
        return showCard(ctx, interaction, result.case);
      }
      case 'unclaim': {
        const c = await caseFor(ctx, interaction, id);
        const result = await unclaimCase(ctx.db, c.id, interaction.user.id, now);
        if (!result?.ok) throw new UserError(c.state === 'claimed' ? `Only <@${c.claimedBy}>, who claimed case ${c.number}, can unclaim it.` : `Case ${c.number} isn't claimed.`);
        await scheduleTimer(ctx.db, { kind: REPING_TIMER, key: c.id, guildId: c.guildId, dueAt: new Date(now.getTime() + repingDelayMs(c.urgency, await getGuildSettings(ctx.db, c.guildId))) }, now);
        return showCard(ctx, interaction, result.case);
      }
      case 'backup': {
        const c = await caseFor(ctx, interaction, id);
        const settings = await getGuildSettings(ctx.db, c.guildId);
        const role = settings.seniorRoleId ?? settings.moderatorRoleId;
        await addCaseEvent(ctx.db, c, interaction.user.id, 'backup', now);
        await postInCaseThread(ctx, c, `${role ? `<@&${role}> ` : ''}<@${interaction.user.id}> is asking for backup on case ${c.number}.`, role ? [role] : []);
        await interaction.reply({ content: 'Backup requested: the senior moderators were pinged in the case thread.', flags: MessageFlags.Ephemeral });
        return;
      }
      case 'note': {
        const c = await caseFor(ctx, interaction, id);
        await interaction.showModal(textModal(customId(NOTE_MODAL, c.id), `Note on case ${c.number}`, 'Note (moderators only)', true, 1000));
        return;
      }
      case 'resolve': {
        const c = await caseFor(ctx, interaction, id);
        if (c.state === 'resolved') throw new UserError(`Case ${c.number} was already resolved by <@${c.resolvedBy}>.`);
        await interaction.showModal(textModal(customId(RESOLVE_MODAL, c.id), `Resolve case ${c.number}`, 'Outcome (what was done)', true, 500));
        return;
      }
      case 'reply': {
        const c = await caseFor(ctx, interaction, id);
        if (c.kind !== 'anon-help') throw new UserError('Reply works on anonymous help requests.');
        await interaction.showModal(relayModal(customId(MOD_REPLY_MODAL, c.id), `Reply on case ${c.number}`, 'Your reply (delivered privately)'));
        return;
      }
      case 'approve':
      case 'reject': {
        const c = await caseFor(ctx, interaction, id);
        const post = await postByCase(ctx.db, c.id);
        if (!post) throw new UserError('That post is gone.');
        await interaction.deferUpdate();
        await decideReview(ctx, post, action === 'approve');
        const result = await resolveCase(ctx.db, c.id, interaction.user.id, action === 'approve' ? 'Approved and posted' : 'Rejected', now);
        await cancelTimer(ctx.db, REPING_TIMER, c.id);
        if (result) await interaction.editReply(cardPayload(result.case));
        return;
      }
      default:
        throw new UserError('This button is from an older version of Haven and no longer works.');
    }
  },
};

export const caseNoteModal: ComponentHandler = {
  prefix: NOTE_MODAL,
  access: 'moderator',
  async handle(ctx, interaction, [id]) {
    if (!interaction.isModalSubmit()) return;
    const c = await caseFor(ctx, interaction, id);
    const note = interaction.fields.getTextInputValue('text').trim();
    await addCaseEvent(ctx.db, c, interaction.user.id, 'note', ctx.clock.now(), note);
    await postInCaseThread(ctx, c, `📝 Note from <@${interaction.user.id}>: ${note}`);
    await interaction.reply({ content: `Note added to case ${c.number}.`, flags: MessageFlags.Ephemeral });
  },
};

export const caseResolveModal: ComponentHandler = {
  prefix: RESOLVE_MODAL,
  access: 'moderator',
  async handle(ctx, interaction, [id]) {
    if (!interaction.isModalSubmit()) return;
    const c = await caseFor(ctx, interaction, id);
    const outcome = interaction.fields.getTextInputValue('text').trim();
    const result = await resolveCase(ctx.db, c.id, interaction.user.id, outcome, ctx.clock.now());
    if (!result?.ok) throw new UserError(`Case ${c.number} was already resolved by <@${result?.case.resolvedBy ?? c.resolvedBy}>; nothing changed.`);
    await cancelTimer(ctx.db, REPING_TIMER, c.id);
    await showCard(ctx, interaction, result.case);
  },
};

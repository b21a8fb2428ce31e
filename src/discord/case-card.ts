import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  EmbedBuilder,
  type ForumChannel,
  type MessageCreateOptions,
} from 'discord.js';
import type { AppContext } from '../context.js';
import { cardModel, kindLabels, repingDelayMs, stateLabels, threadName } from '../features/cases/card.js';
import { casesWithoutCard, openCase, setCard, type Case, type NewCase } from '../features/cases/store.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { scheduleTimer } from '../features/timers/timers.js';
import { customId } from '../interactions/custom-id.js';
import { notifyAdmins } from './notify-admins.js';

export const CASE_PREFIX = 'case';
export const REPING_TIMER = 'case.reping';
export const CARD_RETRY_TIMER = 'case.card';

const buttonLabels = { claim: 'Claim', unclaim: 'Unclaim', backup: 'Ask for backup', note: 'Note', reply: 'Reply', resolve: 'Resolve', approve: 'Approve', reject: 'Reject' } as const;

/** The card's embed and buttons; the buttons carry the case id, so they work after a restart. */
export function cardPayload(c: Case): { embeds: EmbedBuilder[]; components: ActionRowBuilder<ButtonBuilder>[] } {
  const model = cardModel(c);
  const embed = new EmbedBuilder().setTitle(model.title).setColor(model.color).addFields(model.fields);
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    model.actions.map((action) =>
      new ButtonBuilder()
        .setCustomId(customId(CASE_PREFIX, action, c.id))
        .setLabel(buttonLabels[action])
        .setStyle(action === 'claim' || action === 'approve' ? ButtonStyle.Primary : action === 'resolve' ? ButtonStyle.Success : action === 'reject' ? ButtonStyle.Danger : ButtonStyle.Secondary),
    ),
  );
  return { embeds: [embed], components: [row] };
}

/** Forum tags for kind and state, created once on the queue forum (Discord allows 20). */
async function forumTags(forum: ForumChannel, c: Case): Promise<string[]> {
  const wanted = [kindLabels[c.kind], stateLabels[c.state].replace(/^\S+\s/, '')];
  const missing = wanted.filter((name) => !forum.availableTags.some((t) => t.name === name));
  if (missing.length > 0 && forum.availableTags.length + missing.length <= 20) {
    await forum.setAvailableTags([...forum.availableTags, ...missing.map((name) => ({ name, moderated: true }))]);
  }
  return wanted.flatMap((name) => forum.availableTags.find((t) => t.name === name)?.id ?? []);
}

/** Posts the card in the moderators' queue. False (and the admins told) when it can't be posted yet. */
export async function postCard(ctx: AppContext, c: Case, options: { ping: boolean; tellAdmins: boolean }): Promise<boolean> {
  const { ping } = options;
  const settings = await getGuildSettings(ctx.db, c.guildId);
  const pingRole = ping ? (c.urgency === 'urgent' && settings.seniorRoleId ? [settings.moderatorRoleId, settings.seniorRoleId] : [settings.moderatorRoleId]).filter((r): r is string => Boolean(r)) : [];
  const content = pingRole.length > 0 ? `${pingRole.map((r) => `<@&${r}>`).join(' ')} ${c.urgency === 'urgent' ? 'urgent case' : 'new case'}` : undefined;
  const payload: MessageCreateOptions = { ...cardPayload(c), ...(content ? { content } : {}), allowedMentions: { roles: pingRole } };
  try {
    if (!settings.queueChannelId) throw new Error('no queue channel');
    const queue = await ctx.client.channels.fetch(settings.queueChannelId);
    if (queue?.type === ChannelType.GuildForum) {
      const appliedTags = await forumTags(queue, c).catch(() => []);
      const thread = await queue.threads.create({ name: threadName(c), message: payload, appliedTags });
      await setCard(ctx.db, c.id, { cardChannelId: thread.id, cardMessageId: thread.id, cardThreadId: thread.id });
      return true;
    }
    if (queue?.type !== ChannelType.GuildText) throw new Error('queue channel is missing or not a text or forum channel');
    const message = await queue.send(payload);
    const thread = await message.startThread({ name: threadName(c) }).catch(() => null);
    await setCard(ctx.db, c.id, { cardChannelId: queue.id, cardMessageId: message.id, cardThreadId: thread?.id ?? null });
    return true;
  } catch (error) {
    ctx.logger.warn({ guildId: c.guildId, caseNumber: c.number, err: error, event: 'case_card_unposted' }, 'could not post a case card; will retry');
    await scheduleTimer(ctx.db, { kind: CARD_RETRY_TIMER, key: c.id, guildId: c.guildId, dueAt: new Date(ctx.clock.now().getTime() + 5 * 60_000) }, ctx.clock.now());
    if (!options.tellAdmins) return false;
    await notifyAdmins(
      ctx,
      c.guildId,
      `Case ${c.number} (${kindLabels[c.kind]}) is saved but I couldn't post it in the moderators' queue. Check the queue channel with \`/setup show\`, or set one with \`/setup moderation\`; the card is posted as soon as it works.`,
    );
    return false;
  }
}

/** Re-draws a card after a change (state, claim, notes). */
export async function refreshCard(ctx: AppContext, c: Case): Promise<void> {
  if (!c.cardChannelId || !c.cardMessageId) return;
  try {
    const channel = await ctx.client.channels.fetch(c.cardChannelId);
    if (!channel?.isTextBased()) return;
    await channel.messages.edit(c.cardMessageId, cardPayload(c));
    if (channel.isThread() && channel.parent?.type === ChannelType.GuildForum) {
      const tags = await forumTags(channel.parent, c).catch(() => null);
      if (tags) await channel.setAppliedTags(tags).catch(() => {});
    }
  } catch (error) {
    ctx.logger.warn({ guildId: c.guildId, caseNumber: c.number, err: error }, 'could not refresh a case card');
  }
}

/** Posts in the card's thread (notes, backup requests, re-pings), visible only to moderators. */
export async function postInCaseThread(ctx: AppContext, c: Case, content: string, pingRoles: string[] = []): Promise<void> {
  const id = c.cardThreadId ?? c.cardChannelId;
  if (!id) return;
  const channel = await ctx.client.channels.fetch(id);
  if (channel?.isSendable()) await channel.send({ content, allowedMentions: { roles: pingRoles } });
}

/**
 * Opens a case and brings it to the moderators. The case is saved first: if Discord fails, the
 * card is retried and nothing is lost.
 */
export async function escalate(ctx: AppContext, input: NewCase, actorId: string | null): Promise<Case> {
  const c = await openCase(ctx.db, input, actorId, ctx.clock.now());
  await announce(ctx, c);
  return c;
}

/** Brings a saved case to the moderators: the re-ping timer, then the card. */
export async function announce(ctx: AppContext, c: Case): Promise<void> {
  const now = ctx.clock.now();
  const settings = await getGuildSettings(ctx.db, c.guildId);
  await scheduleTimer(ctx.db, { kind: REPING_TIMER, key: c.id, guildId: c.guildId, dueAt: new Date(now.getTime() + repingDelayMs(c.urgency, settings)) }, now);
  await postCard(ctx, c, { ping: c.urgency === 'urgent', tellAdmins: true });
}

/** Posts every card that couldn't be posted before (after `/setup moderation` fixes the queue). */
export async function postPendingCards(ctx: AppContext, guildId: string): Promise<number> {
  let posted = 0;
  for (const c of await casesWithoutCard(ctx.db, guildId)) if (await postCard(ctx, c, { ping: c.urgency === 'urgent' && c.state !== 'resolved', tellAdmins: false })) posted++;
  return posted;
}

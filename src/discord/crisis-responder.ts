import { ActionRowBuilder, ButtonBuilder, ButtonStyle, DiscordAPIError, RESTJSONErrorCodes, type Message } from 'discord.js';
import type { AppContext } from '../context.js';
import { sql } from 'drizzle-orm';
import { addCaseEvent, getCase, openCase } from '../features/cases/store.js';
import { detectCrisis, type CrisisResult } from '../features/crisis/detector.js';
import { hotlinesFor } from '../features/crisis/hotlines.js';
import { channelNudgeText, crisisReplyText } from '../features/crisis/messages.js';
import { getPrefs, latestFlagWithCase, listLocalServices, recordFlag, repliedSince, updateFlag } from '../features/crisis/store.js';
import { getGuildSettings, type GuildSettings } from '../features/settings/guild-settings.js';
import { customId } from '../interactions/custom-id.js';
import { announce, postInCaseThread } from './case-card.js';

export const OPT_OUT_PREFIX = 'crisisopt';
export const NOT_ME_PREFIX = 'crisisfb';

const levelWords = { urgent: 'urgent (a plan, means, a goodbye, or a medical emergency now)', concern: 'concern (distress or thoughts of dying)' } as const;

/**
 * Every message in a server passes the local detector (no network, no database unless it flags).
 * A flag is saved first; then the moderators get a case and the member a private, gentle message.
 */
export async function respondToMessage(ctx: AppContext, message: Message<true>): Promise<void> {
  if (message.author.bot || message.webhookId || message.system || !message.content) return;
  const result = detectCrisis(message.content);
  if (result.level === 'none') return;
  const settings = await getGuildSettings(ctx.db, message.guildId);
  if (!settings.crisisEnabled) return;
  await handleFlag(ctx, settings, message, result.level, result);
}

async function handleFlag(ctx: AppContext, settings: GuildSettings, message: Message<true>, level: 'concern' | 'urgent', result: CrisisResult): Promise<void> {
  const now = ctx.clock.now();
  const memberId = message.author.id;
  const flag = await recordFlag(ctx.db, { guildId: message.guildId, memberId, channelId: message.channelId, messageId: message.id, level }, now);
  ctx.logger.info({ guildId: message.guildId, event: 'crisis_flag', level, flagId: flag.id }, 'crisis language flagged');
  const cooldownStart = new Date(now.getTime() - settings.crisisCooldownHours * 3_600_000);

  // Moderators: one case per member while it is being handled; later flags join it. The lookup and
  // the opening are serialised per member, so two messages a moment apart don't open two cases.
  const { joined, opened, reply, prefs } = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`crisis:${message.guildId}:${memberId}`}))`);
    // Whether to write to the member is decided here too, and marked at once, so the cooldown holds.
    const prefs = await getPrefs(tx, message.guildId, memberId);
    const reply = !prefs?.crisisOptOut && settings.crisisReply !== 'moderators-only' && !(await repliedSince(tx, message.guildId, memberId, cooldownStart));
    await updateFlag(tx, flag.id, { memberReply: reply ? 'sending' : 'none' });
    const earlier = await latestFlagWithCase(tx, message.guildId, memberId, cooldownStart);
    const open = earlier?.caseId ? await getCase(tx, earlier.caseId) : undefined;
    if (open && open.state !== 'resolved') {
      await addCaseEvent(tx, open, null, `flag:${level}`, now);
      await updateFlag(tx, flag.id, { caseId: open.id });
      return { joined: open, opened: undefined, reply, prefs };
    }
    const c = await openCase(
      tx,
      {
        guildId: message.guildId, kind: 'crisis', urgency: level === 'urgent' ? 'urgent' : 'normal', subjectId: memberId, channelId: message.channelId, messageId: message.id,
        excerpt: message.content.slice(0, 300), summary: `Automated crisis flag: ${levelWords[level]}. Matched: ${result.matched.slice(0, 5).join(', ')}. Please check in with the member.`,
      },
      null,
      now,
    );
    await updateFlag(tx, flag.id, { caseId: c.id });
    return { joined: undefined, opened: c, reply, prefs };
  });
  if (opened) await announce(ctx, opened);
  if (joined) {
    const ping = level === 'urgent' && settings.moderatorRoleId ? [settings.moderatorRoleId] : [];
    await postInCaseThread(ctx, joined, `${ping.map((r) => `<@&${r}> `).join('')}Another message from this member was flagged (${level}): ${message.url}`, ping).catch((e: unknown) =>
      ctx.logger.warn({ err: e, guildId: message.guildId }, 'could not add a flag to its case thread'),
    );
  }

  // The member: privately, gently, not too often, and never after they opted out.
  if (!reply) return;
  const country = prefs?.country ?? settings.country ?? undefined;
  const text = crisisReplyText(level, hotlinesFor(country), await listLocalServices(ctx.db, message.guildId), Boolean(settings.queueChannelId));
  if (settings.crisisReply === 'dm') {
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(customId(OPT_OUT_PREFIX, message.guildId)).setLabel("Don't send me these").setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setCustomId(customId(NOT_ME_PREFIX, flag.id)).setLabel("This wasn't about me").setStyle(ButtonStyle.Secondary),
    );
    try {
      await message.author.send({ content: text, components: [buttons], allowedMentions: { parse: [] } });
      await updateFlag(ctx.db, flag.id, { memberReply: 'dm' });
      return;
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser)) throw error;
    }
  }
  try {
    await message.reply({ content: channelNudgeText, allowedMentions: { parse: [], repliedUser: false } });
    await updateFlag(ctx.db, flag.id, { memberReply: 'channel' });
  } catch (error) {
    await updateFlag(ctx.db, flag.id, { memberReply: 'failed' });
    throw error;
  }
}

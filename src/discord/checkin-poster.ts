import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  RESTJSONErrorCodes,
  type Message,
} from 'discord.js';
import type { AppContext } from '../context.js';
import { lateness, moodLabels, nonceFor, summaryText } from '../features/checkins/rules.js';
import { getOccurrence, materializeNext, moodCounts, moodMembers, transitionOccurrence, updateOccurrence, updateSchedule, type Occurrence, type Schedule } from '../features/checkins/store.js';
import { scheduleTimer } from '../features/timers/timers.js';
import { customId } from '../interactions/custom-id.js';
import { notifyAdmins } from './notify-admins.js';

export const REMIND_TIMER = 'checkin.remind';
export const OPEN_TIMER = 'checkin.open';
export const CLOSE_TIMER = 'checkin.close';
export const MOOD_PREFIX = 'mood';

const unix = (d: Date): number => Math.floor(d.getTime() / 1000);

/** Discord refusals that no retry will fix: the schedule is marked failing and admins are told once. */
function isPermanent(error: unknown): boolean {
  return (
    error instanceof ChannelGone ||
    (error instanceof DiscordAPIError &&
    [RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel].includes(error.code as number))
  );
}

class ChannelGone extends Error {}

async function markFailing(ctx: AppContext, schedule: Schedule, reason: string): Promise<void> {
  await updateSchedule(ctx.db, schedule.id, { failingReason: reason });
  ctx.logger.warn({ guildId: schedule.guildId, scheduleId: schedule.id, event: 'checkin_failing', reason }, 'check-in could not be posted');
  if (!schedule.failingReason) {
    await notifyAdmins(ctx, schedule.guildId, `The check-in **${schedule.title}** couldn't be posted in <#${schedule.channelId}>: ${reason}. Fix the channel's permissions for Haven or move it with \`/checkin edit\`; the other check-ins keep running.`);
  }
}

/** Sets the reminder and start timers of an occurrence (and mirrors it as a Discord event when asked). */
export async function armOccurrence(ctx: AppContext, schedule: Schedule, occurrence: Occurrence): Promise<void> {
  const now = ctx.clock.now();
  if (schedule.remindMinutes > 0) {
    const remindAt = new Date(occurrence.startsAt.getTime() - schedule.remindMinutes * 60_000);
    if (occurrence.startsAt > now) await scheduleTimer(ctx.db, { kind: REMIND_TIMER, key: occurrence.id, guildId: schedule.guildId, dueAt: remindAt > now ? remindAt : now }, now);
  }
  await scheduleTimer(ctx.db, { kind: OPEN_TIMER, key: occurrence.id, guildId: schedule.guildId, dueAt: occurrence.startsAt }, now);
  if (schedule.mirrorEvents && !occurrence.eventId && occurrence.startsAt > now) await mirrorEvent(ctx, schedule, occurrence);
}

/** One Discord event per occurrence, from Haven's own computation (Discord's recurring events drift at DST). */
async function mirrorEvent(ctx: AppContext, schedule: Schedule, occurrence: Occurrence): Promise<void> {
  try {
    const guild = await ctx.client.guilds.fetch(schedule.guildId);
    const event = await guild.scheduledEvents.create({
      name: schedule.title.slice(0, 100),
      scheduledStartTime: occurrence.startsAt,
      scheduledEndTime: new Date(occurrence.startsAt.getTime() + schedule.durationMinutes * 60_000),
      privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
      entityType: GuildScheduledEventEntityType.External,
      entityMetadata: { location: `#${(await guild.channels.fetch(schedule.channelId).catch(() => null))?.name ?? 'check-in'}` },
      ...(schedule.prompt ? { description: schedule.prompt.slice(0, 1000) } : {}),
    });
    await updateOccurrence(ctx.db, occurrence.id, { eventId: event.id });
  } catch (error) {
    ctx.logger.warn({ guildId: schedule.guildId, err: error }, 'could not mirror a check-in as a Discord event');
  }
}

export async function unmirrorEvent(ctx: AppContext, occurrence: Occurrence): Promise<void> {
  if (!occurrence.eventId) return;
  const guild = await ctx.client.guilds.fetch(occurrence.guildId).catch(() => null);
  await guild?.scheduledEvents.delete(occurrence.eventId).catch(() => {});
}

/** Creates the next occurrence after `after` and arms it. */
export async function planNext(ctx: AppContext, schedule: Schedule, after: Date): Promise<Occurrence> {
  const next = await materializeNext(ctx.db, schedule, after);
  if (next.status === 'scheduled') await armOccurrence(ctx, schedule, next);
  return next;
}

async function sendable(ctx: AppContext, channelId: string) {
  const channel = await ctx.client.channels.fetch(channelId);
  if (!channel?.isSendable()) throw new ChannelGone('not a channel Haven can post in');
  return channel;
}

export async function postReminder(ctx: AppContext, schedule: Schedule, occurrence: Occurrence): Promise<void> {
  if (occurrence.status !== 'scheduled' || occurrence.remindedAt || schedule.paused) return;
  try {
    const channel = await sendable(ctx, schedule.channelId);
    const ping = schedule.reminderRoleId ? `<@&${schedule.reminderRoleId}> ` : '';
    await channel.send({
      content: `${ping}⏰ **${schedule.title}** starts <t:${unix(occurrence.startsAt)}:R> (<t:${unix(occurrence.startsAt)}:t> your time), right here.`,
      allowedMentions: { roles: schedule.reminderRoleId ? [schedule.reminderRoleId] : [] },
      nonce: nonceFor(occurrence.id, 'remind'),
      enforceNonce: true,
    });
    await updateOccurrence(ctx.db, occurrence.id, { remindedAt: ctx.clock.now() });
  } catch (error) {
    if (!isPermanent(error)) throw error;
    await markFailing(ctx, schedule, 'Haven lost access to the channel');
  }
}

function moodRow(occurrenceId: string): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    moodLabels.map((label, i) => new ButtonBuilder().setCustomId(customId(MOOD_PREFIX, occurrenceId, i + 1)).setLabel(label).setStyle(ButtonStyle.Secondary)),
  );
}

/**
 * Posts an occurrence exactly once: the timer's lease keeps other processes away, the status
 * change records it, and Discord's nonce makes a retry after a crash return the first message.
 */
export async function openOccurrence(ctx: AppContext, schedule: Schedule, occurrence: Occurrence): Promise<void> {
  if (occurrence.status !== 'scheduled') return;
  const now = ctx.clock.now();
  const plan = () => planNext(ctx, schedule, occurrence.startsAt);
  if (schedule.paused || schedule.deletedAt) {
    await transitionOccurrence(ctx.db, occurrence.id, 'scheduled', 'skipped');
    if (!schedule.deletedAt) await plan();
    return;
  }
  const when = lateness(occurrence.startsAt, now);
  if (when === 'missed') {
    await transitionOccurrence(ctx.db, occurrence.id, 'scheduled', 'missed');
    await notifyAdmins(ctx, schedule.guildId, `The check-in **${schedule.title}** due <t:${unix(occurrence.startsAt)}:F> was missed: Haven was offline for more than 2 hours. The next one is planned as usual.`);
    await plan();
    return;
  }
  let message: Message;
  try {
    const channel = await sendable(ctx, schedule.channelId);
    const lines = [`🌿 **${schedule.title}** is starting now${when === 'late' ? ' (a little late: sorry, Haven was briefly offline)' : ''}. Until <t:${unix(new Date(occurrence.startsAt.getTime() + schedule.durationMinutes * 60_000))}:t>.`];
    if (schedule.prompt) lines.push('', schedule.prompt);
    lines.push('', 'How are you this week? Tap a number: only the counts are shown, never who answered. Join the conversation in the thread below.');
    message = await channel.send({ content: lines.join('\n').slice(0, 2000), components: [moodRow(occurrence.id)], allowedMentions: { parse: [] }, nonce: nonceFor(occurrence.id, 'open'), enforceNonce: true });
  } catch (error) {
    if (!isPermanent(error)) throw error;
    await transitionOccurrence(ctx.db, occurrence.id, 'scheduled', 'failed');
    await markFailing(ctx, schedule, (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel) || error instanceof ChannelGone ? 'the channel was deleted' : 'Haven is missing permission to post there');
    await plan();
    return;
  }
  const date = occurrence.startsAt.toISOString().slice(0, 10);
  const thread = await message.startThread({ name: `${schedule.title} · ${date}`.slice(0, 100) }).catch((e: unknown) => {
    ctx.logger.warn({ guildId: schedule.guildId, err: e }, 'could not open a check-in thread');
    return null;
  });
  await transitionOccurrence(ctx.db, occurrence.id, 'scheduled', 'open', { messageId: message.id, threadId: thread?.id ?? null, openedAt: now, late: when === 'late' });
  if (schedule.failingReason) await updateSchedule(ctx.db, schedule.id, { failingReason: null });
  await scheduleTimer(ctx.db, { kind: CLOSE_TIMER, key: occurrence.id, guildId: schedule.guildId, dueAt: new Date(occurrence.startsAt.getTime() + schedule.durationMinutes * 60_000) }, now);
  await plan();
}

/** At the end: a summary in the thread (counts only, no names) and the thread archived. */
export async function closeOccurrence(ctx: AppContext, schedule: Schedule, occurrenceId: string): Promise<void> {
  const occurrence = await getOccurrence(ctx.db, occurrenceId);
  if (occurrence?.status !== 'open') return;
  const people = new Set(await moodMembers(ctx.db, occurrence.id));
  const counts = await moodCounts(ctx.db, occurrence.id);
  const thread = occurrence.threadId ? await ctx.client.channels.fetch(occurrence.threadId).catch(() => null) : null;
  if (thread?.isThread()) {
    const messages = await thread.messages.fetch({ limit: 100 }).catch(() => null);
    for (const m of messages?.values() ?? []) if (!m.author.bot && !m.webhookId) people.add(m.author.id);
    await thread.send({ content: summaryText(schedule.title, people.size, counts), allowedMentions: { parse: [] } }).catch(() => {});
    await thread.setArchived(true).catch(() => {});
  }
  await transitionOccurrence(ctx.db, occurrence.id, 'open', 'closed', { participants: people.size, closedAt: ctx.clock.now() });
}

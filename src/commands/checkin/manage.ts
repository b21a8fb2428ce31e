import { ChannelType, MessageFlags } from 'discord.js';
import type { AppContext } from '../../context.js';
import { UserError } from '../../errors.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { firstOccurrence, formatTime, nextOccurrences, parseTime, type Weekday } from '../../features/checkins/recurrence.js';
import { describeSchedule, ruleOf, weekdayNames } from '../../features/checkins/rules.js';
import { listSchedules, upcomingOccurrences, updateSchedule, type Schedule } from '../../features/checkins/store.js';
import { planNext } from '../../discord/checkin-poster.js';
import type { Subcommand } from '../subcommands.js';
import { autocompleteSchedules, scheduleFromInput, withdrawOccurrence, zoneFromInput } from './shared.js';

const scheduleOption = (sub: Parameters<Subcommand['build']>[0]) => sub.addStringOption((o) => o.setName('schedule').setDescription('Which check-in').setRequired(true).setAutocomplete(true));

async function audit(ctx: AppContext, guildId: string, actorId: string, action: string, s: Schedule): Promise<void> {
  await recordAudit(ctx.db, { guildId, actorId, action, target: s.id, details: { title: s.title } }, ctx.clock.now());
}

async function nextOf(ctx: AppContext, s: Schedule, count = 3): Promise<Date[]> {
  const now = ctx.clock.now();
  const planned = (await upcomingOccurrences(ctx.db, [s.id], now))[0];
  const from = planned ? new Date(planned.startsAt.getTime() - 1) : now;
  return nextOccurrences(ruleOf(s), from, count);
}

export const checkinList: Subcommand = {
  name: 'list',
  access: 'moderator',
  build: (sub) => sub.setDescription('Every check-in on this server'),
  async execute(ctx, interaction) {
    const all = await listSchedules(ctx.db, interaction.guildId);
    if (all.length === 0) throw new UserError('No check-ins yet. Create one with `/checkin schedule`.');
    const blocks = await Promise.all(
      all.map(async (s) => {
        const state = s.paused ? ' · ⏸️ paused' : s.failingReason ? ` · ⚠️ failing: ${s.failingReason}` : '';
        return `${describeSchedule(s, s.paused ? [] : await nextOf(ctx, s, 1))}\n  in <#${s.channelId}>${state}`;
      }),
    );
    await interaction.reply({ content: blocks.join('\n').slice(0, 2000), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};

export const checkinEdit: Subcommand = {
  name: 'edit',
  access: 'moderator',
  build: (sub) =>
    scheduleOption(sub.setDescription('Change a check-in'))
      .addStringOption((o) => o.setName('title').setDescription('New title').setMaxLength(80))
      .addStringOption((o) => o.setName('prompt').setDescription('New opening question').setMaxLength(1000))
      .addChannelOption((o) => o.setName('channel').setDescription('Move it to another channel').addChannelTypes(ChannelType.GuildText))
      .addIntegerOption((o) => o.setName('day').setDescription('New day').addChoices(...weekdayNames.map((name, i) => ({ name, value: i + 1 }))))
      .addStringOption((o) => o.setName('time').setDescription('New local time').setMaxLength(20))
      .addStringOption((o) => o.setName('timezone').setDescription('New IANA zone').setAutocomplete(true))
      .addIntegerOption((o) => o.setName('duration_minutes').setDescription('New length').setMinValue(15).setMaxValue(480))
      .addIntegerOption((o) => o.setName('remind_minutes').setDescription('New reminder lead (0 = none)').setMinValue(0).setMaxValue(1440)),
  async execute(ctx, interaction) {
    const s = await scheduleFromInput(ctx, interaction.guildId, interaction.options.getString('schedule', true));
    const patch: Partial<Schedule> = {};
    const title = interaction.options.getString('title')?.trim();
    const prompt = interaction.options.getString('prompt')?.trim();
    const channel = interaction.options.getChannel('channel', false, [ChannelType.GuildText]);
    const day = interaction.options.getInteger('day') as Weekday | null;
    const timeInput = interaction.options.getString('time');
    const zoneInput = interaction.options.getString('timezone');
    const duration = interaction.options.getInteger('duration_minutes');
    const remind = interaction.options.getInteger('remind_minutes');
    if (title) patch.title = title;
    if (prompt) patch.prompt = prompt;
    if (channel) Object.assign(patch, { channelId: channel.id, failingReason: null });
    if (duration) patch.durationMinutes = duration;
    if (remind !== null) patch.remindMinutes = remind;
    const timing = day !== null || timeInput !== null || zoneInput !== null;
    if (timing) {
      const parsed = timeInput ? parseTime(timeInput) : undefined;
      if (timeInput && !parsed) throw new UserError(`“${timeInput}” isn't a time I can read. Use 24-hour time like 21:00, or 9pm.`);
      patch.weekday = day ?? s.weekday;
      patch.time = parsed ? formatTime(parsed) : s.time;
      patch.zone = zoneInput ? zoneFromInput(zoneInput, null) : s.zone;
      patch.anchor = firstOccurrence({ zone: patch.zone, weekday: patch.weekday as Weekday, time: patch.time }, ctx.clock.now());
    }
    if (Object.keys(patch).length === 0) throw new UserError('Nothing to change: give at least one option.');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const updated = await updateSchedule(ctx.db, s.id, patch);
    // Re-plan the next occurrence so reminders, posts and events follow the new settings.
    for (const o of await upcomingOccurrences(ctx.db, [s.id], ctx.clock.now())) await withdrawOccurrence(ctx, o);
    if (!updated.paused) await planNext(ctx, updated, timing ? new Date(updated.anchor.getTime() - 1) : ctx.clock.now());
    await audit(ctx, interaction.guildId, interaction.user.id, 'checkin.edit', updated);
    await interaction.editReply({ content: `Updated.\n${describeSchedule(updated, updated.paused ? [] : await nextOf(ctx, updated))}`, allowedMentions: { parse: [] } });
  },
  autocomplete: autocompleteSchedules,
};

function simple(name: string, description: string, run: (ctx: AppContext, s: Schedule) => Promise<string>): Subcommand {
  return {
    name,
    access: 'moderator',
    build: (sub) => scheduleOption(sub.setDescription(description)),
    async execute(ctx, interaction) {
      const s = await scheduleFromInput(ctx, interaction.guildId, interaction.options.getString('schedule', true));
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const text = await run(ctx, s);
      await audit(ctx, interaction.guildId, interaction.user.id, `checkin.${name}`, s);
      await interaction.editReply({ content: text, allowedMentions: { parse: [] } });
    },
    autocomplete: autocompleteSchedules,
  };
}

export const checkinPause = simple('pause', 'Pause a check-in until you resume it', async (ctx, s) => {
  if (s.paused) return `**${s.title}** is already paused.`;
  await updateSchedule(ctx.db, s.id, { paused: true });
  for (const o of await upcomingOccurrences(ctx.db, [s.id], ctx.clock.now())) await withdrawOccurrence(ctx, o);
  return `Paused **${s.title}**. Nothing is posted until you \`/checkin resume\` it.`;
});

export const checkinResume = simple('resume', 'Resume a paused check-in', async (ctx, s) => {
  if (!s.paused) return `**${s.title}** isn't paused.`;
  const updated = await updateSchedule(ctx.db, s.id, { paused: false });
  await planNext(ctx, updated, ctx.clock.now());
  return `Resumed.\n${describeSchedule(updated, await nextOf(ctx, updated))}`;
});

export const checkinSkip = simple('skip', 'Skip only the next occurrence (e.g. a holiday)', async (ctx, s) => {
  const [next] = await upcomingOccurrences(ctx.db, [s.id], ctx.clock.now());
  if (!next || s.paused) return `**${s.title}** has nothing planned to skip.`;
  await withdrawOccurrence(ctx, next);
  await planNext(ctx, s, next.startsAt);
  return `Skipped <t:${Math.floor(next.startsAt.getTime() / 1000)}:F>.\n${describeSchedule(s, await nextOf(ctx, s))}`;
});

export const checkinDelete = simple('delete', 'Delete a check-in (past sessions and their threads stay)', async (ctx, s) => {
  await updateSchedule(ctx.db, s.id, { deletedAt: ctx.clock.now() });
  for (const o of await upcomingOccurrences(ctx.db, [s.id], ctx.clock.now())) await withdrawOccurrence(ctx, o);
  if (s.reminderRoleId) await ctx.client.guilds.fetch(s.guildId).then((g) => g.roles.delete(s.reminderRoleId!, 'Haven: check-in deleted')).catch(() => {});
  return `Deleted **${s.title}**. Past sessions and their threads are kept.`;
});

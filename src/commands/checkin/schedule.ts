import { ChannelType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../../errors.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { firstOccurrence, formatTime, nextOccurrences, parseTime, type Weekday } from '../../features/checkins/recurrence.js';
import { describeSchedule, ruleOf, weekdayNames } from '../../features/checkins/rules.js';
import { createSchedule } from '../../features/checkins/store.js';
import { getGuildSettings } from '../../features/settings/guild-settings.js';
import { planNext } from '../../discord/checkin-poster.js';
import type { Subcommand } from '../subcommands.js';
import { autocompleteSchedules, zoneFromInput } from './shared.js';

export const checkinSchedule = {
  name: 'schedule',
  access: 'moderator',
  build: (sub) =>
    sub
      .setDescription('Schedule a weekly check-in at a local time (DST-correct)')
      .addChannelOption((o) => o.setName('channel').setDescription('Where it happens').setRequired(true).addChannelTypes(ChannelType.GuildText))
      .addIntegerOption((o) => o.setName('day').setDescription('Day of the week').setRequired(true).addChoices(...weekdayNames.map((name, i) => ({ name, value: i + 1 }))))
      .addStringOption((o) => o.setName('time').setDescription('Local time, e.g. 21:00 or 9pm').setRequired(true).setMaxLength(20))
      .addStringOption((o) => o.setName('timezone').setDescription("IANA zone (default: the server's)").setAutocomplete(true))
      .addStringOption((o) => o.setName('title').setDescription('e.g. Monday night check-in').setMaxLength(80))
      .addStringOption((o) => o.setName('prompt').setDescription('A question to open with').setMaxLength(1000))
      .addIntegerOption((o) => o.setName('duration_minutes').setDescription('How long (default 60)').setMinValue(15).setMaxValue(480))
      .addIntegerOption((o) => o.setName('remind_minutes').setDescription('Reminder before it starts (default 30, 0 = none)').setMinValue(0).setMaxValue(1440))
      .addIntegerOption((o) => o.setName('every_weeks').setDescription('Every week (1) or every other week (2)').addChoices({ name: 'every week', value: 1 }, { name: 'every other week', value: 2 }))
      .addBooleanOption((o) => o.setName('discord_event').setDescription('Also show each session as a Discord event')),
  async execute(ctx, interaction) {
    const channel = interaction.options.getChannel('channel', true, [ChannelType.GuildText]);
    const weekday = interaction.options.getInteger('day', true) as Weekday;
    const timeInput = interaction.options.getString('time', true);
    const zoneInput = interaction.options.getString('timezone');
    const title = interaction.options.getString('title')?.trim() || `${weekdayNames[weekday - 1]} check-in`;
    const prompt = interaction.options.getString('prompt')?.trim() || null;
    const durationMinutes = interaction.options.getInteger('duration_minutes') ?? 60;
    const remindMinutes = interaction.options.getInteger('remind_minutes') ?? 30;
    const everyWeeks = interaction.options.getInteger('every_weeks') ?? 1;
    const mirrorEvents = interaction.options.getBoolean('discord_event') ?? false;
    const parsed = parseTime(timeInput);
    if (!parsed) throw new UserError(`“${timeInput}” isn't a time I can read. Use 24-hour time like 21:00, or 9pm.`);
    const zone = zoneFromInput(zoneInput, (await getGuildSettings(ctx.db, interaction.guildId)).timezone);
    const me = interaction.guild.members.me;
    const missing = me ? channel.permissionsFor(me).missing([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.ManageThreads]) : ['ViewChannel'];
    if (missing.length > 0) throw new UserError(`Haven can't run check-ins in <#${channel.id}> yet: allow the Haven role ${missing.map((m) => `**${m.replace(/([a-z])([A-Z])/g, '$1 $2')}**`).join(', ')} there.`);
    if (mirrorEvents && !interaction.guild.members.me?.permissions.has(PermissionFlagsBits.ManageEvents)) throw new UserError('To mirror check-ins as Discord events, give the Haven role **Manage Events**, or leave `discord_event` off.');

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const now = ctx.clock.now();
    const time = formatTime(parsed);
    const anchor = firstOccurrence({ zone, weekday, time }, now);
    const schedule = await ctx.db.transaction(async (tx) => {
      const row = await createSchedule(tx, { guildId: interaction.guildId, channelId: channel.id, title, prompt, weekday, time, zone, everyWeeks, anchor, durationMinutes, remindMinutes, mirrorEvents, createdBy: interaction.user.id }, now);
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'checkin.schedule', target: row.id, details: { title, weekday, time, zone, everyWeeks } }, now);
      return row;
    });
    await planNext(ctx, schedule, new Date(anchor.getTime() - 1));
    const next = nextOccurrences(ruleOf(schedule), new Date(anchor.getTime() - 1), 3);
    await interaction.editReply({ content: `Scheduled in <#${channel.id}>.\n${describeSchedule(schedule, next)}\nTimes above show in each reader's own time zone.`, allowedMentions: { parse: [] } });
  },
  autocomplete: autocompleteSchedules,
} satisfies Subcommand;

import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../../errors.js';
import { listSchedules, subscribe, unsubscribe, upcomingOccurrences, updateSchedule } from '../../features/checkins/store.js';
import type { Subcommand } from '../subcommands.js';
import { autocompleteSchedules, scheduleFromInput } from './shared.js';

const unix = (d: Date): number => Math.floor(d.getTime() / 1000);

export const checkinNext: Subcommand = {
  name: 'next',
  access: 'everyone',
  build: (sub) => sub.setDescription('Upcoming check-ins in channels you can see'),
  async execute(ctx, interaction) {
    const visible = (await listSchedules(ctx.db, interaction.guildId)).filter((s) => {
      const channel = interaction.guild.channels.cache.get(s.channelId);
      return !s.paused && channel?.permissionsFor(interaction.member).has(PermissionFlagsBits.ViewChannel);
    });
    const upcoming = await upcomingOccurrences(ctx.db, visible.map((s) => s.id), ctx.clock.now());
    const lines = upcoming.slice(0, 10).map((o) => {
      const s = visible.find((v) => v.id === o.scheduleId)!;
      return `• **${s.title}** in <#${s.channelId}>: <t:${unix(o.startsAt)}:F> (<t:${unix(o.startsAt)}:R>)`;
    });
    await interaction.reply({ content: lines.length > 0 ? `**Coming up** (in your own time zone)\n${lines.join('\n')}` : 'No check-ins coming up in the channels you can see.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};

export const checkinSubscribe: Subcommand = {
  name: 'subscribe',
  access: 'everyone',
  build: (sub) => sub.setDescription('Get a reminder before a check-in').addStringOption((o) => o.setName('schedule').setDescription('Which check-in').setRequired(true).setAutocomplete(true)),
  async execute(ctx, interaction) {
    const s = await scheduleFromInput(ctx, interaction.guildId, interaction.options.getString('schedule', true));
    const channel = interaction.guild.channels.cache.get(s.channelId);
    if (!channel?.permissionsFor(interaction.member).has(PermissionFlagsBits.ViewChannel)) throw new UserError("That check-in is in a channel you can't see. `/join` the group first.");
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let roleId = s.reminderRoleId;
    if (!roleId) {
      // A neutral name: reminder roles show on profiles, and a title could reveal a condition.
      const role = await interaction.guild.roles.create({ name: `Haven reminders ${s.id.slice(0, 4)}`, permissions: [], mentionable: false, reason: 'Haven: check-in reminders' });
      roleId = role.id;
      await updateSchedule(ctx.db, s.id, { reminderRoleId: roleId });
    }
    await interaction.guild.members.addRole({ user: interaction.user.id, role: roleId });
    const added = await subscribe(ctx.db, s, interaction.user.id, ctx.clock.now());
    await interaction.editReply(added ? `You'll get a ping in <#${s.channelId}> ${s.remindMinutes} minutes before **${s.title}** starts. \`/checkin unsubscribe\` stops it.` : `You're already subscribed to **${s.title}**.`);
  },
  autocomplete: autocompleteSchedules,
};

export const checkinUnsubscribe: Subcommand = {
  name: 'unsubscribe',
  access: 'everyone',
  build: (sub) => sub.setDescription('Stop reminders for a check-in').addStringOption((o) => o.setName('schedule').setDescription('Which check-in').setRequired(true).setAutocomplete(true)),
  async execute(ctx, interaction) {
    const s = await scheduleFromInput(ctx, interaction.guildId, interaction.options.getString('schedule', true));
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const removed = await unsubscribe(ctx.db, s, interaction.user.id);
    if (s.reminderRoleId) await interaction.guild.members.removeRole({ user: interaction.user.id, role: s.reminderRoleId }).catch(() => {});
    await interaction.editReply(removed ? `No more reminders for **${s.title}**.` : `You weren't subscribed to **${s.title}**.`);
  },
  autocomplete: autocompleteSchedules,
};

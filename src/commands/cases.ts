import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserError } from '../errors.js';
import { kindLabels, stateLabels } from '../features/cases/card.js';
import { caseStats, formatDuration } from '../features/cases/stats.js';
import { caseEventsOf, casesSince, getCaseByNumber, listCases, type Case, type CaseKind } from '../features/cases/store.js';
import { commandWithSubcommands, type Subcommand } from './subcommands.js';
import type { SlashCommand } from './types.js';

const unix = (d: Date): number => Math.floor(d.getTime() / 1000);
const kinds = Object.keys(kindLabels) as CaseKind[];

function line(c: Case): string {
  const link = c.cardChannelId && c.cardMessageId ? ` · [card](https://discord.com/channels/${c.guildId}/${c.cardChannelId}/${c.cardMessageId})` : ' · card not posted yet';
  return `**Case ${c.number}** · ${kindLabels[c.kind]}${c.urgency === 'urgent' ? ' · 🔴 urgent' : ''} · ${stateLabels[c.state]}${c.claimedBy ? ` by <@${c.claimedBy}>` : ''} · <t:${unix(c.createdAt)}:R>${link}`;
}

/** `/cases [state] [kind] [mine]`: the queue at a glance. */
export const casesCommand = {
  kind: 'slash',
  data: new SlashCommandBuilder()
    .setName('cases')
    .setDescription('Cases in the moderators’ queue (moderators)')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
    .addStringOption((o) => o.setName('state').setDescription('Default: open and claimed').addChoices({ name: 'open', value: 'open' }, { name: 'claimed', value: 'claimed' }, { name: 'resolved', value: 'resolved' }, { name: 'open and claimed', value: 'active' }))
    .addStringOption((o) => o.setName('kind').setDescription('Only this kind').addChoices(...kinds.map((k) => ({ name: kindLabels[k], value: k }))))
    .addBooleanOption((o) => o.setName('mine').setDescription('Only cases you claimed')),
  access: 'moderator',
  async execute(ctx, interaction) {
    const state = (interaction.options.getString('state') ?? 'active') as 'open' | 'claimed' | 'resolved' | 'active';
    const kind = interaction.options.getString('kind') as CaseKind | null;
    const mine = interaction.options.getBoolean('mine') ?? false;
    const rows = await listCases(ctx.db, interaction.guildId, { state, ...(kind ? { kind } : {}), ...(mine ? { claimedBy: interaction.user.id } : {}), limit: 20 });
    const content = rows.length === 0 ? 'No cases match. 🌿' : rows.map(line).join('\n').slice(0, 2000);
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
} satisfies SlashCommand;

const show: Subcommand = {
  name: 'show',
  access: 'moderator',
  build: (sub) => sub.setDescription('One case and its audit trail').addIntegerOption((o) => o.setName('number').setDescription('Case number').setRequired(true).setMinValue(1)),
  async execute(ctx, interaction) {
    const c = await getCaseByNumber(ctx.db, interaction.guildId, interaction.options.getInteger('number', true));
    if (!c) throw new UserError('There is no case with that number on this server.');
    const events = await caseEventsOf(ctx.db, c.id);
    const trail = events.map((e) => `<t:${unix(e.createdAt)}:f> · ${e.action}${e.actorId ? ` by <@${e.actorId}>` : ''}${e.note ? `: ${e.note.slice(0, 200)}` : ''}`);
    await interaction.reply({ content: [line(c), c.summary, '', '**Trail**', ...trail].join('\n').slice(0, 2000), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};

const stats: Subcommand = {
  name: 'stats',
  access: 'moderator',
  build: (sub) => sub.setDescription('Opened, claimed, resolved; median time to claim and resolve; per moderator').addIntegerOption((o) => o.setName('days').setDescription('Period (default 30)').setMinValue(1).setMaxValue(365)),
  async execute(ctx, interaction) {
    const days = interaction.options.getInteger('days') ?? 30;
    const since = new Date(ctx.clock.now().getTime() - days * 86_400_000);
    const s = caseStats(await casesSince(ctx.db, interaction.guildId, since));
    const lines = [
      `**Last ${days} days**: ${s.opened} opened · ${s.claimed} claimed · ${s.resolved} resolved`,
      `Median time to claim: ${formatDuration(s.medianToClaimMs)} · to resolve: ${formatDuration(s.medianToResolveMs)}`,
      ...(s.perModerator.length > 0 ? ['', '**Per moderator**', ...s.perModerator.map((m) => `<@${m.moderatorId}>: ${m.claimed} claimed, ${m.resolved} resolved`)] : []),
    ];
    await interaction.reply({ content: lines.join('\n').slice(0, 2000), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};

/** `/case show number`, `/case stats [days]`. */
export const caseCommand = commandWithSubcommands('case', 'One case, or the queue’s statistics (moderators)', [show, stats], PermissionFlagsBits.ManageMessages);

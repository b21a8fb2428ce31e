import type { Case, CaseKind } from './store.js';

export const kindLabels: Readonly<Record<CaseKind, string>> = {
  crisis: 'Crisis flag',
  report: 'Report',
  help: 'Help request',
  'anon-help': 'Anonymous help request',
  'anon-review': 'Anonymous post awaiting review',
  schedule: 'Check-in problem',
};

export const stateLabels: Readonly<Record<Case['state'], string>> = { open: '🟠 Open', claimed: '🔵 Claimed', resolved: '🟢 Resolved' };

const unix = (d: Date): number => Math.floor(d.getTime() / 1000);

export interface CardModel {
  title: string;
  color: number;
  fields: { name: string; value: string; inline: boolean }[];
  /** Which buttons the card offers in its state. */
  actions: ('claim' | 'unclaim' | 'backup' | 'note' | 'reply' | 'resolve' | 'approve' | 'reject')[];
}

/** What a moderator sees for a case. Anonymous cases never name the member. */
export function cardModel(c: Case): CardModel {
  const who = c.anonymous ? 'Anonymous member' : c.subjectId ? `<@${c.subjectId}>` : '—';
  const fields: CardModel['fields'] = [
    { name: 'Kind', value: kindLabels[c.kind], inline: true },
    { name: 'Urgency', value: c.urgency === 'urgent' ? '🔴 Urgent' : 'Normal', inline: true },
    { name: 'State', value: stateLabels[c.state], inline: true },
    { name: c.kind === 'report' ? 'Reported member' : 'Member', value: who, inline: true },
    { name: 'Opened', value: `<t:${unix(c.createdAt)}:F> (<t:${unix(c.createdAt)}:R>)`, inline: true },
  ];
  if (c.channelId && c.messageId) fields.push({ name: 'Message', value: `https://discord.com/channels/${c.guildId}/${c.channelId}/${c.messageId}`, inline: false });
  if (c.helpThreadId) fields.push({ name: 'Private thread', value: `<#${c.helpThreadId}>`, inline: false });
  fields.push({ name: 'Summary', value: c.summary.slice(0, 1024), inline: false });
  if (c.excerpt) fields.push({ name: 'Excerpt', value: c.excerpt.slice(0, 1024), inline: false });
  if (c.claimedBy) fields.push({ name: 'Claimed by', value: `<@${c.claimedBy}>${c.claimedAt ? ` <t:${unix(c.claimedAt)}:R>` : ''}`, inline: true });
  if (c.state === 'resolved') fields.push({ name: 'Resolved', value: `by <@${c.resolvedBy}>${c.resolvedAt ? ` <t:${unix(c.resolvedAt)}:R>` : ''}${c.outcome ? `: ${c.outcome.slice(0, 900)}` : ''}`, inline: false });
  const actions: CardModel['actions'] =
    c.state === 'resolved' ? ['note'] : c.kind === 'anon-review' ? ['approve', 'reject', 'note'] : [c.state === 'open' ? 'claim' : 'unclaim', 'backup', 'note', ...(c.kind === 'anon-help' ? (['reply'] as const) : []), 'resolve'];
  const color = c.state === 'resolved' ? 0x57f287 : c.urgency === 'urgent' ? 0xed4245 : c.state === 'claimed' ? 0x5865f2 : 0xfaa61a;
  return { title: `Case ${c.number} · ${kindLabels[c.kind]}`, color, fields, actions };
}

/** The case card thread's name (Discord: 100 characters). */
export function threadName(c: Case): string {
  return `Case ${c.number} · ${kindLabels[c.kind]}`.slice(0, 100);
}

/** How long an unclaimed case waits before the moderator role is pinged again. */
export function repingDelayMs(urgency: Case['urgency'], settings: { repingUrgentMinutes: number; repingMinutes: number }): number {
  return (urgency === 'urgent' ? settings.repingUrgentMinutes : settings.repingMinutes) * 60_000;
}

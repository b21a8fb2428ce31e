import type { MemberDataSection } from './member-data.js';

/** `/privacy show`: what Haven keeps about the member, in plain words, one line per kind of data. */
export function describeMemberData(sections: readonly MemberDataSection[]): string {
  const held = sections.filter((s) => s.rows.length > 0);
  if (held.length === 0) return "Haven keeps nothing about you on this server. (Messages you write are Discord's, not Haven's.)";
  return [
    '**What Haven keeps about you on this server**',
    ...held.map((s) => `• ${s.description} (${s.rows.length} ${s.rows.length === 1 ? 'entry' : 'entries'})`),
    '',
    '`/privacy export` gives you all of it as a file; `/privacy delete` erases it. If you leave the server, it is erased automatically after the retention period.',
  ].join('\n');
}

/** `/privacy export`: the member's rows per table, as JSON. */
export function exportJson(guildId: string, generatedAt: Date, sections: readonly MemberDataSection[]): string {
  const data: Record<string, Record<string, unknown>[]> = {};
  for (const s of sections) data[s.table] = [...(data[s.table] ?? []), ...s.rows];
  return JSON.stringify({ server: guildId, generatedAt: generatedAt.toISOString(), data }, null, 2);
}

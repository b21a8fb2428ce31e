import type { AuditRow } from '../../db/schema/index.js';

function detailText(details: AuditRow['details']): string {
  const parts = Object.entries(details).map(([k, v]) => `${k}: ${String(v)}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** One line per entry, newest first, cut to fit `budget` characters with a count of what was left out. */
export function auditLines(rows: readonly AuditRow[], budget: number): string {
  const lines: string[] = [];
  let used = 0;
  for (const [i, row] of rows.entries()) {
    const line = `<t:${Math.floor(row.createdAt.getTime() / 1000)}:f> <@${row.actorId}> **${row.action}**${row.target ? ` → ${row.target}` : ''}${detailText(row.details)}`;
    const more = `…and ${rows.length - i} more: narrow it with \`days\` or \`actor\`.`;
    if (used + line.length + 1 > budget - more.length) {
      lines.push(more);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join('\n');
}

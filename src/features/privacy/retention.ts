import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import type { DbOrTx } from '../../db/types.js';

/**
 * Daily retention, per server's settings (defaults: audit log 1 year, resolved cases' excerpts and
 * notes 90 days). One statement per table; the durable scheduler makes sure one process runs it.
 */
export async function applyRetention(db: DbOrTx, now: Date): Promise<{ audit: number; cases: number; notes: number }> {
  const at = now.toISOString();
  const audit = rowsOf(
    await db.execute(sql`
      delete from audit_log a
      where a.created_at < ${at}::timestamptz - make_interval(days => coalesce((select g.audit_retention_days from guild_settings g where g.guild_id = a.guild_id), 365))
      returning 1 as gone`),
  ).length;
  const cases = rowsOf(
    await db.execute(sql`
      update cases c set excerpt = null, outcome = null
      where c.state = 'resolved' and (c.excerpt is not null or c.outcome is not null)
        and c.resolved_at < ${at}::timestamptz - make_interval(days => coalesce((select g.case_retention_days from guild_settings g where g.guild_id = c.guild_id), 90))
      returning 1 as purged`),
  ).length;
  const notes = rowsOf(
    await db.execute(sql`
      update case_events e set note = null
      from cases c
      where e.case_id = c.id and e.note is not null and c.state = 'resolved'
        and c.resolved_at < ${at}::timestamptz - make_interval(days => coalesce((select g.case_retention_days from guild_settings g where g.guild_id = c.guild_id), 90))
      returning 1 as purged`),
  ).length;
  return { audit, cases, notes };
}

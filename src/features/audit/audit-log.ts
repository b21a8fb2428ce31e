import { and, desc, eq, gte } from 'drizzle-orm';
import { auditLog, type AuditRow } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/types.js';

export interface AuditEntry {
  readonly guildId: string;
  readonly actorId: string;
  /** Dotted verb, e.g. 'settings.region', 'condition.add', 'anon.reveal', 'case.claim'. */
  readonly action: string;
  readonly target?: string | null;
  readonly details?: Record<string, string | number | boolean | null>;
}

/** Appends one entry; pass the transaction that made the change so both commit together. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry, now: Date): Promise<void> {
  await db.insert(auditLog).values({
    guildId: entry.guildId,
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target ?? null,
    details: entry.details ?? {},
    createdAt: now,
  });
}

export async function listAudit(db: DbOrTx, guildId: string, options: { since: Date; actorId?: string; limit?: number }): Promise<AuditRow[]> {
  const conditions = [eq(auditLog.guildId, guildId), gte(auditLog.createdAt, options.since)];
  if (options.actorId) conditions.push(eq(auditLog.actorId, options.actorId));
  return db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.createdAt)).limit(options.limit ?? 50);
}


import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { caseEvents, cases, type CaseEventRow, type CaseKind, type CaseRow } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/types.js';

export type Case = CaseRow;
export type CaseEvent = CaseEventRow;
export type { CaseKind };

export interface NewCase {
  guildId: string;
  kind: CaseKind;
  urgency: 'urgent' | 'normal';
  subjectId?: string | null;
  reporterId?: string | null;
  anonymous?: boolean;
  channelId?: string | null;
  messageId?: string | null;
  excerpt?: string | null;
  summary: string;
  helpThreadId?: string | null;
}

/** Opens a case with the next per-server number. */
export async function openCase(db: DbOrTx, input: NewCase, actorId: string | null, now: Date): Promise<Case> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        // Numbers are per server: serialise openings in one server so two processes never take the same one.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cases:${input.guildId}`}))`);
        const [row] = await tx
          .insert(cases)
          .values({
            ...input,
            number: sql`(select coalesce(max(number), 0) + 1 from cases where guild_id = ${input.guildId})`,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!row) throw new Error('insert into cases returned no row');
        await tx.insert(caseEvents).values({ caseId: row.id, guildId: row.guildId, actorId, action: 'open', createdAt: now });
        return row;
      });
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (code !== '23505' || attempt >= 4) throw error;
    }
  }
}

export async function getCase(db: DbOrTx, id: string): Promise<Case | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

export async function getCaseByNumber(db: DbOrTx, guildId: string, number: number): Promise<Case | undefined> {
  const [row] = await db.select().from(cases).where(and(eq(cases.guildId, guildId), eq(cases.number, number)));
  return row;
}

export async function addCaseEvent(db: DbOrTx, c: Case, actorId: string | null, action: string, now: Date, note?: string): Promise<void> {
  await db.insert(caseEvents).values({ caseId: c.id, guildId: c.guildId, actorId, action, note: note ?? null, createdAt: now });
}

export async function caseEventsOf(db: DbOrTx, caseId: string): Promise<CaseEvent[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.createdAt));
}

export type ClaimResult = { ok: true; case: Case } | { ok: false; case: Case };

/** Race-safe: only one of two moderators clicking at once gets the case. */
export async function claimCase(db: DbOrTx, id: string, moderatorId: string, now: Date): Promise<ClaimResult | undefined> {
  return db.transaction(async (tx) => {
    const [won] = await tx
      .update(cases)
      .set({ state: 'claimed', claimedBy: moderatorId, claimedAt: now, updatedAt: now })
      .where(and(eq(cases.id, id), eq(cases.state, 'open')))
      .returning();
    if (won) {
      await addCaseEvent(tx, won, moderatorId, 'claim', now);
      return { ok: true, case: won };
    }
    const current = await getCase(tx, id);
    return current ? { ok: false, case: current } : undefined;
  });
}

export async function unclaimCase(db: DbOrTx, id: string, moderatorId: string, now: Date): Promise<ClaimResult | undefined> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(cases)
      .set({ state: 'open', claimedBy: null, claimedAt: null, updatedAt: now })
      .where(and(eq(cases.id, id), eq(cases.state, 'claimed'), eq(cases.claimedBy, moderatorId)))
      .returning();
    if (done) {
      await addCaseEvent(tx, done, moderatorId, 'unclaim', now);
      return { ok: true, case: done };
    }
    const current = await getCase(tx, id);
    return current ? { ok: false, case: current } : undefined;
  });
}

/** Resolving a resolved case changes nothing and says so. */
export async function resolveCase(db: DbOrTx, id: string, moderatorId: string, outcome: string, now: Date): Promise<ClaimResult | undefined> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(cases)
      .set({ state: 'resolved', resolvedBy: moderatorId, resolvedAt: now, outcome, updatedAt: now, claimedBy: sql`coalesce(${cases.claimedBy}, ${moderatorId})`, claimedAt: sql`coalesce(${cases.claimedAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(cases.id, id), sql`${cases.state} <> 'resolved'`))
      .returning();
    if (done) {
      await addCaseEvent(tx, done, moderatorId, 'resolve', now, outcome);
      return { ok: true, case: done };
    }
    const current = await getCase(tx, id);
    return current ? { ok: false, case: current } : undefined;
  });
}

export async function setCard(db: DbOrTx, id: string, card: { cardChannelId: string; cardMessageId: string; cardThreadId: string | null }): Promise<void> {
  await db.update(cases).set(card).where(eq(cases.id, id));
}

export async function casesWithoutCard(db: DbOrTx, guildId: string): Promise<Case[]> {
  return db.select().from(cases).where(and(eq(cases.guildId, guildId), isNull(cases.cardMessageId))).orderBy(asc(cases.createdAt));
}

export interface CaseFilter {
  state?: 'open' | 'claimed' | 'resolved' | 'active';
  kind?: CaseKind;
  claimedBy?: string;
  limit?: number;
}

export async function listCases(db: DbOrTx, guildId: string, filter: CaseFilter): Promise<Case[]> {
  const where = [eq(cases.guildId, guildId)];
  if (filter.state === 'active') where.push(inArray(cases.state, ['open', 'claimed']));
  else if (filter.state) where.push(eq(cases.state, filter.state));
  if (filter.kind) where.push(eq(cases.kind, filter.kind));
  if (filter.claimedBy) where.push(eq(cases.claimedBy, filter.claimedBy));
  return db.select().from(cases).where(and(...where)).orderBy(desc(cases.createdAt)).limit(filter.limit ?? 25);
}

export async function casesSince(db: DbOrTx, guildId: string, since: Date): Promise<Case[]> {
  return db.select().from(cases).where(and(eq(cases.guildId, guildId), gte(cases.createdAt, since)));
}

export async function setHelpThread(db: DbOrTx, id: string, threadId: string): Promise<Case | undefined> {
  const [row] = await db.update(cases).set({ helpThreadId: threadId }).where(eq(cases.id, id)).returning();
  return row;
}

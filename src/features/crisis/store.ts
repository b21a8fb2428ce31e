import { and, asc, desc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import { crisisFlags, localServices, memberPrefs, type CrisisFlagRow, type LocalServiceRow, type MemberPrefsRow } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/types.js';

export type CrisisFlag = CrisisFlagRow;
export type LocalService = LocalServiceRow;

export async function getPrefs(db: DbOrTx, guildId: string, memberId: string): Promise<MemberPrefsRow | undefined> {
  const [row] = await db.select().from(memberPrefs).where(and(eq(memberPrefs.guildId, guildId), eq(memberPrefs.memberId, memberId)));
  return row;
}

export async function setPrefs(db: DbOrTx, guildId: string, memberId: string, patch: { country?: string | null; crisisOptOut?: boolean }, now: Date): Promise<void> {
  await db
    .insert(memberPrefs)
    .values({ guildId, memberId, country: patch.country ?? null, crisisOptOut: patch.crisisOptOut ?? false, updatedAt: now })
    .onConflictDoUpdate({ target: [memberPrefs.guildId, memberPrefs.memberId], set: { ...patch, updatedAt: now } });
}

export async function recordFlag(db: DbOrTx, flag: { guildId: string; memberId: string; channelId: string; messageId: string; level: 'concern' | 'urgent' }, now: Date): Promise<CrisisFlag> {
  const [row] = await db.insert(crisisFlags).values({ ...flag, createdAt: now }).returning();
  if (!row) throw new Error('insert into crisis_flags returned no row');
  return row;
}

export async function updateFlag(db: DbOrTx, id: string, patch: Partial<Pick<CrisisFlag, 'memberReply' | 'caseId' | 'notAboutMe'>>): Promise<void> {
  await db.update(crisisFlags).set(patch).where(eq(crisisFlags.id, id));
}

export async function getFlag(db: DbOrTx, id: string): Promise<CrisisFlag | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(crisisFlags).where(eq(crisisFlags.id, id));
  return row;
}

/** Whether Haven already wrote to this member about a flag within the cooldown (so it doesn't flood them). */
export async function repliedSince(db: DbOrTx, guildId: string, memberId: string, since: Date): Promise<boolean> {
  const rows = await db
    .select({ id: crisisFlags.id })
    .from(crisisFlags)
    .where(and(eq(crisisFlags.guildId, guildId), eq(crisisFlags.memberId, memberId), gte(crisisFlags.createdAt, since), inArray(crisisFlags.memberReply, ['sending', 'dm', 'channel'])))
    .limit(1);
  return rows.length > 0;
}

/** The member's latest flag that opened a case still being handled (so a long conversation makes one case, not ten). */
export async function latestFlagWithCase(db: DbOrTx, guildId: string, memberId: string, since: Date): Promise<CrisisFlag | undefined> {
  const [row] = await db
    .select()
    .from(crisisFlags)
    .where(and(eq(crisisFlags.guildId, guildId), eq(crisisFlags.memberId, memberId), gte(crisisFlags.createdAt, since), isNotNull(crisisFlags.caseId)))
    .orderBy(desc(crisisFlags.createdAt))
    .limit(1);
  return row;
}

export async function listLocalServices(db: DbOrTx, guildId: string): Promise<LocalService[]> {
  return db.select().from(localServices).where(eq(localServices.guildId, guildId)).orderBy(asc(localServices.createdAt));
}

export async function addLocalService(db: DbOrTx, service: Omit<LocalService, 'id' | 'createdAt'>, now: Date): Promise<LocalService> {
  const [row] = await db.insert(localServices).values({ ...service, createdAt: now }).returning();
  if (!row) throw new Error('insert into local_services returned no row');
  return row;
}

export async function removeLocalService(db: DbOrTx, guildId: string, id: string): Promise<LocalService | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.delete(localServices).where(and(eq(localServices.guildId, guildId), eq(localServices.id, id))).returning();
  return row;
}

/** For admins: how many flags in a period, and how many members said "This wasn't about me". */
export async function flagStats(db: DbOrTx, guildId: string, since: Date): Promise<{ flags: number; notAboutMe: number }> {
  const rows = await db.select({ notAboutMe: crisisFlags.notAboutMe }).from(crisisFlags).where(and(eq(crisisFlags.guildId, guildId), gte(crisisFlags.createdAt, since)));
  return { flags: rows.length, notAboutMe: rows.filter((r) => r.notAboutMe).length };
}

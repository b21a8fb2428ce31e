import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { conditionMemberships, conditions, type ConditionRow } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/types.js';
import { normalizeName } from './matching.js';

export type Condition = ConditionRow;

export interface NewCondition {
  guildId: string;
  name: string;
  description: string;
  emoji: string | null;
  channelId: string;
  roleId: string | null;
  discreet: boolean;
  greeting: boolean;
  ownsRole: boolean;
  ownsChannel: boolean;
  createdBy: string;
}

const live = (guildId: string) => and(eq(conditions.guildId, guildId), isNull(conditions.archivedAt));

/** The server's conditions, by name. */
export async function listConditions(db: DbOrTx, guildId: string): Promise<Condition[]> {
  return db.select().from(conditions).where(live(guildId)).orderBy(asc(conditions.nameKey));
}

export async function getCondition(db: DbOrTx, guildId: string, id: string): Promise<Condition | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(conditions).where(and(live(guildId), eq(conditions.id, id)));
  return row;
}

export async function findByName(db: DbOrTx, guildId: string, name: string): Promise<Condition | undefined> {
  const [row] = await db.select().from(conditions).where(and(live(guildId), eq(conditions.nameKey, normalizeName(name))));
  return row;
}

export async function insertCondition(db: DbOrTx, values: NewCondition, now: Date): Promise<Condition> {
  const [row] = await db.insert(conditions).values({ ...values, nameKey: normalizeName(values.name), createdAt: now }).returning();
  if (!row) throw new Error('insert into conditions returned no row');
  return row;
}

export type ConditionPatch = Partial<Pick<Condition, 'name' | 'description' | 'emoji' | 'discreet' | 'greeting' | 'roleId' | 'channelId' | 'brokenReason' | 'ownsRole' | 'ownsChannel'>>;

export async function updateCondition(db: DbOrTx, id: string, patch: ConditionPatch): Promise<Condition> {
  const [row] = await db
    .update(conditions)
    .set({ ...patch, ...(patch.name ? { nameKey: normalizeName(patch.name) } : {}) })
    .where(eq(conditions.id, id))
    .returning();
  if (!row) throw new Error(`condition ${id} vanished`);
  return row;
}

/** Removes a condition from the list and forgets who had joined it (the channel itself is Discord's). */
export async function archiveCondition(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.delete(conditionMemberships).where(eq(conditionMemberships.conditionId, id));
  await db.update(conditions).set({ archivedAt: now }).where(eq(conditions.id, id));
}

/** Conditions whose channel or role is this id (for Discord's CHANNEL_DELETE / GUILD_ROLE_DELETE). */
export async function conditionsUsing(db: DbOrTx, guildId: string, discordId: string): Promise<Condition[]> {
  const rows = await listConditions(db, guildId);
  return rows.filter((c) => c.channelId === discordId || c.roleId === discordId);
}

/** Adds a membership; false when the member had already joined (joining twice is a no-op). */
export async function addMembership(db: DbOrTx, condition: Condition, memberId: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(conditionMemberships)
    .values({ conditionId: condition.id, guildId: condition.guildId, memberId, joinedAt: now })
    .onConflictDoNothing()
    .returning({ memberId: conditionMemberships.memberId });
  return rows.length === 1;
}

/** Removes a membership; false when the member was not in it. */
export async function removeMembership(db: DbOrTx, condition: Condition, memberId: string): Promise<boolean> {
  const rows = await db
    .delete(conditionMemberships)
    .where(and(eq(conditionMemberships.conditionId, condition.id), eq(conditionMemberships.memberId, memberId)))
    .returning({ memberId: conditionMemberships.memberId });
  return rows.length === 1;
}

export async function joinedConditionIds(db: DbOrTx, guildId: string, memberId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: conditionMemberships.conditionId })
    .from(conditionMemberships)
    .where(and(eq(conditionMemberships.guildId, guildId), eq(conditionMemberships.memberId, memberId)));
  return new Set(rows.map((r) => r.id));
}

export async function membersOf(db: DbOrTx, conditionId: string): Promise<string[]> {
  const rows = await db.select({ memberId: conditionMemberships.memberId }).from(conditionMemberships).where(eq(conditionMemberships.conditionId, conditionId));
  return rows.map((r) => r.memberId);
}

export async function memberCounts(db: DbOrTx, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: conditionMemberships.conditionId, n: count() })
    .from(conditionMemberships)
    .where(inArray(conditionMemberships.conditionId, [...ids]))
    .groupBy(conditionMemberships.conditionId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

import { and, count, desc, eq, gt, gte, isNull, or } from 'drizzle-orm';
import { anonBlocks, anonChannels, anonPosts, anonWebhooks, type AnonChannelRow, type AnonPostRow } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/types.js';

export type AnonChannel = AnonChannelRow;
export type AnonPost = AnonPostRow;

export async function getAnonChannel(db: DbOrTx, channelId: string): Promise<AnonChannel | undefined> {
  const [row] = await db.select().from(anonChannels).where(eq(anonChannels.channelId, channelId));
  return row;
}

export async function setAnonChannel(db: DbOrTx, values: Omit<AnonChannel, 'updatedAt'>, now: Date): Promise<AnonChannel> {
  const [row] = await db
    .insert(anonChannels)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({ target: anonChannels.channelId, set: { ...values, updatedAt: now } })
    .returning();
  if (!row) throw new Error('anon_channels upsert returned no row');
  return row;
}

export async function insertPost(db: DbOrTx, post: Omit<AnonPost, 'id' | 'messageId' | 'caseId'> & { messageId?: string | null }): Promise<AnonPost> {
  const [row] = await db.insert(anonPosts).values(post).returning();
  if (!row) throw new Error('insert into anon_posts returned no row');
  return row;
}

export async function updatePost(db: DbOrTx, id: string, patch: Partial<Omit<AnonPost, 'id' | 'guildId'>>): Promise<AnonPost | undefined> {
  const [row] = await db.update(anonPosts).set(patch).where(eq(anonPosts.id, id)).returning();
  return row;
}

export async function getPost(db: DbOrTx, id: string): Promise<AnonPost | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(anonPosts).where(eq(anonPosts.id, id));
  return row;
}

export async function postByMessage(db: DbOrTx, guildId: string, messageId: string): Promise<AnonPost | undefined> {
  const [row] = await db.select().from(anonPosts).where(and(eq(anonPosts.guildId, guildId), eq(anonPosts.messageId, messageId)));
  return row;
}

export async function postsByAuthor(db: DbOrTx, guildId: string, authorKey: string, limit: number): Promise<AnonPost[]> {
  return db.select().from(anonPosts).where(and(eq(anonPosts.guildId, guildId), eq(anonPosts.authorKey, authorKey))).orderBy(desc(anonPosts.createdAt)).limit(limit);
}

export async function postsSince(db: DbOrTx, guildId: string, authorKey: string, since: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(anonPosts).where(and(eq(anonPosts.guildId, guildId), eq(anonPosts.authorKey, authorKey), gte(anonPosts.createdAt, since)));
  return Number(row?.n ?? 0);
}

export async function activeBlock(db: DbOrTx, guildId: string, authorKey: string, now: Date): Promise<{ until: Date | null } | undefined> {
  const [row] = await db
    .select({ until: anonBlocks.until })
    .from(anonBlocks)
    .where(and(eq(anonBlocks.guildId, guildId), eq(anonBlocks.authorKey, authorKey), or(isNull(anonBlocks.until), gt(anonBlocks.until, now))));
  return row;
}

export async function block(db: DbOrTx, values: { guildId: string; authorKey: string; until: Date | null; reason: string | null; createdBy: string }, now: Date): Promise<void> {
  await db
    .insert(anonBlocks)
    .values({ ...values, createdAt: now })
    .onConflictDoUpdate({ target: [anonBlocks.guildId, anonBlocks.authorKey], set: { until: values.until, reason: values.reason, createdBy: values.createdBy, createdAt: now } });
}

export async function unblock(db: DbOrTx, guildId: string, authorKey: string): Promise<boolean> {
  const rows = await db.delete(anonBlocks).where(and(eq(anonBlocks.guildId, guildId), eq(anonBlocks.authorKey, authorKey))).returning({ k: anonBlocks.authorKey });
  return rows.length > 0;
}

export async function getWebhook(db: DbOrTx, channelId: string): Promise<{ webhookId: string; webhookToken: string } | undefined> {
  const [row] = await db.select().from(anonWebhooks).where(eq(anonWebhooks.channelId, channelId));
  return row;
}

export async function saveWebhook(db: DbOrTx, values: { channelId: string; guildId: string; webhookId: string; webhookToken: string }): Promise<void> {
  await db.insert(anonWebhooks).values(values).onConflictDoUpdate({ target: anonWebhooks.channelId, set: values });
}

export async function postByCase(db: DbOrTx, caseId: string): Promise<AnonPost | undefined> {
  const [row] = await db.select().from(anonPosts).where(eq(anonPosts.caseId, caseId));
  return row;
}

import { and, asc, eq, isNull, lte, lt, or, inArray, sql, type SQL } from 'drizzle-orm';
import { timers, type TimerRow } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/types.js';

export type Timer = TimerRow;

export interface TimerSpec {
  readonly kind: string;
  readonly key: string;
  readonly guildId?: string | null;
  readonly dueAt: Date;
  readonly payload?: Record<string, unknown>;
}

/** Creates the timer, or moves an existing (kind, key) timer to the new time and payload. */
export async function scheduleTimer(db: DbOrTx, spec: TimerSpec, now: Date): Promise<void> {
  const payload = spec.payload ?? {};
  await db
    .insert(timers)
    .values({ kind: spec.kind, key: spec.key, guildId: spec.guildId ?? null, dueAt: spec.dueAt, payload, createdAt: now })
    .onConflictDoUpdate({ target: [timers.kind, timers.key], set: { dueAt: spec.dueAt, payload, attempts: 0, lockedUntil: null, lastError: null } });
}

export async function cancelTimer(db: DbOrTx, kind: string, key: string): Promise<void> {
  await db.delete(timers).where(and(eq(timers.kind, kind), eq(timers.key, key)));
}

/**
 * Takes up to `limit` due timers for `leaseMs`: rows locked by another process are skipped, and a
 * lease that ran out (its process died) makes the timer claimable again.
 */
/** The guilds a process serves when sharded: Discord's rule, shard = (guild_id >> 22) % shard_count. */
export interface ShardFilter {
  readonly ids: readonly number[];
  readonly count: number;
}

function ownedBy(shard: ShardFilter | undefined): SQL | undefined {
  if (!shard || shard.count <= 1) return undefined;
  return or(isNull(timers.guildId), sql`((${timers.guildId}::bigint >> 22) % ${shard.count}) in (${sql.join(shard.ids.map((id) => sql`${id}`), sql`, `)})`);
}

export async function claimDueTimers(db: DbOrTx, now: Date, options: { limit: number; leaseMs: number; kinds?: readonly string[]; shard?: ShardFilter }): Promise<Timer[]> {
  return db.transaction(async (tx) => {
    const free = or(isNull(timers.lockedUntil), lt(timers.lockedUntil, now));
    // A guild's timers run on the shard that serves it: only that process has the guild's channels cached.
    const where = and(lte(timers.dueAt, now), free, options.kinds ? inArray(timers.kind, [...options.kinds]) : undefined, ownedBy(options.shard));
    const due = await tx.select({ id: timers.id }).from(timers).where(where).orderBy(asc(timers.dueAt)).limit(options.limit).for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const lockedUntil = new Date(now.getTime() + options.leaseMs);
    const claimed = await tx
      .update(timers)
      .set({ lockedUntil })
      .where(inArray(timers.id, due.map((d) => d.id)))
      .returning();
    return claimed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  });
}

/** Done: the timer is removed, unless it was re-scheduled meanwhile (then its new time stands). */
export async function completeTimer(db: DbOrTx, timer: Timer): Promise<void> {
  await db.delete(timers).where(and(eq(timers.id, timer.id), eq(timers.dueAt, timer.dueAt)));
}

/** Failed: try again at `retryAt`, keeping the error for operators. */
export async function retryTimer(db: DbOrTx, timer: Timer, error: string, retryAt: Date): Promise<void> {
  await db
    .update(timers)
    .set({ dueAt: retryAt, lockedUntil: null, lastError: error.slice(0, 500), attempts: timer.attempts + 1 })
    .where(eq(timers.id, timer.id));
}

/**
 * When the earliest timer can next be claimed (null when none): the earliest due time is an index
 * lookup, and a leased timer counts from the end of its lease.
 */
export async function nextTimerDue(db: DbOrTx, shard?: ShardFilter): Promise<Date | null> {
  const [first] = await db.select({ dueAt: timers.dueAt, lockedUntil: timers.lockedUntil }).from(timers).where(ownedBy(shard)).orderBy(asc(timers.dueAt)).limit(1);
  if (!first) return null;
  if (!first.lockedUntil || first.lockedUntil <= first.dueAt) return first.dueAt;
  const [unlocked] = await db
    .select({ dueAt: timers.dueAt })
    .from(timers)
    .where(and(or(isNull(timers.lockedUntil), sql`${timers.lockedUntil} <= ${timers.dueAt}`), ownedBy(shard)))
    .orderBy(asc(timers.dueAt))
    .limit(1);
  return unlocked && unlocked.dueAt < first.lockedUntil ? unlocked.dueAt : first.lockedUntil;
}

/** Creates the timer only if it does not exist yet (recurring jobs: every process may ask, one row wins). */
export async function ensureTimer(db: DbOrTx, spec: TimerSpec, now: Date): Promise<void> {
  await db
    .insert(timers)
    .values({ kind: spec.kind, key: spec.key, guildId: spec.guildId ?? null, dueAt: spec.dueAt, payload: spec.payload ?? {}, createdAt: now })
    .onConflictDoNothing();
}

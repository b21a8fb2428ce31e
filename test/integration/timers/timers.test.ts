import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimDueTimers, completeTimer, nextTimerDue, scheduleTimer } from '../../../src/features/timers/timers.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/db.js';

let database: TestDatabase;
beforeAll(async () => (database = await openTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => database.truncate());

const t0 = new Date('2027-03-15T12:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe('durable timers', () => {
  it('hands each due timer to exactly one of two claimers', async () => {
    for (let i = 0; i < 20; i++) await scheduleTimer(database.db, { kind: 'test', key: `k${i}`, dueAt: minutes(-1) }, t0);
    const [a, b] = await Promise.all([
      claimDueTimers(database.db, t0, { limit: 15, leaseMs: 60_000 }),
      claimDueTimers(database.db, t0, { limit: 15, leaseMs: 60_000 }),
    ]);
    const keys = [...a!, ...b!].map((t) => t.key).sort();
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
  });

  it('gives a guild’s timers only to the shard that serves the guild; global ones to any', async () => {
    // Snowflakes whose (id >> 22) % 2 is 0 and 1.
    const even = String(4n << 22n);
    const odd = String(5n << 22n);
    await scheduleTimer(database.db, { kind: 'test', key: 'even', guildId: even, dueAt: minutes(-1) }, t0);
    await scheduleTimer(database.db, { kind: 'test', key: 'odd', guildId: odd, dueAt: minutes(-1) }, t0);
    await scheduleTimer(database.db, { kind: 'test', key: 'global', dueAt: minutes(-1) }, t0);
    const shard1 = await claimDueTimers(database.db, t0, { limit: 10, leaseMs: 60_000, shard: { ids: [1], count: 2 } });
    expect(shard1.map((t) => t.key).sort()).toEqual(['global', 'odd']);
    const shard0 = await claimDueTimers(database.db, t0, { limit: 10, leaseMs: 60_000, shard: { ids: [0], count: 2 } });
    expect(shard0.map((t) => t.key)).toEqual(['even']);
  });

  it('does not hand out timers that are not yet due', async () => {
    await scheduleTimer(database.db, { kind: 'test', key: 'later', dueAt: minutes(10) }, t0);
    expect(await claimDueTimers(database.db, t0, { limit: 10, leaseMs: 60_000 })).toEqual([]);
    expect(await nextTimerDue(database.db)).toEqual(minutes(10));
    expect(await claimDueTimers(database.db, minutes(10), { limit: 10, leaseMs: 60_000 })).toHaveLength(1);
  });

  it('gives a timer to another process when the lease of a crashed one runs out', async () => {
    await scheduleTimer(database.db, { kind: 'test', key: 'x', dueAt: t0 }, t0);
    expect(await claimDueTimers(database.db, t0, { limit: 10, leaseMs: 60_000 })).toHaveLength(1);
    expect(await claimDueTimers(database.db, minutes(0.5), { limit: 10, leaseMs: 60_000 })).toHaveLength(0);
    expect(await nextTimerDue(database.db)).toEqual(minutes(1));
    expect(await claimDueTimers(database.db, minutes(2), { limit: 10, leaseMs: 60_000 })).toHaveLength(1);
  });

  it('keeps a timer that was re-scheduled while it ran', async () => {
    await scheduleTimer(database.db, { kind: 'test', key: 'x', dueAt: t0 }, t0);
    const [claimed] = await claimDueTimers(database.db, t0, { limit: 1, leaseMs: 60_000 });
    await scheduleTimer(database.db, { kind: 'test', key: 'x', dueAt: minutes(60) }, t0);
    await completeTimer(database.db, claimed!);
    expect(await nextTimerDue(database.db)).toEqual(minutes(60));
  });

  it('schedules the same (kind, key) once', async () => {
    await scheduleTimer(database.db, { kind: 'test', key: 'same', dueAt: minutes(5) }, t0);
    await scheduleTimer(database.db, { kind: 'test', key: 'same', dueAt: minutes(3) }, t0);
    const claimed = await claimDueTimers(database.db, minutes(10), { limit: 10, leaseMs: 60_000 });
    expect(claimed.map((t) => t.dueAt)).toEqual([minutes(3)]);
  });
});

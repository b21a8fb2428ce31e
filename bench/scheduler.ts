import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { startHaven } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { claimDueTimers, completeTimer, nextTimerDue, scheduleTimer } from '../src/features/timers/timers.js';
import { createSchedule, materializeNext } from '../src/features/checkins/store.js';
import { OPEN_TIMER } from '../src/discord/checkin-poster.js';
import { Emulator } from '../test/emulator/index.js';
import { round, summarize, type Measurement } from './stats.js';

const SCHEDULES = Number(process.env.BENCH_SCHEDULES ?? 100_000);
const DUE = 1_000;

/** One scheduler tick over 100,000 schedules: with 1,000 due, and with none due. */
async function tickCost(): Promise<Measurement[]> {
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
  const db = database.db;
  const now = new Date();
  await db.execute(sql`
    insert into checkin_schedules (guild_id, channel_id, title, weekday, time, zone, anchor, created_by, created_at)
    select (100000000000000000 + g)::text, '1', 'bench', 1 + g % 7, '18:00', 'UTC', ${now.toISOString()}::timestamptz, 'bench', ${now.toISOString()}::timestamptz
    from generate_series(1, ${SCHEDULES}) g`);
  await db.execute(sql`
    insert into timers (kind, key, guild_id, due_at, payload, created_at)
    select 'checkin.open', 'bench-' || g, (100000000000000000 + g)::text,
      case when g <= ${DUE} then ${now.toISOString()}::timestamptz - interval '1 minute' else ${now.toISOString()}::timestamptz + (g || ' minutes')::interval end,
      '{}'::jsonb, ${now.toISOString()}::timestamptz
    from generate_series(1, ${SCHEDULES}) g`);
  const busyStart = performance.now();
  let handled = 0;
  for (;;) {
    const due = await claimDueTimers(db, now, { limit: 50, leaseMs: 60_000 });
    for (const t of due) await completeTimer(db, t);
    handled += due.length;
    if (due.length < 50) break;
  }
  const busyMs = performance.now() - busyStart;
  const idle: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    await claimDueTimers(db, now, { limit: 50, leaseMs: 60_000 });
    await nextTimerDue(db);
    idle.push(performance.now() - s);
  }
  await database.close();
  const idleStats = summarize(idle);
  return [
    { section: 'scheduler', name: `tick with ${DUE} of ${SCHEDULES} due (claim + complete, PGlite)`, handled, totalMs: round(busyMs), perTimerMs: round(busyMs / Math.max(1, handled), 3) },
    { section: 'scheduler', name: `idle tick over ${SCHEDULES} schedules (PGlite)`, p50Ms: round(idleStats.p50, 3), p99Ms: round(idleStats.p99, 3), target: 'idle tick ≤ 5 ms', met: idleStats.p50 <= 5 },
  ];
}

/** 1,000 occurrences due in the same minute, posted to the emulator with the real clock. */
async function lateness(): Promise<Measurement> {
  const emu = await Emulator.start();
  const { guild } = emu.createGuild();
  const channels = Array.from({ length: 10 }, (_, i) => emu.addChannel(guild, { name: `room-${i}` }));
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-bench-sched-'));
  const config = loadConfig({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DATA_DIR: dataDir, ANON_SECRET: 'bench-secret-bench-secret-bench-secret-0123', LOG_LEVEL: 'silent' });
  const haven = await startHaven({ config, database, clock: systemClock, logger: createLogger('silent'), clientOptions: { rest: { globalRequestsPerSecond: 10_000, offset: 0 }, waitGuildTimeout: 1_000 } });
  const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
  const weekday = ((at.getUTCDay() + 6) % 7) + 1;
  const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  for (let i = 0; i < DUE; i++) {
    const s = await createSchedule(database.db, { guildId: guild.id, channelId: channels[i % 10]!.id, title: `Session ${i}`, prompt: null, weekday, time, zone: 'UTC', everyWeeks: 1, anchor: at, durationMinutes: 60, remindMinutes: 0, mirrorEvents: false, createdBy: 'bench' }, new Date());
    const o = await materializeNext(database.db, s, new Date(at.getTime() - 1));
    await scheduleTimer(database.db, { kind: OPEN_TIMER, key: o.id, guildId: guild.id, dueAt: o.startsAt }, new Date());
  }
  const posted = () => channels.flatMap((c) => emu.messagesIn(c)).filter((m) => m.content.includes('is starting now'));
  await emu.waitFor(() => posted().length >= DUE, { timeoutMs: Math.max(0, at.getTime() - Date.now()) + 240_000, what: 'all occurrences posted' }).catch(() => undefined);
  const delays = posted().map((m) => new Date(m.createdAt).getTime() - at.getTime());
  await haven.stop(2_000);
  await database.close();
  await emu.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const s = summarize(delays);
  return { section: 'scheduler', name: `lateness of ${DUE} occurrences due the same minute (PGlite, real clock)`, posted: delays.length, p50Ms: round(s.p50), p99Ms: round(s.p99), maxMs: round(s.max) };
}

export async function benchScheduler(log: (line: string) => void): Promise<Measurement[]> {
  const ticks = await tickCost();
  log(`  ticks: ${JSON.stringify(ticks.map((t) => t.totalMs ?? t.p50Ms))}`);
  const late = await lateness();
  log(`  lateness p99 ${late.p99Ms} ms`);
  return [...ticks, late];
}

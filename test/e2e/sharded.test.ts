import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHaven, type RunningHaven } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { Emulator } from '../emulator/index.js';
import { shardOf } from '../emulator/gateway.js';
import { TestClock } from '../helpers/clock.js';
import { openTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/db.js';

/** Two bot processes (shards 0 and 1 of 2) on one Postgres database: scheduled work happens once. */
describe.runIf(testDatabaseUrl)('two shards on one Postgres', () => {
  let emu: Emulator;
  let db: TestDatabase;
  let clock: TestClock;
  let shards: RunningHaven[];
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-shards-'));

  beforeAll(async () => {
    emu = await Emulator.start();
    db = await openTestDatabase();
    clock = new TestClock('2026-11-23T12:00:00Z');
    // Guild ids one millisecond apart, so (id >> 22) % 2 alternates and each shard serves three.
    const base = BigInt(Date.now() - 1_420_070_400_000);
    const guilds = Array.from({ length: 6 }, (_, i) => emu.createGuild({ name: `Circle ${i}`, id: String((base + BigInt(i)) << 22n) }));
    expect(new Set(guilds.map((g) => shardOf(g.guild.id, 2))).size).toBe(2);
    shards = await Promise.all(
      [0, 1].map((id) =>
        startHaven({
          config: loadConfig({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DATABASE_URL: db.url, DATA_DIR: dataDir, SHARDS: String(id), SHARD_COUNT: '2', LOG_LEVEL: 'silent', ANON_SECRET: 'shard-secret-shard-secret-shard-secret-0123' }),
          database: db, clock, logger: createLogger('silent'),
          clientOptions: { rest: { globalRequestsPerSecond: 10_000, offset: 0 }, waitGuildTimeout: 1_000 },
          timerOptions: { maxSleepMs: 50, batch: 50, leaseMs: 120_000 },
        }),
      ),
    );
    expect(shards.map((s) => s.client.guilds.cache.size).sort()).toEqual([...new Set(guilds.map((g) => shardOf(g.guild.id, 2)))].map((shard) => guilds.filter((g) => shardOf(g.guild.id, 2) === shard).length).sort());

    // Every server gets a check-in and an open case.
    for (const { guild, owner, general } of guilds) {
      const mods = emu.addRole(guild, { name: 'Moderators' });
      const queue = emu.addChannel(guild, { name: 'queue', overwrites: [{ id: guild.id, type: 0, allow: 0n, deny: P.ViewChannel }, { id: [...guild.roles.values()].find((r) => r.managed)!.id, type: 0, allow: P.ViewChannel, deny: 0n }] });
      await emu.slash(owner, general, 'setup moderation', { role: mods, queue });
      await emu.slash(owner, general, 'checkin schedule', { channel: general, day: 1, time: '18:00', timezone: 'UTC', title: 'Shard check', remind_minutes: 0 });
      await emu.slash(emu.addMember(guild, { username: 'asker' }), general, 'help-me', { message: 'hello?' });
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled((shards ?? []).map((s) => s.stop(1_000)));
    await emu?.stop();
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('each guild is served by exactly one shard', () => {
    const ids = shards.flatMap((s) => [...s.client.guilds.cache.keys()]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('posts each check-in exactly once and re-pings each unclaimed case exactly once', async () => {
    clock.set('2026-11-23T18:01:00Z');
    await Promise.all(shards.map((s) => s.runJobsNow()));
    await Promise.all(shards.map((s) => s.runJobsNow()));
    await emu.idle(200);
    for (const g of emu.store.guilds.values()) {
      const general = emu.channelsOf(g).find((c) => c.name === 'general')!;
      expect(emu.messagesIn(general).filter((m) => m.content.includes('**Shard check** is starting now'))).toHaveLength(1);
      const queue = emu.channelsOf(g).find((c) => c.name === 'queue')!;
      const pings = emu.channelsOf(g).filter((c) => c.parentId === queue.id).flatMap((thread) => emu.messagesIn(thread)).filter((m) => m.content.includes('still unclaimed'));
      expect(pings).toHaveLength(1);
    }
  });
});

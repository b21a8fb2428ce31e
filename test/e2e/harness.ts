import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startHaven, type RunningHaven } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Command } from '../../src/commands/types.js';
import { createLogger } from '../../src/logger.js';
import { Emulator, type Channel, type Guild, type MemberRef, type Role } from '../emulator/index.js';
import { TestClock } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/db.js';

export interface TestHaven {
  readonly emu: Emulator;
  readonly db: TestDatabase;
  readonly clock: TestClock;
  readonly config: Config;
  /** Every log line Haven wrote (JSON), for leak checks. */
  readonly logs: string[];
  readonly guild: Guild;
  readonly owner: MemberRef;
  readonly general: Channel;
  readonly botRole: Role;
  haven: RunningHaven;
  /** Stops Haven as a deploy would and starts a fresh process on the same database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestHavenOptions {
  env?: Record<string, string>;
  botPermissions?: bigint;
  clockStart?: string;
  /** Replaces Haven's commands (e.g. to add a command that fails on purpose). */
  commands?: readonly Command[];
}

/** The emulator, a fresh test database, one server, and Haven started in-process against them. */
export async function startTestHaven(options: TestHavenOptions = {}): Promise<TestHaven> {
  const emu = await Emulator.start();
  const db = await openTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-e2e-'));
  const clock = new TestClock(options.clockStart);
  const logs: string[] = [];
  const logger = createLogger('info', new Writable({ write(chunk: Buffer, _enc, done) { logs.push(chunk.toString('utf8')); done(); } }));
  const config = loadConfig({
    DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DATA_DIR: dataDir, LOG_LEVEL: 'info', ANON_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789', ...options.env,
  });
  const { guild, owner, general, botRole } = emu.createGuild({ name: 'Pink Ribbon Circle', ...(options.botPermissions !== undefined ? { botPermissions: options.botPermissions } : {}) });
  const start = () =>
    startHaven({
      config, database: db, clock, logger,
      clientOptions: { rest: { globalRequestsPerSecond: 10_000, offset: 0 }, waitGuildTimeout: 1_000 },
      timerOptions: { maxSleepMs: 50, batch: 50, leaseMs: 120_000 },
      ...(options.commands ? { commands: options.commands } : {}),
    });
  const t: TestHaven = {
    emu, db, clock, config, logs, guild, owner, general, botRole,
    haven: await start(),
    async restart() {
      await t.haven.stop(2_000);
      t.haven = await start();
    },
    async stop() {
      await t.haven.stop(2_000).catch(() => {});
      await emu.stop();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

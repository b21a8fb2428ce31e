import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, REST, Routes } from 'discord.js';
import { startHaven } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import type { Database } from '../src/db/types.js';
import { createLogger } from '../src/logger.js';
import { Emulator, type Channel, type MemberRef } from '../test/emulator/index.js';
import { createScratchDatabase, dropScratchDatabase } from '../test/helpers/db.js';
import { round, summarize, type Measurement } from './stats.js';

const TOTAL = Number(process.env.BENCH_INTERACTIONS ?? 5000);
const IN_FLIGHT = 64;

interface Run {
  latencies: number[];
  misses: number;
  seconds: number;
}

/** Drives `TOTAL` slash commands, `IN_FLIGHT` at a time, through the real client; latency = until the member sees the answer. */
async function drive(emu: Emulator, members: MemberRef[], channel: Channel, command: string, options: (i: number) => Record<string, string>): Promise<Run> {
  const latencies: number[] = [];
  let misses = 0;
  let next = 0;
  const start = performance.now();
  emu.answerTimeoutMs = 10_000;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < TOTAL; i = next++) {
        const t0 = performance.now();
        try {
          const seen = await emu.slash(members[i % members.length]!, channel, command, options(i));
          latencies.push(performance.now() - t0);
          const record = emu.interactions.records.get(seen.interactionId)!;
          if (!record.answeredAt || record.answeredAt - record.createdAt > 3000) misses++;
        } catch {
          misses++;
        }
      }
    }),
  );
  return { latencies, misses, seconds: (performance.now() - start) / 1000 };
}

function figures(section: string, name: string, run: Run, bareP99?: number): Measurement {
  const s = summarize(run.latencies);
  return {
    section, name, interactions: TOTAL, inFlight: IN_FLIGHT, throughputPerSec: Math.round(TOTAL / run.seconds), p50Ms: round(s.p50), p99Ms: round(s.p99), maxMs: round(s.max),
    deadlineMisses: run.misses, ...(bareP99 !== undefined ? { p99RatioToBare: round(s.p99 / bareP99), target: 'p99 ≤ 1.5× bare, 0 misses', met: s.p99 / bareP99 <= 1.5 && run.misses === 0 } : {}),
  };
}

/** A bare discord.js bot that answers at once: the baseline every Haven figure is divided by. */
async function bareBot(emu: Emulator): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl, globalRequestsPerSecond: 10_000, offset: 0 }, waitGuildTimeout: 1_000 });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) interaction.reply({ content: 'pong' }).catch(() => {});
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(emu.token);
  await ready;
  await new REST({ api: emu.apiUrl }).setToken(emu.token).put(Routes.applicationCommands(emu.applicationId), { body: [{ name: 'ping', description: 'pong', type: 1 }] });
  return client;
}

async function openBenchDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
    return { database, drop: () => database.close() };
  }
  const server = process.env.BENCH_DATABASE_URL!;
  const url = await createScratchDatabase(server);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
  return { database, drop: async () => { await database.close(); await dropScratchDatabase(server, url); } };
}

export async function benchInteractions(log: (line: string) => void): Promise<Measurement[]> {
  const results: Measurement[] = [];
  // (a) the bare bot
  const bareEmu = await Emulator.start();
  const bare = bareEmu.createGuild();
  const bareMembers = Array.from({ length: 100 }, (_, i) => bareEmu.addMember(bare.guild, { username: `m${i}` }));
  const client = await bareBot(bareEmu);
  await drive(bareEmu, bareMembers, bare.general, 'ping', () => ({})); // warm up
  const bareRun = await drive(bareEmu, bareMembers, bare.general, 'ping', () => ({}));
  await client.destroy();
  await bareEmu.stop();
  const bareP99 = summarize(bareRun.latencies).p99;
  results.push(figures('interactions', 'bare discord.js bot (reply at once)', bareRun));
  log(`  bare bot: p99 ${round(bareP99)} ms`);

  const engines: ('pglite' | 'postgres')[] = ['pglite', ...(process.env.BENCH_DATABASE_URL ? (['postgres'] as const) : [])];
  for (const engine of engines) {
    const emu = await Emulator.start();
    const { guild, owner, general } = emu.createGuild();
    const { database, drop } = await openBenchDatabase(engine);
    const dataDir = mkdtempSync(join(tmpdir(), 'haven-bench-'));
    const config = loadConfig({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DATA_DIR: dataDir, ANON_SECRET: 'bench-secret-bench-secret-bench-secret-0123', LOG_LEVEL: 'silent' });
    const haven = await startHaven({ config, database, clock: systemClock, logger: createLogger('silent'), clientOptions: { rest: { globalRequestsPerSecond: 10_000, offset: 0 }, waitGuildTimeout: 1_000 } });
    await emu.slash(owner, general, 'setup region', { country: 'US', timezone: 'America/New_York' });
    await emu.slash(owner, general, 'condition add', { name: 'Long COVID', description: 'After the infection' });
    const members = Array.from({ length: TOTAL }, (_, i) => emu.addMember(guild, { username: `member${i}` }));
    await drive(emu, members.slice(0, 200), general, 'resources', () => ({})); // warm up
    const resources = await drive(emu, members, general, 'resources', () => ({}));
    results.push(figures('interactions', `Haven /resources (${engine})`, resources, bareP99));
    log(`  /resources on ${engine}: p99 ${round(summarize(resources.latencies).p99)} ms`);
    const joins = await drive(emu, members, general, 'join', () => ({ condition: 'Long COVID' }));
    results.push(figures('interactions', `Haven /join, a database write (${engine})`, joins, bareP99));
    log(`  /join on ${engine}: p99 ${round(summarize(joins.latencies).p99)} ms`);
    await haven.stop(2_000);
    await drop();
    await emu.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

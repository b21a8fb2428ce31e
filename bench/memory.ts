import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, type Channel, type MemberRef } from '../test/emulator/index.js';
import { createScratchDatabase, dropScratchDatabase } from '../test/helpers/db.js';
import { round, rssMb, type Measurement } from './stats.js';

const GUILDS = Number(process.env.BENCH_GUILDS ?? 2000);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 120);

/** Haven as a separate process (npm start's entry point), so its RSS is its own. */
export async function benchMemory(log: (line: string) => void): Promise<Measurement[]> {
  const emu = await Emulator.start();
  const rooms: { channel: Channel; members: MemberRef[] }[] = [];
  for (let g = 0; g < GUILDS; g++) {
    const { guild, general } = emu.createGuild({ name: `Circle ${g}` });
    for (let c = 0; c < 9; c++) emu.addChannel(guild, { name: `room-${c}` });
    rooms.push({ channel: general, members: Array.from({ length: 50 }, (_, m) => emu.addMember(guild, { username: `g${g}m${m}` })) });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-bench-mem-'));
  const server = process.env.BENCH_DATABASE_URL;
  const url = server ? await createScratchDatabase(server) : undefined;
  const engine = url ? 'Postgres' : 'PGlite';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: url ?? '', ANON_SECRET: 'bench-secret-bench-secret-bench-secret-0123' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  try {
    await emu.waitFor(() => output.includes('Haven is ready'), { timeoutMs: 180_000, what: 'Haven ready' });
    await new Promise((r) => setTimeout(r, 3_000));
    const afterReady = rssMb(child.pid!);
    log(`  RSS after ready with ${GUILDS} guilds: ${round(afterReady)} MB`);
    const say = (i: number) => {
      const room = rooms[i % rooms.length]!;
      emu.say(room.members[i % room.members.length]!, room.channel, `message ${i}: long day at the clinic but feeling okay, thanks for asking`);
    };
    for (let i = 0; i < 10_000; i++) {
      say(i);
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    await emu.idle(500, 120_000).catch(() => undefined);
    const afterMessages = rssMb(child.pid!);
    log(`  RSS after 10,000 messages: ${round(afterMessages)} MB`);
    const soakStart = rssMb(child.pid!);
    const samples: number[] = [];
    const end = Date.now() + SOAK_SECONDS * 1000;
    let i = 10_000;
    while (Date.now() < end) {
      for (let k = 0; k < 50; k++) say(i++);
      await new Promise((r) => setTimeout(r, 100));
      if (i % 2_000 === 0) samples.push(rssMb(child.pid!));
    }
    const soakEnd = rssMb(child.pid!);
    return [
      { section: 'memory', name: `RSS after ready, ${GUILDS} guilds × 10 channels × 50 members (${engine})`, rssMb: round(afterReady), target: '≤ 300 MB', met: afterReady <= 300 },
      { section: 'memory', name: 'RSS after 10,000 messages', rssMb: round(afterMessages) },
      { section: 'memory', name: `RSS growth over a ${SOAK_SECONDS}-second soak (~500 msgs/s)`, messages: i - 10_000, startMb: round(soakStart), endMb: round(soakEnd), growthMb: round(soakEnd - soakStart), peakMb: round(Math.max(soakStart, ...samples)) },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await emu.stop();
    if (server && url) await dropScratchDatabase(server, url);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

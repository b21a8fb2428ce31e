import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Emulator } from '../emulator/index.js';

/** The shipped entry point, as an operator runs it: `npm start`, then SIGTERM. */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-npm-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on a fresh DATA_DIR, answers a command, and exits cleanly on SIGTERM', async () => {
    const emu = await Emulator.start();
    const { owner, general } = emu.createGuild();
    const env = { ...process.env, DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '', TEST_DATABASE_URL: '' };
    const child = spawn('npm', ['start', '--silent'], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`${code}/${signal}`)));
    try {
      await emu.waitFor(() => output.includes('Haven is ready'), { timeoutMs: 45_000, what: `"Haven is ready" in:\n${output}` });
      const seen = await emu.slash(owner, general, 'help');
      expect(seen.ephemeral).toBe(true);
      expect(seen.text).toContain('/help');
      child.kill('SIGTERM');
      const how = await exited;
      expect(how).toBe('0/null');
      expect(output).toContain('"msg":"stopped"');
    } finally {
      child.kill('SIGKILL');
      await emu.stop();
    }
  }, 90_000);

  function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    const child = spawn('npm', ['start', '--silent'], { cwd: process.cwd(), env: { ...process.env, DATA_DIR: dataDir, TEST_DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
  }

  it('npm run deploy-commands registers every command with the (emulated) Discord, in one guild when DEV_GUILD_ID is set', async () => {
    const emu = await Emulator.start();
    const { guild } = emu.createGuild();
    try {
      const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
        const child = spawn('npm', ['run', '--silent', 'deploy-commands'], { cwd: process.cwd(), env: { ...process.env, DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DEV_GUILD_ID: guild.id, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
        let text = '';
        child.stdout.on('data', (c: Buffer) => (text += c.toString()));
        child.stderr.on('data', (c: Buffer) => (text += c.toString()));
        child.on('exit', (code) => resolve({ code, text }));
      });
      expect(output.code).toBe(0);
      expect(output.text).toMatch(/Deployed \d+ commands to guild/);
      const names = emu.registeredCommands(guild.id).map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(['help', 'join', 'resources', 'checkin', 'Report to moderators', 'Reply anonymously']));
      expect(emu.registeredCommands(null)).toEqual([]);
    } finally {
      await emu.stop();
    }
  }, 60_000);

  it('exits 1 with one readable message naming every bad key', async () => {
    const { code, output } = await runUntilExit({ DISCORD_TOKEN: '', LOG_LEVEL: 'loud', SHARD_COUNT: 'two', DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(output).toContain('DISCORD_TOKEN');
    expect(output).toContain('LOG_LEVEL');
    expect(output).toContain('SHARD_COUNT');
    expect(output).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('says the database is unreachable instead of printing a stack trace', async () => {
    const { code, output } = await runUntilExit({ DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.x.y', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere', ANON_SECRET: 'x'.repeat(40), LOG_LEVEL: 'error' });
    expect(code).toBe(1);
    expect(output).toMatch(/unreachable|can't reach|cannot reach/i);
    expect(output).not.toMatch(/\n\s+at /);
  }, 60_000);
});

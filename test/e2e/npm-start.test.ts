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
});

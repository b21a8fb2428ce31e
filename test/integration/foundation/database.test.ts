import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { DataDirLockedError } from '../../../src/db/pglite-lock.js';
import { getGuildSettings, updateGuildSettings } from '../../../src/features/settings/guild-settings.js';
import { createScratchDatabase, dropScratchDatabase, testDatabaseUrl } from '../../helpers/db.js';

const guildId = '111111111111111111';
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'haven-db-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('embedded database (PGlite)', () => {
  it('keeps data across restarts and re-applying migrations changes nothing', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await updateGuildSettings(first.db, guildId, { country: 'US' }, new Date('2026-01-01T00:00:00Z'));
    await first.close();
    const second = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect((await getGuildSettings(second.db, guildId)).country).toBe('US');
    await second.close();
  });

  it('refuses a second process on the same directory and leaves the data intact', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/hold-pglite.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    expect(chunk.toString()).toContain('ready');

    const attempt = openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(attempt).rejects.toThrow(/one process per directory/);

    child.kill('SIGTERM');
    await once(child, 'exit');
    const reopened = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect((await getGuildSettings(reopened.db, guildId)).timezone).toBe('Europe/London');
    await reopened.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/hold-pglite.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout, 'data');
    child.kill('SIGKILL');
    await once(child, 'exit');
    const reopened = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect((await getGuildSettings(reopened.db, guildId)).timezone).toBe('Europe/London');
    await reopened.close();
  });

  it('refuses to open the same directory twice in one process', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
  });
});

describe.runIf(testDatabaseUrl)('Postgres server', () => {
  it('lets several processes migrate one fresh database at the same moment', async () => {
    const serverUrl = testDatabaseUrl!;
    const url = await createScratchDatabase(serverUrl);
    try {
      const script = "import { openDatabase } from './src/db/client.ts'; const d = await openDatabase({ kind: 'postgres', url: process.argv[1] }); await d.close(); process.stdout.write('migrated');";
      const runs = [0, 1, 2].map(() => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, url], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        return once(child, 'exit').then(([code]) => ({ code: code as number, out }));
      });
      const results = await Promise.all(runs);
      expect(results).toEqual([0, 1, 2].map(() => ({ code: 0, out: 'migrated' })));
      const again = await openDatabase({ kind: 'postgres', url });
      await updateGuildSettings(again.db, guildId, { country: 'CA' }, new Date());
      expect((await getGuildSettings(again.db, guildId)).country).toBe('CA');
      await again.close();
    } finally {
      await dropScratchDatabase(serverUrl, url);
    }
  });

  it('says the database is unreachable instead of crashing with a stack', async () => {
    await expect(openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/nothing' })).rejects.toThrow(/database is unreachable/);
  });
});

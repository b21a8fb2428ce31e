// Child process for the lock test: opens an embedded database directory, writes one row, holds it.
import { openDatabase } from '../../src/db/client.js';
import { updateGuildSettings } from '../../src/features/settings/guild-settings.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-pglite <dir>');
const database = await openDatabase({ kind: 'pglite', dataDir: dir });
await updateGuildSettings(database.db, '111111111111111111', { timezone: 'Europe/London' }, new Date('2026-01-01T00:00:00Z'));
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void database.close().then(() => process.exit(0));
});
setInterval(() => {}, 1 << 30);

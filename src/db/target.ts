import { join } from 'node:path';
import type { Config } from '../config.js';
import type { DatabaseTarget } from './client.js';

/** DATABASE_URL → Postgres server; otherwise the embedded PGlite in DATA_DIR. */
export function databaseTarget(config: Pick<Config, 'databaseUrl' | 'dataDir'>): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: join(config.dataDir) };
}

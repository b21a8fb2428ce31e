import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as schema from './schema/index.js';
import { lockDataDir } from './pglite-lock.js';
import type { Database } from './types.js';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** Any constant works; it only has to be the same in every Haven process. */
const MIGRATION_LOCK_KEY = 7_283_146_001;

/** Thrown when the Postgres server cannot be reached or refuses us; the message is for the operator. */
export class DatabaseUnreachableError extends Error {
  constructor(readonly reason: string) {
    super(`The database is unreachable (${reason}). Check DATABASE_URL and that the server is running.`);
    this.name = 'DatabaseUnreachableError';
  }
}

export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string | 'memory' };

/** Opens the database and applies pending migrations before returning. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize ?? 10) : openPglite(target.dataDir);
}

async function openPglite(dataDir: string | 'memory'): Promise<Database> {
  const release = dataDir === 'memory' ? () => {} : lockDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = dataDir === 'memory' ? new PGlite() : new PGlite(join(dataDir, 'pglite'));
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder });
    return {
      db,
      driver: 'pglite',
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const postgres = (await import('postgres')).default;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // Drizzle's migrator takes no lock: two processes starting together would collide, so the
  // migration runs under a session advisory lock on its own single connection.
  const migrator = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
  } catch (error) {
    await migrator.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnreachableError(describe(error));
  }
  try {
    await migrate(drizzle({ client: migrator }), { migrationsFolder });
  } finally {
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await migrator.end({ timeout: 5 });
  }
  const client = postgres(url, { max: poolSize, onnotice: () => {}, connect_timeout: 10 });
  return { db: drizzle({ client, schema }), driver: 'postgres', close: () => client.end({ timeout: 5 }) };
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(': ') || 'unknown error';
}

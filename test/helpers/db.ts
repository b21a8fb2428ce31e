import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.js';
import type { Database, Db } from '../../src/db/types.js';

export interface TestDatabase extends Database {
  /** Empties every table (keeps the migrations), for a clean slate between tests. */
  truncate(): Promise<void>;
  /** The Postgres URL of this test's own database (undefined on PGlite). */
  readonly url: string | undefined;
}

/** Which engine the database suites run on: PGlite by default, Postgres when TEST_DATABASE_URL is set. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;
export const engineName = testDatabaseUrl ? 'postgres' : 'pglite';

/**
 * A migrated database of its own: in-memory PGlite, or a fresh database on the Postgres server
 * named by TEST_DATABASE_URL (dropped on close), so runs and files never see each other's rows.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (!testDatabaseUrl) {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
    return { ...database, url: undefined, truncate: () => truncateAll(database.db) };
  }
  const url = await createScratchDatabase(testDatabaseUrl);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  return {
    ...database,
    url,
    truncate: () => truncateAll(database.db),
    async close() {
      await database.close();
      await dropScratchDatabase(testDatabaseUrl, url);
    },
  };
}

export async function createScratchDatabase(serverUrl: string): Promise<string> {
  const name = `haven_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropScratchDatabase(serverUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Both drivers' raw results, as rows (postgres.js gives an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

export async function truncateAll(db: Db): Promise<void> {
  const tables = rowsOf<{ tablename: string }>(await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`));
  if (tables.length === 0) return;
  await db.execute(sql.raw(`truncate ${tables.map((t) => `"${t.tablename}"`).join(', ')} restart identity cascade`));
}

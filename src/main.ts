import 'dotenv/config';
import { startHaven, type RunningHaven } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnreachableError, openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/pglite-lock.js';
import { databaseTarget } from './db/target.js';
import type { Database } from './db/types.js';
import { createLogger } from './logger.js';
import { checkHealth, startHealthServer } from './health.js';
import type { Server } from 'node:http';

const SHUTDOWN_LIMIT_MS = 10_000;

/** Problems the operator can fix: one clear message, exit code 1, no stack trace. */
function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(error.message);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  let database: Database;
  try {
    database = await openDatabase(databaseTarget(config));
  } catch (error) {
    if (error instanceof DatabaseUnreachableError || error instanceof DataDirLockedError) exitWith(error.message);
    throw error;
  }

  let haven: RunningHaven | undefined;
  let health: Server | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    health?.close();
    await haven?.stop(SHUTDOWN_LIMIT_MS - 2_000);
    await database.close();
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown(signal).catch((error: unknown) => exitWith(`Shutdown failed: ${String(error)}`)));
  }

  try {
    haven = await startHaven({ config, database, clock: systemClock, logger, version: process.env.npm_package_version });
    if (config.healthPort) {
      const running = haven;
      health = await startHealthServer(config.healthPort, () => checkHealth(running.client, database.db));
      logger.info({ port: config.healthPort }, 'health endpoint listening');
    }
  } catch (error) {
    await database.close().catch(() => {});
    const code = (error as { code?: string }).code;
    if (code === 'TokenInvalid') exitWith('Discord refused the token (DISCORD_TOKEN). Copy it again from the Developer Portal → Bot → Reset Token.');
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Haven stopped because of an unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

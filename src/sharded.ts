import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.js';

/**
 * `npm run start:sharded`: one process per shard, all on one Postgres server. SHARDS=auto asks
 * Discord for the recommended count (about 1,000 servers per shard); SHARDS=4 fixes it.
 */
async function main(): Promise<void> {
  const { SHARDS, ...rest } = process.env;
  const config = loadConfig(rest);
  if (!config.databaseUrl) {
    throw new ConfigError([
      'DATABASE_URL is required for sharded mode: the embedded database (PGlite) allows one process per data directory, and every shard is its own process. Run `npm start` for one process, or point DATABASE_URL at a Postgres server.',
    ]);
  }
  const requested = z.union([z.literal('auto'), z.coerce.number().int().min(1)]).safeParse(SHARDS ?? 'auto');
  if (!requested.success) throw new ConfigError(['SHARDS must be "auto" or a whole number of shards']);
  const totalShards = requested.data === 'auto' ? await recommendedShards(config.discordToken, config.discordApiUrl) : requested.data;

  const manager = new ShardingManager(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    token: config.discordToken,
    totalShards,
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => process.stdout.write(`${JSON.stringify({ level: 30, msg: 'shard started', shard: shard.id, totalShards })}\n`));
  const stop = () => {
    manager.respawn = false;
    for (const shard of manager.shards.values()) shard.process?.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await manager.spawn({ timeout: 60_000 });
}

async function recommendedShards(token: string, api: string | undefined): Promise<number> {
  const rest = new REST(api ? { api } : {}).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

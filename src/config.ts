import { resolve } from 'node:path';
import { z } from 'zod';

/** Haven's validated, frozen configuration. Built only by {@link loadConfig}. */
export interface Config {
  readonly discordToken: string;
  readonly applicationId: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly discordApiUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly devGuildId: string | undefined;
  readonly anonSecret: string | undefined;
  readonly healthPort: number | undefined;
  /** Shard ids this process runs (set by `npm run start:sharded` for each child); undefined = all. */
  readonly shards: number[] | undefined;
  readonly shardCount: number | undefined;
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Raised when the environment is unusable; `problems` lists every bad key at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Haven cannot start; fix these settings (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z.object({
  DISCORD_TOKEN: z.preprocess(blankIsUnset, z.string({ error: 'is required: the bot token from the Discord Developer Portal → Bot' }).min(20, 'does not look like a bot token')),
  DISCORD_APPLICATION_ID: z.preprocess(blankIsUnset, snowflake.optional()),
  DATABASE_URL: z.preprocess(
    blankIsUnset,
    z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL, or unset for the embedded database').optional(),
  ),
  DATA_DIR: z.preprocess(blankIsUnset, z.string().default('./data')),
  DISCORD_API_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' }).optional()),
  LOG_LEVEL: z.preprocess(blankIsUnset, z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info')),
  DEV_GUILD_ID: z.preprocess(blankIsUnset, snowflake.optional()),
  ANON_SECRET: z.preprocess(blankIsUnset, z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 48)').optional()),
  HEALTH_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(65535).optional()),
  SHARDS: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^(\d+|\[\s*\d+(\s*,\s*\d+)*\s*\])$/, 'must be a shard id or a JSON list of ids here; SHARDS=auto belongs to npm run start:sharded')
      .transform((v): number[] => [JSON.parse(v) as number | number[]].flat())
      .optional(),
  ),
  SHARD_COUNT: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).optional()),
});

/** Token shape: base64(application id) . timestamp . hmac — the id can be read from it. */
export function applicationIdFromToken(token: string): string | undefined {
  const first = token.split('.')[0];
  if (!first) return undefined;
  const id = Buffer.from(first, 'base64').toString('utf8');
  return /^\d{17,20}$/.test(id) ? id : undefined;
}

/**
 * Reads and checks every key of `env`. Pure: no I/O, no process.env.
 * @throws ConfigError listing every problem at once.
 */
export function loadConfig(env: Record<string, string | undefined>, options: { requireToken?: boolean } = {}): Config {
  const input = options.requireToken === false ? { DISCORD_TOKEN: 'not-needed-for-this-command', ...env } : env;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.SHARD_COUNT ?? 1) > 1 && !e.DATABASE_URL) {
    problems.push('DATABASE_URL is required when running several shards: the embedded database allows one process per data directory, so shards must share a Postgres server');
  }
  if (e.DATABASE_URL && !e.ANON_SECRET) {
    problems.push('ANON_SECRET is required with DATABASE_URL: every process on the database must use the same secret for anonymous posts (at least 32 characters, e.g. openssl rand -base64 48)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    discordToken: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID ?? applicationIdFromToken(e.DISCORD_TOKEN),
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    discordApiUrl: e.DISCORD_API_URL?.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    devGuildId: e.DEV_GUILD_ID,
    anonSecret: e.ANON_SECRET,
    healthPort: e.HEALTH_PORT,
    shards: e.SHARDS,
    shardCount: e.SHARD_COUNT,
  });
}

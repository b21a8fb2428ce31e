import { Events, REST, type Client, type ClientOptions } from 'discord.js';
import { once } from 'node:events';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { Database } from './db/types.js';
import type { Logger } from './logger.js';
import { commands as defaultCommands } from './commands/index.js';
import type { Command, ComponentHandler } from './commands/types.js';
import { components as defaultComponents } from './components/index.js';
import { createClient } from './discord/client.js';
import { syncCommands } from './discord/command-sync.js';
import { logConnectionEvents } from './events/connection.js';
import { listenForInteractions } from './events/interaction-create.js';
import { listenForConditionChanges } from './events/condition-sync.js';
import { listenForMessages } from './events/message-create.js';
import { listenForDepartures } from './events/member-lifecycle.js';
import { ensureTimer } from './features/timers/timers.js';
import { RETENTION_TIMER } from './jobs/privacy-timers.js';
import { defaultJobs } from './jobs/index.js';
import type { BackgroundJob, RunningJob } from './jobs/types.js';
import type { TimerRunnerOptions } from './jobs/timer-runner.js';
import { createRouter } from './interactions/router.js';
import { deriveKeys } from './features/anonymous/keys.js';
import { loadOrCreateSecret } from './features/anonymous/secret.js';

export interface HavenOptions {
  readonly config: Config;
  readonly database: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly clientOptions?: Partial<ClientOptions>;
  readonly commands?: readonly Command[];
  readonly components?: readonly ComponentHandler[];
  readonly jobs?: readonly BackgroundJob[];
  readonly version?: string;
  /** Tests shorten the timer runner's longest sleep so a moved clock is noticed quickly. */
  readonly timerOptions?: TimerRunnerOptions;
}

export interface RunningHaven {
  readonly client: Client<true>;
  readonly ctx: AppContext;
  /** Stops taking work, finishes what is in flight (≤ `graceMs`), stops jobs and the gateway. The database stays open. */
  stop(graceMs?: number): Promise<void>;
  /** Runs every background job's pass now (tests call it after moving the clock). */
  runJobsNow(): Promise<void>;
}

/** Logs in, syncs commands, starts background jobs. Used by main.ts and by the end-to-end tests. */
export async function startHaven(options: HavenOptions): Promise<RunningHaven> {
  const { config, database, clock, logger } = options;
  const commands = options.commands ?? defaultCommands;
  const client = createClient(config, options.clientOptions);
  const secret = loadOrCreateSecret({ ...(config.anonSecret ? { configured: config.anonSecret } : {}), dataDir: config.dataDir });
  if (secret.created) logger.warn({ path: secret.path }, 'generated ANON_SECRET into DATA_DIR (keep this file: without it, anonymous authors can no longer be blocked or revealed)');
  const ctx: AppContext = { config, db: database.db, driver: database.driver, clock, logger, client, anon: deriveKeys(secret.secret) };
  const router = createRouter(ctx, commands, options.components ?? defaultComponents);
  logConnectionEvents(client, logger);
  listenForInteractions(ctx, client, router);
  listenForConditionChanges(ctx, client);
  listenForMessages(ctx, client);
  listenForDepartures(ctx, client);

  const ready = once(client, Events.ClientReady) as Promise<[Client<true>]>;
  await client.login(config.discordToken);
  const [readyClient] = await ready;

  const applicationId = config.applicationId ?? readyClient.application.id;
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.discordToken);
  const deployed = await syncCommands(database.db, { rest, applicationId, guildId: config.devGuildId }, commands, clock.now());
  logger.info(
    { guilds: readyClient.guilds.cache.size, driver: database.driver, version: options.version, commandsDeployed: deployed, shard: readyClient.shard?.ids },
    'Haven is ready',
  );

  await ensureTimer(database.db, { kind: RETENTION_TIMER, key: 'daily', dueAt: clock.now() }, clock.now());
  const running: RunningJob[] = (options.jobs ?? defaultJobs(options.timerOptions)).map((job) => job.start(ctx));
  return {
    client: readyClient,
    ctx,
    async stop(graceMs = 8_000) {
      await router.drain(graceMs);
      await Promise.allSettled(running.map((job) => job.stop()));
      await client.destroy();
    },
    async runJobsNow() {
      for (const job of running) await job.runNow();
    },
  };
}

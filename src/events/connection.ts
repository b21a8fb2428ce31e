import { Events, type Client } from 'discord.js';
import type { Logger } from '../logger.js';

/** Gateway trouble is logged; discord.js reconnects and resumes on its own. */
export function logConnectionEvents(client: Client, logger: Logger): void {
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ shardId, err: error }, 'gateway error'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ warning: message }, 'discord.js warning'));
}

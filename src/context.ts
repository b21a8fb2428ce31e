import type { Client } from 'discord.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db, Driver } from './db/types.js';
import type { Logger } from './logger.js';
import type { AnonKeys } from './features/anonymous/keys.js';

/** Everything a handler may use, passed in as a parameter (no module singletons). */
export interface AppContext {
  readonly config: Config;
  readonly db: Db;
  readonly driver: Driver;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly client: Client;
  /** Keys for pseudonyms, sealed authors and block hashes, derived from ANON_SECRET (never stored in the database). */
  readonly anon: AnonKeys;
}

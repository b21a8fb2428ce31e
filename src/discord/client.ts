import { Client, GatewayIntentBits, Options, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';

/**
 * Guilds: channels, roles, threads. GuildMessages + MessageContent (privileged): crisis scanning
 * reads message text in the channels where admins turned it on. GuildMembers (privileged): a
 * member leaving starts the retention clock for their data, and coming back stops it.
 */
export const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent];

export function createClient(config: Config, overrides: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents,
    // GuildMember: a departure is seen even for a member no longer in the (bounded) cache.
    partials: [Partials.Channel, Partials.GuildMember],
    // Haven never needs old messages, presences or other users beyond the interaction at hand.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      VoiceStateManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 200, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
    allowedMentions: { parse: [] },
    // SHARDS / SHARD_COUNT were validated by loadConfig; passing them stops discord.js parsing the env itself.
    ...(config.shards ? { shards: config.shards } : {}),
    ...(config.shardCount ? { shardCount: config.shardCount } : {}),
    ...overrides,
    rest: { ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}), ...overrides.rest },
  });
}

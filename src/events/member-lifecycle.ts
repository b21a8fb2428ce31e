import { Events, type Client } from 'discord.js';
import type { AppContext } from '../context.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { cancelTimer, scheduleTimer } from '../features/timers/timers.js';

export const ERASE_MEMBER_TIMER = 'privacy.erase-member';
export const ERASE_GUILD_TIMER = 'privacy.erase-guild';
/** When Haven is removed from a server, that server's data is kept this long in case it comes back. */
export const GUILD_RETENTION_DAYS = 30;
const DAY = 86_400_000;

/** Departures start the retention clock; returns stop it. The erasure itself is a durable timer. */
export function listenForDepartures(ctx: AppContext, client: Client): void {
  const log = (error: unknown) => ctx.logger.error({ err: error }, 'retention bookkeeping failed');
  client.on(Events.GuildMemberRemove, (member) => {
    void (async () => {
      const settings = await getGuildSettings(ctx.db, member.guild.id);
      const now = ctx.clock.now();
      await scheduleTimer(ctx.db, { kind: ERASE_MEMBER_TIMER, key: `${member.guild.id}:${member.id}`, guildId: member.guild.id, dueAt: new Date(now.getTime() + settings.memberRetentionDays * DAY), payload: { memberId: member.id } }, now);
    })().catch(log);
  });
  client.on(Events.GuildMemberAdd, (member) => {
    cancelTimer(ctx.db, ERASE_MEMBER_TIMER, `${member.guild.id}:${member.id}`).catch(log);
  });
  client.on(Events.GuildDelete, (guild) => {
    // An outage also deletes guilds from the cache; only a real removal (available) starts the clock.
    if (!guild.available) return;
    const now = ctx.clock.now();
    scheduleTimer(ctx.db, { kind: ERASE_GUILD_TIMER, key: guild.id, guildId: guild.id, dueAt: new Date(now.getTime() + GUILD_RETENTION_DAYS * DAY) }, now).catch(log);
  });
  client.on(Events.GuildCreate, (guild) => {
    cancelTimer(ctx.db, ERASE_GUILD_TIMER, guild.id).catch(log);
  });
}

import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { isThread, type Channel, type Guild, type Store } from './state.js';

export const ALL = (1n << 53n) - 1n;

/** Guild-wide permissions of a member: @everyone plus their roles (Discord's algorithm). */
export function basePermissions(guild: Guild, userId: string): bigint {
  if (guild.ownerId === userId) return ALL;
  const member = guild.members.get(userId);
  if (!member) return 0n;
  let perms = guild.roles.get(guild.id)?.permissions ?? 0n;
  for (const roleId of member.roles) perms |= guild.roles.get(roleId)?.permissions ?? 0n;
  return perms & P.Administrator ? ALL : perms;
}

/** Permissions in a channel: base, then @everyone, role and member overwrites. Threads use their parent's. */
export function channelPermissions(store: Store, guild: Guild, channel: Channel, userId: string): bigint {
  const base = basePermissions(guild, userId);
  if (base === ALL) return ALL;
  const source = isThread(channel) && channel.parentId ? (store.channels.get(channel.parentId) ?? channel) : channel;
  const member = guild.members.get(userId);
  let perms = base;
  const everyone = source.overwrites.find((o) => o.id === guild.id);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of source.overwrites) {
    if (o.type === 0 && o.id !== guild.id && member?.roles.includes(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const own = source.overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own) perms = (perms & ~own.deny) | own.allow;
  if (!(perms & P.ViewChannel)) return 0n;
  if (isThread(channel) && channel.type === ChannelType.PrivateThread && !channel.threadMembers?.has(userId) && !(perms & P.ManageThreads)) return 0n;
  return perms;
}

export function has(perms: bigint, flag: bigint): boolean {
  return (perms & flag) === flag;
}

import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { DiscordError, missingAccess, missingPermissions, unknown } from './errors.js';
import type { Gateway } from './gateway.js';
import { channelPermissions, has } from './permissions.js';
import { apiChannel, apiMember, apiMessage, apiRole } from './serialize.js';
import { snowflake } from './snowflake.js';
import { isThread, type Channel, type Guild, type Message, type Pings, type Role, type Store } from './state.js';

type Obj = Record<string, unknown>;

/** Computes which pings a message actually produces, honouring `allowed_mentions` as Discord does. */
export function pingsOf(content: string, allowed: Obj | undefined, guild: Guild | undefined): Pings {
  const users = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1]!);
  const roles = [...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1]!);
  const everyone = /@(everyone|here)/.test(content);
  if (!allowed) return { users: [...new Set(users)], roles: [...new Set(roles)], everyone };
  const parse = Array.isArray(allowed.parse) ? (allowed.parse as string[]) : [];
  const listedUsers = Array.isArray(allowed.users) ? (allowed.users as string[]) : [];
  const listedRoles = Array.isArray(allowed.roles) ? (allowed.roles as string[]) : [];
  return {
    users: [...new Set(users.filter((u) => parse.includes('users') || listedUsers.includes(u)))],
    roles: [...new Set(roles.filter((r) => (parse.includes('roles') || listedRoles.includes(r)) && (guild === undefined || guild.roles.has(r))))],
    everyone: everyone && parse.includes('everyone'),
  };
}

/** State changes that Discord would announce on the gateway, and the permission checks around them. */
export class World {
  constructor(readonly store: Store, readonly gateway: Gateway) {}

  guild(id: string): Guild {
    const g = this.store.guilds.get(id);
    if (!g) throw unknown.guild();
    return g;
  }

  channel(id: string): Channel {
    const c = this.store.channels.get(id);
    if (!c) throw unknown.channel();
    return c;
  }

  role(guild: Guild, id: string): Role {
    const r = guild.roles.get(id);
    if (!r) throw unknown.role();
    return r;
  }

  /** The permissions someone has in a channel (DMs: everything but managing). */
  permsIn(channel: Channel, userId: string): bigint {
    if (!channel.guildId) return P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.EmbedLinks | P.AttachFiles;
    return channelPermissions(this.store, this.guild(channel.guildId), channel, userId);
  }

  /** Throws 50001 when the bot can't see the channel, 50013 when it lacks one of `flags`. */
  requireBot(channel: Channel, ...flags: bigint[]): void {
    const perms = this.permsIn(channel, this.store.botUser.id);
    if (!has(perms, P.ViewChannel)) throw missingAccess();
    for (const flag of flags) if (!has(perms, flag)) throw missingPermissions();
  }

  requireBotInGuild(guild: Guild, flag: bigint): void {
    const member = guild.members.get(this.store.botUser.id);
    if (!member) throw missingAccess();
    let perms = guild.roles.get(guild.id)?.permissions ?? 0n;
    for (const r of member.roles) perms |= guild.roles.get(r)?.permissions ?? 0n;
    if (!has(perms, P.Administrator) && !has(perms, flag)) throw missingPermissions();
  }

  /** A bot can only manage roles strictly below its own highest role. */
  requireRoleBelowBot(guild: Guild, role: Role): void {
    this.requireBotInGuild(guild, P.ManageRoles);
    if (role.managed || role.position >= this.store.highestRolePosition(guild, this.store.botUser.id)) throw missingPermissions();
  }

  addChannel(init: Partial<Channel> & { guildId: string; name: string; type?: ChannelType }): Channel {
    const channel: Channel = {
      id: snowflake(), type: ChannelType.GuildText, parentId: null, topic: null, position: this.store.channelsOf(init.guildId).length, overwrites: [], ...init,
    };
    if (isThread(channel)) channel.threadMembers ??= new Set();
    this.store.channels.set(channel.id, channel);
    this.gateway.dispatch(isThread(channel) ? 'THREAD_CREATE' : 'CHANNEL_CREATE', { ...apiChannel(channel), ...(isThread(channel) ? { newly_created: true } : {}) }, channel.guildId);
    return channel;
  }

  channelChanged(channel: Channel): void {
    this.gateway.dispatch(isThread(channel) ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', apiChannel(channel), channel.guildId);
  }

  deleteChannel(channel: Channel): void {
    this.store.channels.delete(channel.id);
    if (channel.guildId) {
      for (const child of this.store.channelsOf(channel.guildId)) if (isThread(child) && child.parentId === channel.id) this.store.channels.delete(child.id);
      this.gateway.dispatch(isThread(channel) ? 'THREAD_DELETE' : 'CHANNEL_DELETE', apiChannel(channel), channel.guildId);
    }
  }

  addRole(guild: Guild, init: Partial<Role> & { name: string }): Role {
    const position = init.position ?? Math.max(0, ...[...guild.roles.values()].filter((r) => r.id !== guild.id).map((r) => r.position)) + 1;
    const role: Role = { id: snowflake(), guildId: guild.id, permissions: 0n, managed: false, mentionable: false, ...init, position };
    if (init.position === undefined) {
      // New roles go just above @everyone, below the others, as in Discord.
      for (const r of guild.roles.values()) if (r.id !== guild.id && r.position >= 1) r.position++;
      role.position = 1;
    }
    guild.roles.set(role.id, role);
    this.gateway.dispatch('GUILD_ROLE_CREATE', { guild_id: guild.id, role: apiRole(role) }, guild.id);
    return role;
  }

  roleChanged(guild: Guild, role: Role): void {
    this.gateway.dispatch('GUILD_ROLE_UPDATE', { guild_id: guild.id, role: apiRole(role) }, guild.id);
  }

  deleteRole(guild: Guild, role: Role): void {
    guild.roles.delete(role.id);
    for (const m of guild.members.values()) m.roles = m.roles.filter((r) => r !== role.id);
    for (const c of this.store.channelsOf(guild.id)) c.overwrites = c.overwrites.filter((o) => o.id !== role.id);
    this.gateway.dispatch('GUILD_ROLE_DELETE', { guild_id: guild.id, role_id: role.id }, guild.id);
  }

  memberChanged(guild: Guild, userId: string): void {
    const member = guild.members.get(userId);
    if (member) this.gateway.dispatch('GUILD_MEMBER_UPDATE', { guild_id: guild.id, ...apiMember(this.store, member) }, guild.id);
  }

  /** Creates a message (permission and form checks are the caller's) and announces it. */
  postMessage(init: Pick<Message, 'channelId' | 'authorId' | 'content'> & Partial<Omit<Message, 'guildId'>> & { allowedMentions?: Obj | undefined }): Message {
    const channel = this.channel(init.channelId);
    const guild = channel.guildId ? this.store.guilds.get(channel.guildId) : undefined;
    const { allowedMentions, ...rest } = init;
    const message: Message = {
      id: snowflake(), createdAt: new Date().toISOString(), editedAt: null, deleted: false, embeds: [], components: [], flags: 0, attachments: [],
      ...rest, guildId: channel.guildId, pings: pingsOf(init.content, allowedMentions, guild),
    };
    this.store.messages.set(message.id, message);
    if (!message.ephemeralTo) this.gateway.dispatch('MESSAGE_CREATE', { ...apiMessage(this.store, message), ...(guild ? { member: this.memberJson(guild, message.authorId) } : {}) }, channel.guildId);
    return message;
  }

  private memberJson(guild: Guild, userId: string): Obj | undefined {
    const m = guild.members.get(userId);
    if (!m) return undefined;
    const { user: _user, ...rest } = apiMember(this.store, m);
    return rest;
  }

  message(channelId: string, id: string): Message {
    const m = this.store.messages.get(id);
    if (!m || m.deleted || m.channelId !== channelId) throw unknown.message();
    return m;
  }

  deleteMessage(message: Message): void {
    message.deleted = true;
    if (!message.ephemeralTo) this.gateway.dispatch('MESSAGE_DELETE', { id: message.id, channel_id: message.channelId, ...(message.guildId ? { guild_id: message.guildId } : {}) }, message.guildId);
  }
}

export function forbidden(message: string): DiscordError {
  return new DiscordError(403, 50013, message);
}

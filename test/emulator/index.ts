import type { Server } from 'node:http';
import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { World } from './core.js';
import { Faults } from './faults.js';
import { Gateway } from './gateway.js';
import { Interactions } from './interactions.js';
import { channelPermissions, has } from './permissions.js';
import { channelRoutes } from './rest/channels.js';
import { commandRoutes } from './rest/commands.js';
import { guildRoutes } from './rest/guilds.js';
import { interactionRoutes } from './rest/interactions.js';
import type { Route } from './rest/route.js';
import { webhookRoutes } from './rest/webhooks.js';
import { apiGuild, apiMember, apiUser } from './serialize.js';
import { portOf, startHttp, type LoggedRequest } from './server.js';
import { snowflake } from './snowflake.js';
import { Store, type Channel, type Guild, type Message, type Overwrite, type Role, type User } from './state.js';
import { Driver } from './driver.js';
import { requiredPermissionBits } from '../../src/discord/required-permissions.js';

export interface MemberRef {
  readonly id: string;
  readonly guildId: string;
  readonly user: User;
}

/** What every member can do on a fresh server (Discord's defaults, roughly). */
export const EVERYONE_DEFAULT = P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.UseApplicationCommands | P.AddReactions | P.EmbedLinks | P.AttachFiles | P.CreatePublicThreads | P.SendMessagesInThreads;

/** Exactly the permissions Haven's invite link asks for, so the tests prove they are enough. */
export const BOT_DEFAULT = requiredPermissionBits;

/**
 * A Discord API v10 emulator: REST and gateway on loopback, with Discord's limits, permission rules and
 * error codes, fault injection, and a driver that plays members (see driver.ts).
 */
export class Emulator extends Driver {
  private constructor(
    world: World,
    interactions: Interactions,
    readonly faults: Faults,
    readonly requests: LoggedRequest[],
    private readonly server: Server,
    readonly token: string,
  ) {
    super(world, interactions);
  }

  static async start(): Promise<Emulator> {
    const applicationId = snowflake();
    const token = `${Buffer.from(applicationId).toString('base64url')}.emulated.${snowflake()}`;
    const store = new Store({ id: applicationId, username: 'Haven', globalName: null, bot: true, dmsClosed: false }, applicationId);
    let port = 0;
    const url = () => `ws://127.0.0.1:${port}/gateway`;
    const gateway = new Gateway({
      token,
      url,
      ready: (shard, intents) => ({
        user: { ...apiUser(store.botUser), verified: true, mfa_enabled: false, flags: 0 },
        application: { id: applicationId, flags: 0 },
        guilds: [...store.guilds.values()]
          .filter((g) => Number((BigInt(g.id) >> 22n) % BigInt(shard[1])) === shard[0])
          .map((g) => ({ id: g.id, guildCreate: apiGuild(store, g, { withMembers: (intents & 2) !== 0 }) })),
      }),
    });
    const world = new World(store, gateway);
    const interactions = new Interactions();
    const faults = new Faults();
    const requests: LoggedRequest[] = [];
    const routes: Route[] = [
      ...commandRoutes(world, applicationId),
      ...interactionRoutes(world, interactions, applicationId),
      ...webhookRoutes(world, interactions, applicationId),
      ...channelRoutes(world),
      ...guildRoutes(world),
    ];
    const server = await startHttp({
      token, routes: () => routes, gateway, faults, log: requests,
      gatewayBot: () => ({ url: url(), shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 16 } }),
    });
    port = portOf(server);
    return new Emulator(world, interactions, faults, requests, server, token);
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${portOf(this.server)}/api`;
  }

  get applicationId(): string {
    return this.store.applicationId;
  }

  get gateway(): Gateway {
    return this.world.gateway;
  }

  async stop(): Promise<void> {
    this.world.gateway.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
  }

  // ── building a world ────────────────────────────────────────────────

  /** A server with an owner, Haven (with its invite permissions unless told otherwise) and #general. */
  createGuild(init: { name?: string; botPermissions?: bigint; everyonePermissions?: bigint; id?: string } = {}): { guild: Guild; owner: MemberRef; general: Channel; botRole: Role } {
    const id = init.id ?? snowflake();
    const owner = this.store.addUser({ username: `owner-${id.slice(-4)}` });
    const guild: Guild = { id, name: init.name ?? 'Support Circle', ownerId: owner.id, roles: new Map(), members: new Map(), events: new Map() };
    guild.roles.set(id, { id, guildId: id, name: '@everyone', permissions: init.everyonePermissions ?? EVERYONE_DEFAULT, position: 0, managed: false, mentionable: false });
    const botRole: Role = { id: snowflake(), guildId: id, name: 'Haven', permissions: init.botPermissions ?? BOT_DEFAULT, position: 1, managed: true, botId: this.store.botUser.id, mentionable: false };
    guild.roles.set(botRole.id, botRole);
    const joinedAt = new Date().toISOString();
    guild.members.set(owner.id, { userId: owner.id, guildId: id, roles: [], nick: null, joinedAt });
    guild.members.set(this.store.botUser.id, { userId: this.store.botUser.id, guildId: id, roles: [botRole.id], nick: null, joinedAt });
    this.store.guilds.set(id, guild);
    const general: Channel = { id: snowflake(), type: ChannelType.GuildText, guildId: id, name: 'general', parentId: null, topic: null, position: 0, overwrites: [] };
    this.store.channels.set(general.id, general);
    this.world.gateway.dispatch('GUILD_CREATE', apiGuild(this.store, guild, { withMembers: false }), id);
    return { guild, owner: { id: owner.id, guildId: id, user: owner }, general, botRole };
  }

  /** Haven is removed from a server (kicked or the server deleted). */
  removeGuild(guild: Guild): void {
    this.store.guilds.delete(guild.id);
    this.world.gateway.dispatch('GUILD_DELETE', { id: guild.id, unavailable: false }, guild.id);
  }

  addMember(guild: Guild, init: { username: string; roles?: Role[]; displayName?: string; dmsClosed?: boolean }): MemberRef {
    const user = this.store.addUser({ username: init.username, globalName: init.displayName ?? null, dmsClosed: init.dmsClosed ?? false });
    const member = { userId: user.id, guildId: guild.id, roles: (init.roles ?? []).map((r) => r.id), nick: null, joinedAt: new Date().toISOString() };
    guild.members.set(user.id, member);
    this.world.gateway.dispatch('GUILD_MEMBER_ADD', { guild_id: guild.id, ...apiMember(this.store, member) }, guild.id);
    return { id: user.id, guildId: guild.id, user };
  }

  removeMember(member: MemberRef): void {
    const guild = this.world.guild(member.guildId);
    guild.members.delete(member.id);
    this.world.gateway.dispatch('GUILD_MEMBER_REMOVE', { guild_id: guild.id, user: apiUser(member.user) }, guild.id);
  }

  /** An admin creates a role in Discord's UI. */
  addRole(guild: Guild, init: { name: string; permissions?: bigint; position?: number }): Role {
    return this.world.addRole(guild, init);
  }

  giveRole(member: MemberRef, role: Role): void {
    const m = this.world.guild(member.guildId).members.get(member.id);
    if (m && !m.roles.includes(role.id)) m.roles.push(role.id);
    this.world.memberChanged(this.world.guild(member.guildId), member.id);
  }

  /** Moves a role to a position (e.g. above Haven's, to test "bot role too low"). */
  moveRole(guild: Guild, role: Role, position: number): void {
    role.position = position;
    this.world.roleChanged(guild, role);
  }

  deleteRole(guild: Guild, role: Role): void {
    this.world.deleteRole(guild, role);
  }

  addChannel(guild: Guild, init: { name: string; type?: ChannelType; parentId?: string; overwrites?: Overwrite[] }): Channel {
    return this.world.addChannel({ guildId: guild.id, name: init.name, type: init.type ?? ChannelType.GuildText, parentId: init.parentId ?? null, overwrites: init.overwrites ?? [] });
  }

  /** An admin deletes a channel in Discord's UI. */
  deleteChannel(channel: Channel): void {
    this.world.deleteChannel(channel);
  }

  setChannelOverwrites(channel: Channel, overwrites: Overwrite[]): void {
    channel.overwrites = overwrites;
    this.world.channelChanged(channel);
  }

  setDmsClosed(member: MemberRef, closed: boolean): void {
    member.user.dmsClosed = closed;
  }

  // ── what happened ───────────────────────────────────────────────────

  /** Messages in a channel as members see it (no ephemeral ones), oldest first. */
  messagesIn(channel: Channel | string): Message[] {
    return this.store.messagesIn(typeof channel === 'string' ? channel : channel.id);
  }

  /** Messages Haven sent this member by DM. */
  dmsTo(member: MemberRef): Message[] {
    const dm = [...this.store.channels.values()].find((c) => c.type === ChannelType.DM && c.recipientId === member.id);
    return dm ? this.store.messagesIn(dm.id) : [];
  }

  rolesOf(member: MemberRef): Role[] {
    const guild = this.world.guild(member.guildId);
    return (guild.members.get(member.id)?.roles ?? []).flatMap((id) => guild.roles.get(id) ?? []);
  }

  /** Whether a member can see a channel, from roles and overwrites, as Discord computes it. */
  canSee(member: MemberRef, channel: Channel): boolean {
    return has(channelPermissions(this.store, this.world.guild(member.guildId), channel, member.id), P.ViewChannel);
  }

  channel(id: string): Channel | undefined {
    return this.store.channels.get(id);
  }

  channelsOf(guild: Guild): Channel[] {
    return this.store.channelsOf(guild.id);
  }

  webhooksIn(channel: Channel) {
    return [...this.store.webhooks.values()].filter((w) => w.channelId === channel.id);
  }

  eventsOf(guild: Guild) {
    return [...guild.events.values()];
  }

  registeredCommands(guildId: string | null = null) {
    return [...this.store.commands.values()].filter((c) => c.guildId === guildId);
  }

  /** Resolves once no REST request has arrived for `quietMs` (for "nothing happened" assertions). */
  async idle(quietMs = 150, timeoutMs = 5_000): Promise<void> {
    const start = Date.now();
    let seen = this.requests.length;
    let since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() - start > timeoutMs) throw new Error('The bot kept calling Discord; never idle');
      await new Promise((r) => setTimeout(r, 25));
      if (this.requests.length !== seen) {
        seen = this.requests.length;
        since = Date.now();
      }
    }
  }

  /** Waits until `check` returns something truthy (polling), e.g. a message to appear. */
  async waitFor<T>(check: () => T | undefined | null | false, { timeoutMs = 5_000, what = 'condition' } = {}): Promise<T> {
    const start = Date.now();
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export type { Channel, Guild, Message, Role, User };

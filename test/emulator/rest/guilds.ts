import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { World } from '../core.js';
import { DiscordError, unknown } from '../errors.js';
import { apiChannel, apiEvent, apiMember, apiRole } from '../serialize.js';
import { snowflake } from '../snowflake.js';
import { noContent, ok, route, type Obj, type Route } from './route.js';

const bits = (v: unknown): bigint => BigInt(typeof v === 'string' || typeof v === 'number' ? v : 0);

/** Guild, channel, role, member and scheduled-event endpoints. */
export function guildRoutes(world: World): Route[] {
  const store = world.store;
  return [
    route('GET', '/guilds/:g', ({ params }) => {
      const g = world.guild(params[0]!);
      return ok({ id: g.id, name: g.name, owner_id: g.ownerId, roles: [...g.roles.values()].map(apiRole), emojis: [], features: [] });
    }),
    route('GET', '/guilds/:g/channels', ({ params }) => ok(store.channelsOf(world.guild(params[0]!).id).map(apiChannel))),
    route('POST', '/guilds/:g/channels', ({ params, body }) => {
      const g = world.guild(params[0]!);
      world.requireBotInGuild(g, P.ManageChannels);
      if (store.channelsOf(g.id).length >= 500) throw new DiscordError(400, 30013, 'Maximum number of guild channels reached (500)');
      const overwrites = (Array.isArray(body.permission_overwrites) ? (body.permission_overwrites as Obj[]) : []).map((o) => ({ id: String(o.id), type: Number(o.type) === 1 ? (1 as const) : (0 as const), allow: bits(o.allow), deny: bits(o.deny) }));
      if (overwrites.length > 0) world.requireBotInGuild(g, P.ManageRoles);
      const parentId = typeof body.parent_id === 'string' ? body.parent_id : null;
      if (parentId) world.channel(parentId);
      const channel = world.addChannel({ guildId: g.id, name: String(body.name), type: Number(body.type ?? ChannelType.GuildText) as ChannelType, parentId, topic: typeof body.topic === 'string' ? body.topic : null, overwrites });
      return ok(apiChannel(channel));
    }),
    route('GET', '/guilds/:g/roles', ({ params }) => ok([...world.guild(params[0]!).roles.values()].map(apiRole))),
    route('POST', '/guilds/:g/roles', ({ params, body }) => {
      const g = world.guild(params[0]!);
      world.requireBotInGuild(g, P.ManageRoles);
      if (g.roles.size >= 250) throw new DiscordError(400, 30005, 'Maximum number of server roles reached (250)');
      const role = world.addRole(g, { name: typeof body.name === 'string' ? body.name : 'new role', permissions: bits(body.permissions), mentionable: Boolean(body.mentionable) });
      return ok(apiRole(role));
    }),
    route('PATCH', '/guilds/:g/roles/:r', ({ params, body }) => {
      const g = world.guild(params[0]!);
      const role = world.role(g, params[1]!);
      world.requireRoleBelowBot(g, role);
      if (typeof body.name === 'string') role.name = body.name;
      if (body.permissions !== undefined) role.permissions = bits(body.permissions);
      if (typeof body.mentionable === 'boolean') role.mentionable = body.mentionable;
      world.roleChanged(g, role);
      return ok(apiRole(role));
    }),
    route('DELETE', '/guilds/:g/roles/:r', ({ params }) => {
      const g = world.guild(params[0]!);
      const role = world.role(g, params[1]!);
      world.requireRoleBelowBot(g, role);
      world.deleteRole(g, role);
      return noContent();
    }),
    route('GET', '/guilds/:g/members/:u', ({ params }) => {
      const g = world.guild(params[0]!);
      const m = g.members.get(params[1]!);
      if (!m) throw unknown.member();
      return ok(apiMember(store, m));
    }),
    route('PUT', '/guilds/:g/members/:u/roles/:r', ({ params }) => {
      const g = world.guild(params[0]!);
      const m = g.members.get(params[1]!);
      if (!m) throw unknown.member();
      const role = world.role(g, params[2]!);
      world.requireRoleBelowBot(g, role);
      if (!m.roles.includes(role.id)) m.roles.push(role.id);
      world.memberChanged(g, m.userId);
      return noContent();
    }),
    route('DELETE', '/guilds/:g/members/:u/roles/:r', ({ params }) => {
      const g = world.guild(params[0]!);
      const m = g.members.get(params[1]!);
      if (!m) throw unknown.member();
      const role = world.role(g, params[2]!);
      world.requireRoleBelowBot(g, role);
      m.roles = m.roles.filter((r) => r !== role.id);
      world.memberChanged(g, m.userId);
      return noContent();
    }),
    route('GET', '/guilds/:g/scheduled-events', ({ params }) => ok([...world.guild(params[0]!).events.values()].map(apiEvent))),
    route('POST', '/guilds/:g/scheduled-events', ({ params, body }) => {
      const g = world.guild(params[0]!);
      world.requireBotInGuild(g, P.ManageEvents);
      if (g.events.size >= 100) throw new DiscordError(400, 30038, 'Maximum number of guild scheduled events reached (100)');
      const location = (body.entity_metadata as Obj | undefined)?.location;
      if (Number(body.entity_type) === 3 && (!location || !body.scheduled_end_time)) throw new DiscordError(400, 50035, 'Invalid Form Body');
      const event = {
        id: snowflake(), guildId: g.id, name: String(body.name), description: typeof body.description === 'string' ? body.description : null,
        startTime: String(body.scheduled_start_time), endTime: typeof body.scheduled_end_time === 'string' ? body.scheduled_end_time : null,
        entityType: Number(body.entity_type), channelId: typeof body.channel_id === 'string' ? body.channel_id : null,
        location: typeof location === 'string' ? location : null, status: 1, creatorId: store.botUser.id,
      };
      g.events.set(event.id, event);
      world.gateway.dispatch('GUILD_SCHEDULED_EVENT_CREATE', apiEvent(event), g.id);
      return ok(apiEvent(event));
    }),
    route('PATCH', '/guilds/:g/scheduled-events/:e', ({ params, body }) => {
      const g = world.guild(params[0]!);
      world.requireBotInGuild(g, P.ManageEvents);
      const event = g.events.get(params[1]!);
      if (!event) throw unknown.event();
      if (typeof body.name === 'string') event.name = body.name;
      if (typeof body.description === 'string') event.description = body.description;
      if (typeof body.scheduled_start_time === 'string') event.startTime = body.scheduled_start_time;
      if (typeof body.scheduled_end_time === 'string') event.endTime = body.scheduled_end_time;
      if (typeof body.status === 'number') event.status = body.status;
      return ok(apiEvent(event));
    }),
    route('DELETE', '/guilds/:g/scheduled-events/:e', ({ params }) => {
      const g = world.guild(params[0]!);
      world.requireBotInGuild(g, P.ManageEvents);
      if (!g.events.delete(params[1]!)) throw unknown.event();
      return noContent();
    }),
  ];
}

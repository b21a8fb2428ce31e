import type { World } from '../core.js';
import { validateCommands } from '../limits.js';
import { snowflake } from '../snowflake.js';
import type { RegisteredCommand } from '../state.js';
import { ok, route, type Obj, type Route } from './route.js';

function apiCommand(c: RegisteredCommand, applicationId: string) {
  return { ...c.body, id: c.id, application_id: applicationId, version: c.id, type: c.type, ...(c.guildId ? { guild_id: c.guildId } : {}) };
}

/** Bulk overwrite and list of application commands, global and per guild. */
export function commandRoutes(world: World, applicationId: string): Route[] {
  const store = world.store;
  const list = (guildId: string | null) => [...store.commands.values()].filter((c) => c.guildId === guildId);
  const put = (appId: string, guildId: string | null, body: unknown) => {
    if (appId !== applicationId) throw new Error('wrong application');
    if (guildId) world.guild(guildId);
    validateCommands(body);
    for (const c of list(guildId)) store.commands.delete(c.id);
    const created = (body as Obj[]).map((b) => {
      const c: RegisteredCommand = { id: snowflake(), guildId, name: String(b.name), type: Number(b.type ?? 1), body: b };
      store.commands.set(c.id, c);
      return c;
    });
    return ok(created.map((c) => apiCommand(c, applicationId)));
  };
  return [
    route('GET', '/applications/:app/commands', () => ok(list(null).map((c) => apiCommand(c, applicationId)))),
    route('PUT', '/applications/:app/commands', ({ params, rawBody }) => put(params[0]!, null, rawBody)),
    route('GET', '/applications/:app/guilds/:g/commands', ({ params }) => ok(list(params[1]!).map((c) => apiCommand(c, applicationId)))),
    route('PUT', '/applications/:app/guilds/:g/commands', ({ params, rawBody }) => put(params[0]!, params[1]!, rawBody)),
  ];
}

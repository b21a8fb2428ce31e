import { createHash } from 'node:crypto';
import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { eq } from 'drizzle-orm';
import { commandDeploys } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { Command } from '../commands/types.js';

export function commandBodies(commands: readonly Command[]): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data.toJSON());
}

export function hashCommands(bodies: readonly RESTPostAPIApplicationCommandsJSONBody[]): string {
  return createHash('sha256').update(JSON.stringify(bodies)).digest('hex');
}

export interface DeployTarget {
  readonly rest: REST;
  readonly applicationId: string;
  /** A guild id to deploy to one server while developing; global otherwise. */
  readonly guildId: string | undefined;
}

/** Replaces the whole command set in one request (Discord's bulk overwrite). */
export async function deployCommands(target: DeployTarget, bodies: readonly RESTPostAPIApplicationCommandsJSONBody[]): Promise<void> {
  const route = target.guildId ? Routes.applicationGuildCommands(target.applicationId, target.guildId) : Routes.applicationCommands(target.applicationId);
  await target.rest.put(route, { body: bodies });
}

/**
 * Deploys only when the command set changed since the last deploy recorded in the database, so
 * restarts don't spend Discord's 200-creates-a-day budget. Returns whether it deployed.
 */
export async function syncCommands(db: Db, target: DeployTarget, commands: readonly Command[], now: Date): Promise<boolean> {
  const bodies = commandBodies(commands);
  const hash = hashCommands(bodies);
  const scope = target.guildId ?? 'global';
  const [last] = await db.select().from(commandDeploys).where(eq(commandDeploys.scope, scope));
  if (last?.hash === hash) return false;
  await deployCommands(target, bodies);
  await db
    .insert(commandDeploys)
    .values({ scope, hash, deployedAt: now })
    .onConflictDoUpdate({ target: commandDeploys.scope, set: { hash, deployedAt: now } });
  return true;
}

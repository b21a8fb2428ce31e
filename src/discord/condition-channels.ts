import {
  ChannelType,
  DiscordAPIError,
  OverwriteType,
  PermissionFlagsBits as P,
  RESTJSONErrorCodes,
  type Guild,
  type GuildBasedChannel,
  type OverwriteResolvable,
  type PermissionsString,
  type Role,
  type TextChannel,
} from 'discord.js';
import { overwriteBudget, OVERWRITE_LIMIT, type HealthProblem } from '../features/conditions/health.js';
import type { Condition } from '../features/conditions/store.js';

/** What a member of a condition may do in its channel. */
export const MEMBER_ALLOW = [P.ViewChannel, P.SendMessages, P.ReadMessageHistory, P.SendMessagesInThreads, P.AddReactions, P.EmbedLinks, P.AttachFiles];
/** What Haven keeps for itself in every condition channel, whatever admins change later. */
export const BOT_ALLOW = [P.ViewChannel, P.SendMessages, P.ReadMessageHistory, P.EmbedLinks, P.SendMessagesInThreads, P.CreatePublicThreads, P.ManageThreads, P.ManageWebhooks, P.ManageRoles];

export const SUPPORT_CATEGORY = 'Support';

export class CannotProvision extends Error {
  constructor(readonly problems: HealthProblem[]) {
    super(`cannot provision: ${problems.map((p) => p.kind).join(', ')}`);
  }
}

function isMissingPermissions(error: unknown): boolean {
  return error instanceof DiscordAPIError && (error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess);
}

/** Problems with the bot's server-level permissions and role position for a condition's role. */
export function serverProblems(guild: Guild, role: Role | null | undefined, needs: { roles: boolean; channels: boolean }): HealthProblem[] {
  const me = guild.members.me;
  if (!me) return [{ kind: 'missing-permission', permission: 'Manage Roles', where: 'server' }];
  const problems: HealthProblem[] = [];
  if (needs.roles && !me.permissions.has(P.ManageRoles)) problems.push({ kind: 'missing-permission', permission: 'Manage Roles', where: 'server' });
  if (needs.channels && !me.permissions.has(P.ManageChannels)) problems.push({ kind: 'missing-permission', permission: 'Manage Channels', where: 'server' });
  if (role && role.position >= me.roles.highest.position) problems.push({ kind: 'role-above-bot', roleName: role.name, botRoleName: me.roles.highest.name });
  return problems;
}

/** Health of one condition as Discord sees it now (from the gateway cache: no API calls). */
export function conditionHealth(guild: Guild, condition: Condition): HealthProblem[] {
  const channel = guild.channels.cache.get(condition.channelId);
  if (!channel) return [{ kind: 'channel-missing' }];
  const role = condition.roleId ? guild.roles.cache.get(condition.roleId) : null;
  if (condition.roleId && !role) return [{ kind: 'role-missing' }];
  const problems = serverProblems(guild, role, { roles: !condition.discreet, channels: false });
  const me = guild.members.me;
  const perms = me ? channel.permissionsFor(me) : null;
  if (!perms?.has(P.ViewChannel)) problems.push({ kind: 'missing-permission', permission: 'View Channel', where: 'channel' });
  if (condition.discreet && !perms?.has(P.ManageRoles)) problems.push({ kind: 'missing-permission', permission: 'Manage Permissions', where: 'channel' });
  if (condition.discreet && 'permissionOverwrites' in channel) {
    const used = channel.permissionOverwrites.cache.filter((o) => o.type === OverwriteType.Member).size;
    if (overwriteBudget(used).warn) problems.push({ kind: 'overwrites-near-limit', used, limit: OVERWRITE_LIMIT });
  }
  return problems;
}

async function supportCategory(guild: Guild): Promise<GuildBasedChannel> {
  const existing = guild.channels.cache.find((c) => c.type === ChannelType.GuildCategory && c.name.toLowerCase() === SUPPORT_CATEGORY.toLowerCase());
  if (existing) return existing;
  return guild.channels.create({
    name: SUPPORT_CATEGORY,
    type: ChannelType.GuildCategory,
    permissionOverwrites: [
      { id: guild.roles.everyone.id, deny: [P.ViewChannel] },
      { id: guild.client.user.id, allow: [P.ViewChannel, P.ManageChannels], type: OverwriteType.Member },
    ],
  });
}

function channelOverwrites(guild: Guild, roleId: string | null): OverwriteResolvable[] {
  return [
    { id: guild.roles.everyone.id, deny: [P.ViewChannel] },
    { id: guild.client.user.id, allow: BOT_ALLOW, type: OverwriteType.Member },
    ...(roleId ? [{ id: roleId, allow: MEMBER_ALLOW, type: OverwriteType.Role }] : []),
  ];
}

export interface Provisioned {
  channelId: string;
  roleId: string | null;
  createdChannel: boolean;
  createdRole: boolean;
}

/**
 * Creates (or adopts) the private channel and, unless discreet, the role that opens it. On failure,
 * undoes what it created and throws CannotProvision with the exact problems.
 */
export async function provisionCondition(
  guild: Guild,
  input: { name: string; channelName: string; description: string; discreet: boolean; channel?: TextChannel | null; role?: Role | null },
): Promise<Provisioned> {
  const up = serverProblems(guild, input.role, { roles: !input.discreet || Boolean(input.role), channels: !input.channel });
  if (up.length > 0) throw new CannotProvision(up);
  let role: Role | null = input.role ?? null;
  let createdRole = false;
  try {
    if (!input.discreet && !role) {
      role = await guild.roles.create({ name: input.name, permissions: [], mentionable: false, reason: 'Haven: condition channel role' });
      createdRole = true;
    }
    if (input.channel) {
      const overwrites = input.channel.permissionOverwrites;
      await overwrites.edit(guild.client.user.id, flags(BOT_ALLOW, true), { type: OverwriteType.Member });
      await overwrites.edit(guild.roles.everyone.id, { ViewChannel: false }, { type: OverwriteType.Role });
      if (role) await overwrites.edit(role.id, flags(MEMBER_ALLOW, true), { type: OverwriteType.Role });
      return { channelId: input.channel.id, roleId: role?.id ?? null, createdChannel: false, createdRole };
    }
    const category = await supportCategory(guild);
    const channel = await guild.channels.create({
      name: input.channelName,
      type: ChannelType.GuildText,
      parent: category.id,
      topic: input.description,
      permissionOverwrites: channelOverwrites(guild, role?.id ?? null),
    });
    return { channelId: channel.id, roleId: role?.id ?? null, createdChannel: true, createdRole };
  } catch (error) {
    if (createdRole && role) await role.delete('Haven: undoing a condition that could not be created').catch(() => {});
    if (isMissingPermissions(error)) throw new CannotProvision(serverProblems(guild, role, { roles: true, channels: true }).concat(up.length ? [] : [{ kind: 'missing-permission', permission: 'Manage Channels', where: 'server' }]));
    throw error;
  }
}

/** Deletes what provisionCondition created (when saving the condition failed afterwards). */
export async function undoProvision(guild: Guild, provisioned: Provisioned): Promise<void> {
  if (provisioned.createdChannel) await guild.channels.delete(provisioned.channelId, 'Haven: undoing a condition that could not be saved').catch(() => {});
  if (provisioned.createdRole && provisioned.roleId) await guild.roles.delete(provisioned.roleId, 'Haven: undoing a condition that could not be saved').catch(() => {});
}

/** Opens the channel to one member: the role, or (discreet) a member overwrite that no profile shows. */
export async function grantAccess(guild: Guild, condition: Condition, memberId: string): Promise<void> {
  try {
    if (condition.discreet) {
      const channel = await guild.channels.fetch(condition.channelId);
      if (!channel || !('permissionOverwrites' in channel)) throw new CannotProvision([{ kind: 'channel-missing' }]);
      const used = channel.permissionOverwrites.cache.filter((o) => o.type === OverwriteType.Member).size;
      if (!overwriteBudget(used).ok) throw new CannotProvision([{ kind: 'overwrites-near-limit', used, limit: OVERWRITE_LIMIT }]);
      await channel.permissionOverwrites.edit(memberId, flags(MEMBER_ALLOW, true), { type: OverwriteType.Member });
    } else if (condition.roleId) {
      await guild.members.addRole({ user: memberId, role: condition.roleId });
    }
  } catch (error) {
    if (isMissingPermissions(error)) throw new CannotProvision(conditionHealth(guild, condition));
    if (error instanceof DiscordAPIError && (error.code === RESTJSONErrorCodes.UnknownChannel || error.code === RESTJSONErrorCodes.UnknownRole)) {
      throw new CannotProvision([{ kind: error.code === RESTJSONErrorCodes.UnknownChannel ? 'channel-missing' : 'role-missing' }]);
    }
    throw error;
  }
}

export async function revokeAccess(guild: Guild, condition: Condition, memberId: string): Promise<void> {
  try {
    if (condition.discreet) {
      const channel = guild.channels.cache.get(condition.channelId);
      if (channel && 'permissionOverwrites' in channel) await channel.permissionOverwrites.delete(memberId);
    } else if (condition.roleId) {
      await guild.members.removeRole({ user: memberId, role: condition.roleId });
    }
  } catch (error) {
    if (error instanceof DiscordAPIError && [RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownRole, RESTJSONErrorCodes.UnknownMember].includes(error.code as number)) return;
    if (isMissingPermissions(error)) throw new CannotProvision(conditionHealth(guild, condition));
    throw error;
  }
}

const names = new Map<bigint, PermissionsString>(Object.entries(P).map(([name, bit]) => [bit, name as PermissionsString]));

/** `{ ViewChannel: true, … }` for permissionOverwrites.edit. */
function flags(bits: readonly bigint[], value: boolean): Partial<Record<PermissionsString, boolean>> {
  return Object.fromEntries(bits.map((bit) => [names.get(bit), value]));
}

/**
 * Takes a condition out of Discord: members lose access (role removed from the channel, or their
 * overwrites), Haven's own role is deleted, and the channel is deleted only when asked.
 */
export async function removeConditionFromDiscord(guild: Guild, condition: Condition, memberIds: readonly string[], options: { deleteChannel: boolean }): Promise<{ failures: number }> {
  let failures = 0;
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (error instanceof DiscordAPIError && [RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownRole, RESTJSONErrorCodes.UnknownPermissionOverwrite].includes(error.code as number)) return;
      failures++;
    }
  };
  if (options.deleteChannel) {
    await attempt(() => guild.channels.delete(condition.channelId, 'Haven: condition removed'));
  } else {
    const channel = guild.channels.cache.get(condition.channelId);
    if (channel && 'permissionOverwrites' in channel) {
      if (condition.roleId) await attempt(() => channel.permissionOverwrites.delete(condition.roleId!));
      if (condition.discreet) for (const id of memberIds) await attempt(() => channel.permissionOverwrites.delete(id));
    }
  }
  if (condition.roleId && condition.ownsRole) await attempt(() => guild.roles.delete(condition.roleId!, 'Haven: condition removed'));
  return { failures };
}

/** Switches a condition between a visible role and discreet per-member access, moving every member over. */
export async function switchDiscreet(guild: Guild, condition: Condition, memberIds: readonly string[], discreet: boolean): Promise<{ roleId: string | null; ownsRole: boolean }> {
  const channel = guild.channels.cache.get(condition.channelId);
  if (!channel || !('permissionOverwrites' in channel)) throw new CannotProvision([{ kind: 'channel-missing' }]);
  try {
    if (discreet) {
      for (const id of memberIds) await channel.permissionOverwrites.edit(id, flags(MEMBER_ALLOW, true), { type: OverwriteType.Member });
      if (condition.roleId) {
        if (condition.ownsRole) await guild.roles.delete(condition.roleId, 'Haven: condition made discreet');
        else {
          await channel.permissionOverwrites.delete(condition.roleId);
          for (const id of memberIds) await guild.members.removeRole({ user: id, role: condition.roleId });
        }
      }
      return { roleId: null, ownsRole: false };
    }
    const up = serverProblems(guild, null, { roles: true, channels: false });
    if (up.length > 0) throw new CannotProvision(up);
    const role = await guild.roles.create({ name: condition.name, permissions: [], mentionable: false, reason: 'Haven: condition no longer discreet' });
    await channel.permissionOverwrites.edit(role.id, flags(MEMBER_ALLOW, true), { type: OverwriteType.Role });
    for (const id of memberIds) {
      await guild.members.addRole({ user: id, role: role.id });
      await channel.permissionOverwrites.delete(id);
    }
    return { roleId: role.id, ownsRole: true };
  } catch (error) {
    if (isMissingPermissions(error)) throw new CannotProvision(conditionHealth(guild, condition));
    throw error;
  }
}

/** Points a condition at another channel (e.g. after its channel was deleted), re-granting every member. */
export async function moveCondition(guild: Guild, condition: Condition, channel: TextChannel, memberIds: readonly string[]): Promise<void> {
  await provisionCondition(guild, { name: condition.name, channelName: channel.name, description: condition.description, discreet: condition.discreet, channel, role: condition.roleId ? (guild.roles.cache.get(condition.roleId) ?? null) : null });
  if (condition.discreet) for (const id of memberIds) await grantAccess(guild, { ...condition, channelId: channel.id }, id);
}

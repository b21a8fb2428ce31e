import type { AutocompleteInteraction, Guild } from 'discord.js';
import type { AppContext } from '../../context.js';
import { UserError } from '../../errors.js';
import { memberFacingProblem, problemText } from '../../features/conditions/health.js';
import { rankConditions, resolveCondition } from '../../features/conditions/matching.js';
import { addMembership, getCondition, joinedConditionIds, listConditions, removeMembership, type Condition } from '../../features/conditions/store.js';
import { CannotProvision, grantAccess, revokeAccess } from '../../discord/condition-channels.js';
import { notifyAdmins } from '../../discord/notify-admins.js';
import { listSchedules, upcomingOccurrences } from '../../features/checkins/store.js';

export const label = (c: Condition): string => (c.emoji ? `${c.emoji} ${c.name}` : c.name);

/** Finds the condition a member meant: the autocomplete id, an exact name or alias, or one clear typo. */
export async function conditionFromInput(ctx: AppContext, guildId: string, input: string): Promise<Condition> {
  const byId = await getCondition(ctx.db, guildId, input);
  if (byId) return byId;
  const all = await listConditions(ctx.db, guildId);
  if (all.length === 0) throw new UserError('This server has no condition channels yet. An admin can add one with `/condition add`.');
  const result = resolveCondition(all, input);
  if ('match' in result) return result.match;
  const hint = result.suggestions.length > 0 ? ` Did you mean ${result.suggestions.map((s) => `**${s.name}**`).join(' or ')}?` : ' `/conditions` lists them all.';
  throw new UserError(`I couldn't find a condition called “${input}”.${hint}`);
}

/** Autocomplete over the server's conditions (or only the member's, for /leave). */
export async function autocompleteConditions(ctx: AppContext, interaction: AutocompleteInteraction<'cached'>, only?: 'joined'): Promise<void> {
  let all = await listConditions(ctx.db, interaction.guildId);
  if (only === 'joined') {
    const joined = await joinedConditionIds(ctx.db, interaction.guildId, interaction.user.id);
    all = all.filter((c) => joined.has(c.id));
  }
  const ranked = rankConditions(all, interaction.options.getFocused(), 25);
  await interaction.respond(ranked.map((c) => ({ name: label(c).slice(0, 100), value: c.id })));
}

async function tellAdmins(ctx: AppContext, guild: Guild, condition: Condition, error: CannotProvision): Promise<void> {
  const fixes = error.problems.map((p) => `• ${problemText(p, condition.name, `<#${condition.channelId}>`)}`).join('\n');
  await notifyAdmins(ctx, guild.id, `A member couldn't join **${condition.name}**:\n${fixes}`);
}

export type JoinOutcome = { kind: 'joined' | 'already'; condition: Condition };

/** Gives access in Discord, then records it; a failure on either side leaves nothing half-done. */
export async function joinCondition(ctx: AppContext, guild: Guild, condition: Condition, memberId: string): Promise<JoinOutcome> {
  if (condition.brokenReason) {
    await notifyAdmins(ctx, guild.id, `A member tried to join **${condition.name}**, which needs fixing: ${condition.brokenReason}`);
    throw new UserError(memberFacingProblem(condition.name));
  }
  const joined = await joinedConditionIds(ctx.db, guild.id, memberId);
  if (joined.has(condition.id)) return { kind: 'already', condition };
  try {
    await grantAccess(guild, condition, memberId);
  } catch (error) {
    if (!(error instanceof CannotProvision)) throw error;
    await tellAdmins(ctx, guild, condition, error);
    throw new UserError(memberFacingProblem(condition.name));
  }
  try {
    await addMembership(ctx.db, condition, memberId, ctx.clock.now());
  } catch (error) {
    await revokeAccess(guild, condition, memberId).catch(() => {});
    throw error;
  }
  if (condition.greeting && !condition.discreet) await greet(ctx, condition, memberId);
  return { kind: 'joined', condition };
}

async function greet(ctx: AppContext, condition: Condition, memberId: string): Promise<void> {
  try {
    const channel = await ctx.client.channels.fetch(condition.channelId);
    if (channel?.isSendable()) await channel.send({ content: `🌱 Please welcome <@${memberId}> to ${label(condition)}.`, allowedMentions: { parse: [] } });
  } catch (error) {
    ctx.logger.warn({ guildId: condition.guildId, err: error, event: 'greeting_failed' }, 'could not post a join greeting');
  }
}

export type LeaveOutcome = { kind: 'left' | 'not-joined'; condition: Condition };

export async function leaveCondition(ctx: AppContext, guild: Guild, condition: Condition, memberId: string): Promise<LeaveOutcome> {
  const joined = await joinedConditionIds(ctx.db, guild.id, memberId);
  if (!joined.has(condition.id)) return { kind: 'not-joined', condition };
  try {
    await revokeAccess(guild, condition, memberId);
  } catch (error) {
    if (!(error instanceof CannotProvision)) throw error;
    await tellAdmins(ctx, guild, condition, error);
    throw new UserError(`I couldn't remove your access to **${condition.name}** right now. The server's admins have been told; you're still listed as a member until it's fixed.`);
  }
  await removeMembership(ctx.db, condition, memberId);
  return { kind: 'left', condition };
}

/** "Next check-in here: …" for the welcome, when the condition's channel has a check-in scheduled. */
export async function nextCheckinLine(ctx: AppContext, condition: Condition): Promise<string | undefined> {
  const here = (await listSchedules(ctx.db, condition.guildId)).filter((s) => s.channelId === condition.channelId && !s.paused);
  const [next] = await upcomingOccurrences(ctx.db, here.map((s) => s.id), ctx.clock.now());
  if (!next) return undefined;
  const title = here.find((s) => s.id === next.scheduleId)?.title ?? 'Check-in';
  const unix = Math.floor(next.startsAt.getTime() / 1000);
  return `Next check-in there: **${title}**, <t:${unix}:F> (<t:${unix}:R>). \`/checkin subscribe\` reminds you.`;
}

export function joinText(outcome: JoinOutcome, nextCheckin?: string): string {
  const c = outcome.condition;
  if (outcome.kind === 'already') return `You're already in ${label(c)}: <#${c.channelId}>.`;
  const lines = [`Welcome to ${label(c)}. Your channel is <#${c.channelId}>: only members of this group can see it.`];
  if (nextCheckin) lines.push(nextCheckin);
  if (c.discreet) lines.push('This group is discreet: no role shows on your profile.');
  lines.push('You can leave any time with `/leave`.');
  return lines.join('\n');
}

export function leaveText(outcome: LeaveOutcome): string {
  const c = outcome.condition;
  if (outcome.kind === 'not-joined') return `You're not in ${label(c)}, so there's nothing to leave. \`/conditions\` shows the groups you're in.`;
  return `You've left ${label(c)}. You're welcome back any time with \`/join\`.`;
}

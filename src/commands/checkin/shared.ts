import type { AutocompleteInteraction } from 'discord.js';
import type { AppContext } from '../../context.js';
import { UserError } from '../../errors.js';
import { getSchedule, listSchedules, type Occurrence, type Schedule } from '../../features/checkins/store.js';
import { canonicalZone, searchZones, suggestZone } from '../../features/time/zones.js';
import { cancelTimer } from '../../features/timers/timers.js';
import { CLOSE_TIMER, OPEN_TIMER, REMIND_TIMER, unmirrorEvent } from '../../discord/checkin-poster.js';
import { transitionOccurrence } from '../../features/checkins/store.js';

export async function scheduleFromInput(ctx: AppContext, guildId: string, input: string): Promise<Schedule> {
  const byId = await getSchedule(ctx.db, guildId, input);
  if (byId) return byId;
  const all = await listSchedules(ctx.db, guildId);
  const named = all.filter((s) => s.title.toLowerCase() === input.trim().toLowerCase());
  if (named.length === 1) return named[0]!;
  throw new UserError(all.length === 0 ? 'There are no check-ins on this server yet. Create one with `/checkin schedule`.' : `I couldn't find the check-in “${input}”. Pick one from the list.`);
}

export async function autocompleteSchedules(ctx: AppContext, interaction: AutocompleteInteraction<'cached'>): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'timezone') {
    await interaction.respond(searchZones(focused.value, 25, ctx.clock.now()));
    return;
  }
  const q = focused.value.toLowerCase();
  const all = await listSchedules(ctx.db, interaction.guildId);
  await interaction.respond(all.filter((s) => s.title.toLowerCase().includes(q)).slice(0, 25).map((s) => ({ name: `${s.title}${s.paused ? ' (paused)' : ''}`.slice(0, 100), value: s.id })));
}

export function zoneFromInput(input: string | null, serverZone: string | null): string {
  const raw = input ?? serverZone;
  if (!raw) throw new UserError('Which time zone? Give `timezone` (e.g. America/New_York), or set the server default with `/setup region`.');
  const zone = canonicalZone(raw);
  if (!zone) {
    const suggestion = suggestZone(raw);
    throw new UserError(`“${raw}” isn't a time zone I know.${suggestion ? ` Did you mean **${suggestion}**?` : ''} Pick one from the list, e.g. Europe/London.`);
  }
  return zone;
}

/** Takes a planned occurrence off the calendar (skip, pause, edit, delete). */
export async function withdrawOccurrence(ctx: AppContext, occurrence: Occurrence): Promise<void> {
  await transitionOccurrence(ctx.db, occurrence.id, 'scheduled', 'skipped');
  for (const kind of [REMIND_TIMER, OPEN_TIMER, CLOSE_TIMER]) await cancelTimer(ctx.db, kind, occurrence.id);
  await unmirrorEvent(ctx, occurrence);
}

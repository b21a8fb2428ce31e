import { MessageFlags } from 'discord.js';
import { UserError } from '../errors.js';
import { moodLine } from '../features/checkins/rules.js';
import { getOccurrence, moodCounts, setMood } from '../features/checkins/store.js';
import { MOOD_PREFIX } from '../discord/checkin-poster.js';
import type { ComponentHandler } from '../commands/types.js';

/** "How are you this week?": one answer per member, changeable; everyone sees only counts. */
export const moodButtons: ComponentHandler = {
  prefix: MOOD_PREFIX,
  access: 'everyone',
  async handle(ctx, interaction, [occurrenceId, value]) {
    const mood = Number(value);
    const occurrence = occurrenceId ? await getOccurrence(ctx.db, occurrenceId) : undefined;
    if (!occurrence || occurrence.guildId !== interaction.guildId || !(mood >= 1 && mood <= 5)) throw new UserError('This check-in is no longer taking answers.');
    if (occurrence.status !== 'open') throw new UserError('This check-in has ended. Thank you for wanting to answer: the next one is coming.');
    await setMood(ctx.db, occurrence, interaction.user.id, mood, ctx.clock.now());
    await interaction.reply({ content: `Thank you. So far this week: ${moodLine(await moodCounts(ctx.db, occurrence.id))}. Only counts are shown; nobody sees who answered what.`, flags: MessageFlags.Ephemeral });
  },
};

import { CLOSE_TIMER, closeOccurrence, OPEN_TIMER, openOccurrence, postReminder, REMIND_TIMER } from '../discord/checkin-poster.js';
import { getOccurrence, scheduleById, type Occurrence, type Schedule } from '../features/checkins/store.js';
import type { AppContext } from '../context.js';
import type { Timer } from '../features/timers/timers.js';
import type { TimerHandler } from './timer-runner.js';

async function load(ctx: AppContext, timer: Timer): Promise<{ schedule: Schedule; occurrence: Occurrence } | undefined> {
  const occurrence = await getOccurrence(ctx.db, timer.key);
  if (!occurrence) return undefined;
  const schedule = await scheduleById(ctx.db, occurrence.scheduleId);
  return schedule ? { schedule, occurrence } : undefined;
}

export const checkinRemind: TimerHandler = {
  kind: REMIND_TIMER,
  async run(ctx, timer) {
    const found = await load(ctx, timer);
    if (found && !found.schedule.deletedAt) await postReminder(ctx, found.schedule, found.occurrence);
  },
};

export const checkinOpen: TimerHandler = {
  kind: OPEN_TIMER,
  async run(ctx, timer) {
    const found = await load(ctx, timer);
    if (found) await openOccurrence(ctx, found.schedule, found.occurrence);
  },
};

export const checkinClose: TimerHandler = {
  kind: CLOSE_TIMER,
  async run(ctx, timer) {
    const found = await load(ctx, timer);
    if (found) await closeOccurrence(ctx, found.schedule, found.occurrence.id);
  },
};

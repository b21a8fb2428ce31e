import { CARD_RETRY_TIMER, postCard, postInCaseThread, REPING_TIMER } from '../discord/case-card.js';
import { kindLabels, repingDelayMs } from '../features/cases/card.js';
import { getCase } from '../features/cases/store.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { scheduleTimer } from '../features/timers/timers.js';
import type { TimerHandler } from './timer-runner.js';

/** Retries posting a card the queue channel refused (deleted channel, missing permission). */
export const cardRetry: TimerHandler = {
  kind: CARD_RETRY_TIMER,
  async run(ctx, timer) {
    const c = await getCase(ctx.db, timer.key);
    if (!c || c.cardMessageId) return;
    await postCard(ctx, c, { ping: c.urgency === 'urgent' && c.state !== 'resolved', tellAdmins: false });
  },
};

/** An unclaimed case pings the moderator role again after a delay, until someone claims it. */
export const caseReping: TimerHandler = {
  kind: REPING_TIMER,
  async run(ctx, timer) {
    const c = await getCase(ctx.db, timer.key);
    if (!c || c.state !== 'open') return;
    const now = ctx.clock.now();
    const settings = await getGuildSettings(ctx.db, c.guildId);
    if (c.cardMessageId && settings.moderatorRoleId) {
      const minutes = Math.round((now.getTime() - c.createdAt.getTime()) / 60_000);
      await postInCaseThread(ctx, c, `<@&${settings.moderatorRoleId}> Case ${c.number} (${kindLabels[c.kind]}) is still unclaimed after ${minutes} minutes. Can someone take it?`, [settings.moderatorRoleId]);
    }
    await scheduleTimer(ctx.db, { kind: REPING_TIMER, key: c.id, guildId: c.guildId, dueAt: new Date(now.getTime() + repingDelayMs(c.urgency, settings)) }, now);
  },
};

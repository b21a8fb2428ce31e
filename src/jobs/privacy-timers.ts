import { eraseMember } from '../discord/member-erasure.js';
import { ERASE_GUILD_TIMER, ERASE_MEMBER_TIMER } from '../events/member-lifecycle.js';
import { eraseGuildData } from '../features/privacy/member-data.js';
import { applyRetention } from '../features/privacy/retention.js';
import { scheduleTimer } from '../features/timers/timers.js';
import type { TimerHandler } from './timer-runner.js';

export const RETENTION_TIMER = 'maintenance.retention';

export const eraseDepartedMember: TimerHandler = {
  kind: ERASE_MEMBER_TIMER,
  async run(ctx, timer) {
    const [guildId, memberId] = timer.key.split(':');
    if (guildId && memberId) await eraseMember(ctx, guildId, memberId, false);
  },
};

export const eraseRemovedGuild: TimerHandler = {
  kind: ERASE_GUILD_TIMER,
  async run(ctx, timer) {
    if (ctx.client.guilds.cache.has(timer.key)) return; // Haven came back.
    const counts = await eraseGuildData(ctx.db, timer.key);
    ctx.logger.info({ guildId: timer.key, event: 'guild_data_erased', rows: Object.values(counts).reduce((a, b) => a + b, 0) }, 'server data erased 30 days after Haven was removed');
  },
};

/** Once a day, whichever process claims it: audit log and resolved-case retention. */
export const dailyRetention: TimerHandler = {
  kind: RETENTION_TIMER,
  async run(ctx, timer) {
    const result = await applyRetention(ctx.db, ctx.clock.now());
    ctx.logger.info({ event: 'retention', ...result }, 'retention applied');
    await scheduleTimer(ctx.db, { kind: RETENTION_TIMER, key: timer.key, dueAt: new Date(ctx.clock.now().getTime() + 86_400_000) }, ctx.clock.now());
  },
};

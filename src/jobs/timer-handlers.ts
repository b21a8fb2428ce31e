import { cardRetry, caseReping } from './case-timers.js';
import { checkinClose, checkinOpen, checkinRemind } from './checkin-timers.js';
import { dailyRetention, eraseDepartedMember, eraseRemovedGuild } from './privacy-timers.js';
import type { TimerHandler } from './timer-runner.js';

/** Every durable timer kind Haven runs; features add their handlers here. */
export const timerHandlers: readonly TimerHandler[] = [cardRetry, caseReping, checkinRemind, checkinOpen, checkinClose, eraseDepartedMember, eraseRemovedGuild, dailyRetention];

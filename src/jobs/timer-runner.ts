import type { AppContext } from '../context.js';
import { claimDueTimers, completeTimer, nextTimerDue, retryTimer, type ShardFilter, type Timer } from '../features/timers/timers.js';
import type { BackgroundJob, RunningJob } from './types.js';

/** Runs one kind of durable timer. Throwing retries it later with backoff. */
export interface TimerHandler {
  readonly kind: string;
  run(ctx: AppContext, timer: Timer): Promise<void>;
}

export interface TimerRunnerOptions {
  /** Longest sleep between checks; also bounds how late a timer added by another process runs. */
  readonly maxSleepMs: number;
  readonly batch: number;
  readonly leaseMs: number;
}

export const defaultTimerRunnerOptions: TimerRunnerOptions = { maxSleepMs: 30_000, batch: 50, leaseMs: 120_000 };

/** Backoff after a failure: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.min(attempts, 6));
}

const CONCURRENCY = 8;

/** Which guilds this process serves, when it is one shard of several. */
function shardOf(ctx: AppContext): ShardFilter | undefined {
  const { shards, shardCount } = ctx.client.options;
  if (!Array.isArray(shards) || !shardCount || shardCount <= 1) return undefined;
  return { ids: shards, count: shardCount };
}

/** Sleeps until the next due timer (never longer than maxSleepMs: Node fires timers over 24.8 days at once). */
export function timerRunner(handlers: readonly TimerHandler[], options: TimerRunnerOptions = defaultTimerRunnerOptions): BackgroundJob {
  const byKind = new Map(handlers.map((h) => [h.kind, h]));
  return {
    name: 'timers',
    start(ctx) {
      const shard = shardOf(ctx);
      let stopped = false;
      let sleeper: NodeJS.Timeout | undefined;
      let current: Promise<void> = Promise.resolve();

      async function runOne(timer: Timer): Promise<void> {
        const handler = byKind.get(timer.kind);
        try {
          if (!handler) throw new Error(`no handler for timer kind ${timer.kind}`);
          await handler.run(ctx, timer);
          await completeTimer(ctx.db, timer);
        } catch (error) {
          ctx.logger.error({ err: error, timer: timer.kind, key: timer.key, guildId: timer.guildId, attempts: timer.attempts + 1 }, 'timer failed; will retry');
          const retryAt = new Date(ctx.clock.now().getTime() + retryDelayMs(timer.attempts));
          await retryTimer(ctx.db, timer, error instanceof Error ? error.message : String(error), retryAt);
        }
      }

      async function tick(): Promise<void> {
        for (;;) {
          const due = await claimDueTimers(ctx.db, ctx.clock.now(), { limit: options.batch, leaseMs: options.leaseMs, kinds: [...byKind.keys()], ...(shard ? { shard } : {}) });
          // Independent timers run side by side (a few at a time), so 1,000 check-ins due at 21:00 post within seconds.
          let next = 0;
          await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, async () => {
            for (let i = next++; i < due.length; i = next++) await runOne(due[i]!);
          }));
          if (due.length < options.batch || stopped) return;
        }
      }

      async function loop(): Promise<void> {
        if (stopped) return;
        try {
          await tick();
        } catch (error) {
          ctx.logger.error({ err: error }, 'timer tick failed (database down?); trying again shortly');
        }
        if (stopped) return;
        const next = await nextTimerDue(ctx.db, shard).catch(() => null);
        const wait = next ? Math.max(0, next.getTime() - ctx.clock.now().getTime()) : options.maxSleepMs;
        sleeper = setTimeout(() => (current = loop()), Math.min(wait, options.maxSleepMs));
      }

      current = loop();
      const running: RunningJob = {
        async runNow() {
          await current;
          clearTimeout(sleeper);
          current = loop();
          await current;
        },
        async stop() {
          stopped = true;
          clearTimeout(sleeper);
          await current;
        },
      };
      return running;
    },
  };
}

import type { AppContext } from '../context.js';

/** Background work started after login and stopped on shutdown (timers, sweeps). */
export interface BackgroundJob {
  readonly name: string;
  start(ctx: AppContext): RunningJob;
}

export interface RunningJob {
  /** Run a pass now instead of waiting for the next wake-up (tests that move the clock use it). */
  runNow(): Promise<void>;
  /** Stop waking up and let the current pass finish. */
  stop(): Promise<void>;
}

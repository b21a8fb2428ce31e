import type { TimerRunnerOptions } from './timer-runner.js';
import { defaultTimerRunnerOptions, timerRunner } from './timer-runner.js';
import { timerHandlers } from './timer-handlers.js';
import type { BackgroundJob } from './types.js';

export function defaultJobs(timerOptions: TimerRunnerOptions = defaultTimerRunnerOptions): BackgroundJob[] {
  return [timerRunner(timerHandlers, timerOptions)];
}

export * from './guild-settings.js';
export * from './command-deploys.js';
export * from './audit-log.js';
export * from './timers.js';
export * from './conditions.js';
export * from './cases.js';
export * from './crisis.js';
export * from './checkins.js';

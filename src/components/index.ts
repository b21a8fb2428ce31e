import type { ComponentHandler } from '../commands/types.js';

/** Every button, select menu and modal handler, keyed by custom id prefix. */
export const components: readonly ComponentHandler[] = [];

import type { ComponentHandler } from '../commands/types.js';
import { panelButton, panelPage, panelPick } from './condition-panel.js';

/** Every button, select menu and modal handler, keyed by custom id prefix. */
export const components: readonly ComponentHandler[] = [panelButton, panelPick, panelPage];

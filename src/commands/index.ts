import { audit } from './audit.js';
import { createHelp } from './help.js';
import { setup } from './setup/index.js';
import type { Command } from './types.js';

const features: Command[] = [setup, audit];

/** Every command Haven registers with Discord, in the order /help lists them. */
export const commands: readonly Command[] = [createHelp(() => commands), ...features];

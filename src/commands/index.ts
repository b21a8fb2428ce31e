import { audit } from './audit.js';
import { cases } from './cases.js';
import { helpMe } from './help-me.js';
import { reportMessage } from './report.js';
import { condition } from './condition/index.js';
import { conditionsCommand } from './conditions.js';
import { createHelp } from './help.js';
import { join } from './join.js';
import { leave } from './leave.js';
import { setup } from './setup/index.js';
import type { Command } from './types.js';

const features: Command[] = [join, leave, conditionsCommand, helpMe, reportMessage, cases, condition, setup, audit];

/** Every command Haven registers with Discord, in the order /help lists them. */
export const commands: readonly Command[] = [createHelp(() => commands), ...features];

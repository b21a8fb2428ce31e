import { audit } from './audit.js';
import { caseCommand, casesCommand } from './cases.js';
import { anon } from './anon.js';
import { privacy } from './privacy.js';
import { moderateAnonymous, replyAnonymously } from './anon-menus.js';
import { checkin } from './checkin/index.js';
import { helpMe } from './help-me.js';
import { reportMessage } from './report.js';
import { resources } from './resources.js';
import { crisis } from './crisis.js';
import { condition } from './condition/index.js';
import { conditionsCommand } from './conditions.js';
import { createHelp } from './help.js';
import { join } from './join.js';
import { leave } from './leave.js';
import { setup } from './setup/index.js';
import type { Command } from './types.js';

const features: Command[] = [resources, join, leave, conditionsCommand, checkin, anon, replyAnonymously, helpMe, privacy, reportMessage, moderateAnonymous, casesCommand, caseCommand, condition, crisis, setup, audit];

/** Every command Haven registers with Discord, in the order /help lists them. */
export const commands: readonly Command[] = [createHelp(() => commands), ...features];

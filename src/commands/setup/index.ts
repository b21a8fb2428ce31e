import { PermissionFlagsBits } from 'discord.js';
import { commandWithSubcommands, type Subcommand } from '../subcommands.js';
import { setupRegion } from './region.js';
import { setupShow } from './show.js';
import { setupModeration } from './moderation.js';
import { setupCrisis } from './crisis.js';
import { setupAnonymous } from './anonymous.js';
import { setupRetention } from './retention.js';

/** `/setup …`: features add their subcommand to this list. */
export const setupSubcommands: Subcommand[] = [setupRegion, setupModeration, setupCrisis, setupAnonymous, setupRetention, setupShow];

export const setup = commandWithSubcommands('setup', 'Configure Haven for this server (admins)', setupSubcommands, PermissionFlagsBits.ManageGuild);

export type { Subcommand as SetupSubcommand } from '../subcommands.js';

import 'dotenv/config';
import { REST } from 'discord.js';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { commandBodies, deployCommands } from '../discord/command-sync.js';

// Deploys the command set now, whatever the database says; `npm start` also deploys on its own
// when the set changed.
try {
  const config = loadConfig(process.env);
  if (!config.applicationId) throw new ConfigError(['DISCORD_APPLICATION_ID is needed: it could not be read from DISCORD_TOKEN']);
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.discordToken);
  const bodies = commandBodies(commands);
  await deployCommands({ rest, applicationId: config.applicationId, guildId: config.devGuildId }, bodies);
  process.stdout.write(`Deployed ${bodies.length} commands ${config.devGuildId ? `to guild ${config.devGuildId}` : 'globally (may take up to an hour to show everywhere)'}.\n`);
} catch (error) {
  process.stderr.write(`Could not deploy commands: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

import 'dotenv/config';
import { ConfigError, loadConfig } from '../config.js';
import { inviteUrl, requiredPermissionBits, requiredPermissions } from '../discord/required-permissions.js';

try {
  const config = loadConfig(process.env);
  if (!config.applicationId) throw new ConfigError(['DISCORD_APPLICATION_ID is needed: it could not be read from DISCORD_TOKEN']);
  process.stdout.write(`${inviteUrl(config.applicationId)}\n\nPermission integer ${requiredPermissionBits}:\n`);
  for (const [name, why] of Object.entries(requiredPermissions)) process.stdout.write(`  ${name}: ${why}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

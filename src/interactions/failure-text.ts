import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

const databaseCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT', 'CONNECTION_DESTROYED']);

/** Postgres server-side codes for "the server is going away or not accepting work". */
function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return databaseCodes.has(code) || code.startsWith('08') || code === '57P01' || code === '57P03' || code === '53300';
}

/** The kind, generic text a member sees for an unexpected error: never the raw error. */
export function failureText(error: unknown): string {
  if (isDatabaseDown(error)) {
    return "Haven can't reach its database right now, so nothing was changed. Please try again in a minute.";
  }
  if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingPermissions) {
    return 'Haven is missing a Discord permission it needs for this. A server admin can see exactly which with `/setup show`.';
  }
  if (error instanceof DiscordAPIError && error.status === 429) {
    return 'Discord is asking Haven to slow down for a moment. Nothing was lost; please try again shortly.';
  }
  return 'Something went wrong on our side and nothing was changed. Please try again; if it keeps happening, let a moderator know.';
}

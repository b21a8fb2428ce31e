/** An error the emulator answers with, shaped like Discord's JSON error body. */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const unknown = {
  guild: () => new DiscordError(404, 10004, 'Unknown Guild'),
  channel: () => new DiscordError(404, 10003, 'Unknown Channel'),
  member: () => new DiscordError(404, 10007, 'Unknown Member'),
  message: () => new DiscordError(404, 10008, 'Unknown Message'),
  role: () => new DiscordError(404, 10011, 'Unknown Role'),
  user: () => new DiscordError(404, 10013, 'Unknown User'),
  webhook: () => new DiscordError(404, 10015, 'Unknown Webhook'),
  interaction: () => new DiscordError(404, 10062, 'Unknown interaction'),
  event: () => new DiscordError(404, 10070, 'Unknown Guild Scheduled Event'),
  command: () => new DiscordError(404, 10063, 'Unknown application command'),
};

export const missingPermissions = () => new DiscordError(403, 50013, 'Missing Permissions');
export const missingAccess = () => new DiscordError(403, 50001, 'Missing Access');
export const cannotDm = () => new DiscordError(403, 50007, 'Cannot send messages to this user');
export const alreadyAcknowledged = () => new DiscordError(400, 40060, 'Interaction has already been acknowledged.');

/** A problem found in a request body, at a dotted path such as `embeds.0.title`. */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** 50035 Invalid Form Body with Discord's nested `errors` object. */
export function invalidForm(problems: readonly FieldProblem[]): DiscordError {
  const errors: Record<string, unknown> = {};
  for (const p of problems) {
    let node = errors;
    for (const key of p.path.split('.')) node = (node[key] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as unknown[]).push({ code: p.code, message: p.message });
  }
  return new DiscordError(400, 50035, 'Invalid Form Body', errors);
}

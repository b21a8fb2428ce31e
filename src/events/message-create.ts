import { Events, type Client } from 'discord.js';
import type { AppContext } from '../context.js';
import { respondToMessage } from '../discord/crisis-responder.js';

export function listenForMessages(ctx: AppContext, client: Client): void {
  client.on(Events.MessageCreate, (message) => {
    if (!message.inGuild()) return;
    respondToMessage(ctx, message).catch((error: unknown) => ctx.logger.error({ err: error, guildId: message.guildId }, 'crisis check failed'));
  });
}

import { Events, type Client } from 'discord.js';
import type { AppContext } from '../context.js';
import type { Router } from '../interactions/router.js';

export function listenForInteractions(ctx: AppContext, client: Client, router: Router): void {
  client.on(Events.InteractionCreate, (interaction) => {
    router.handle(interaction).catch((error: unknown) => ctx.logger.error({ err: error }, 'interaction handler crashed'));
  });
}

import { randomBytes } from 'node:crypto';
import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { World } from '../core.js';
import { DiscordError, invalidForm, unknown } from '../errors.js';
import type { Interactions } from '../interactions.js';
import { validateMessage } from '../limits.js';
import { apiMessage } from '../serialize.js';
import { snowflake } from '../snowflake.js';
import { isThread, type Webhook } from '../state.js';
import { followUp } from './interactions.js';
import { noContent, ok, route, type Obj, type Route } from './route.js';

export const MAX_WEBHOOKS_PER_CHANNEL = 15;

function apiWebhook(w: Webhook, withToken: boolean) {
  return { id: w.id, type: 1, guild_id: w.guildId, channel_id: w.channelId, name: w.name, avatar: null, application_id: null, user: { id: w.creatorId, username: 'Haven', discriminator: '0', avatar: null, global_name: null }, ...(withToken ? { token: w.token } : {}) };
}

/** Webhook names Discord refuses. */
function badName(name: string): boolean {
  const lower = name.toLowerCase();
  return name.length < 1 || name.length > 80 || lower.includes('clyde') || lower.includes('discord');
}

export function webhookRoutes(world: World, interactions: Interactions, applicationId: string): Route[] {
  const store = world.store;
  return [
    route('GET', '/channels/:id/webhooks', ({ params }) => {
      const c = world.channel(params[0]!);
      world.requireBot(c, P.ManageWebhooks);
      return ok([...store.webhooks.values()].filter((w) => w.channelId === c.id).map((w) => apiWebhook(w, w.creatorId === store.botUser.id)));
    }),
    route('POST', '/channels/:id/webhooks', ({ params, body }) => {
      const c = world.channel(params[0]!);
      if (isThread(c)) throw new DiscordError(400, 50024, 'Cannot execute action on this channel type');
      world.requireBot(c, P.ManageWebhooks);
      const name = String(body.name ?? '');
      if (badName(name)) throw invalidForm([{ path: 'name', code: 'WEBHOOK_INVALID_USERNAME', message: 'Username cannot contain "discord" or "clyde"' }]);
      if ([...store.webhooks.values()].filter((w) => w.channelId === c.id).length >= MAX_WEBHOOKS_PER_CHANNEL) throw new DiscordError(400, 30007, 'Maximum number of webhooks reached (15)');
      const webhook: Webhook = { id: snowflake(), token: randomBytes(24).toString('base64url'), channelId: c.id, guildId: c.guildId!, name, creatorId: store.botUser.id };
      store.webhooks.set(webhook.id, webhook);
      return ok(apiWebhook(webhook, true));
    }),
    route('GET', '/webhooks/:id', ({ params }) => {
      const w = store.webhooks.get(params[0]!);
      if (!w) throw unknown.webhook();
      return ok(apiWebhook(w, true));
    }),
    route('DELETE', '/webhooks/:id', ({ params }) => {
      if (!store.webhooks.delete(params[0]!)) throw unknown.webhook();
      return noContent();
    }),
    route('GET', '/webhooks/:id/:token', ({ params }) => {
      const w = store.webhooks.get(params[0]!);
      if (!w || w.token !== params[1]) throw unknown.webhook();
      return ok(apiWebhook(w, true));
    }, false),
    route('DELETE', '/webhooks/:id/:token', ({ params }) => {
      const w = store.webhooks.get(params[0]!);
      if (!w || w.token !== params[1]) throw unknown.webhook();
      store.webhooks.delete(w.id);
      return noContent();
    }, false),
    route('POST', '/webhooks/:id/:token', (req) => {
      const asFollowUp = followUp(world, interactions, applicationId, req);
      if (asFollowUp) return asFollowUp;
      const w = store.webhooks.get(req.params[0]!);
      if (!w || w.token !== req.params[1]) throw unknown.webhook();
      const body = req.body as Obj;
      validateMessage(body);
      if (typeof body.username === 'string' && badName(body.username)) throw invalidForm([{ path: 'username', code: 'WEBHOOK_INVALID_USERNAME', message: 'Username cannot contain "discord" or "clyde"' }]);
      const threadId = req.query.get('thread_id');
      let channelId = w.channelId;
      if (threadId) {
        const thread = world.channel(threadId);
        if (!isThread(thread) || thread.parentId !== w.channelId) throw unknown.channel();
        if (thread.archived) { thread.archived = false; world.channelChanged(thread); }
        channelId = thread.id;
      }
      const message = world.postMessage({
        channelId, authorId: w.id, webhookId: w.id, username: typeof body.username === 'string' ? body.username : w.name,
        ...(typeof body.avatar_url === 'string' ? { avatarUrl: body.avatar_url } : {}),
        content: typeof body.content === 'string' ? body.content : '', embeds: Array.isArray(body.embeds) ? body.embeds : [],
        components: Array.isArray(body.components) ? body.components : [], flags: Number(body.flags ?? 0), allowedMentions: body.allowed_mentions as Obj | undefined,
      });
      return req.query.get('wait') === 'true' ? ok(apiMessage(store, message)) : noContent();
    }, false),
  ];
}

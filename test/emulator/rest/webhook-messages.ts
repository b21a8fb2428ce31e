import type { World } from '../core.js';
import { unknown } from '../errors.js';
import { validateMessage } from '../limits.js';
import { apiMessage } from '../serialize.js';
import { editMessage } from './channels.js';
import { noContent, ok, type RouteRequest, type RouteResult } from './route.js';

/** GET / PATCH / DELETE /webhooks/:id/:token/messages/:message (optionally ?thread_id=), for a real webhook. */
export function webhookMessage(world: World, method: 'GET' | 'PATCH' | 'DELETE', req: RouteRequest): RouteResult {
  const [id, token, messageId] = req.params;
  const webhook = world.store.webhooks.get(id!);
  if (!webhook || webhook.token !== token) throw unknown.webhook();
  const message = world.store.messages.get(messageId!);
  if (!message || message.deleted || message.webhookId !== webhook.id) throw unknown.message();
  const threadId = req.query.get('thread_id');
  if (threadId && message.channelId !== threadId) throw unknown.message();
  if (method === 'GET') return ok(apiMessage(world.store, message));
  if (method === 'DELETE') {
    world.deleteMessage(message);
    return noContent();
  }
  validateMessage(req.body, { requireSomething: false });
  return ok(apiMessage(world.store, editMessage(message, req.body, req)));
}

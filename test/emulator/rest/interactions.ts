import { performance } from 'node:perf_hooks';
import type { World } from '../core.js';
import { alreadyAcknowledged, DiscordError, unknown } from '../errors.js';
import { CALLBACK_DEADLINE_MS, FOLLOW_UP_DEADLINE_MS, type InteractionRecord, type Interactions } from '../interactions.js';
import { validateChoices, validateMessage, validateModal } from '../limits.js';
import { apiMessage } from '../serialize.js';
import type { Message } from '../state.js';
import { editMessage } from './channels.js';
import { noContent, ok, route, type Obj, type Route, type RouteRequest, type RouteResult } from './route.js';
import { webhookMessage } from './webhook-messages.js';

const EPHEMERAL = 1 << 6;

/** The token is a webhook's, not an interaction's: the webhook routes answer instead. */
export class NotAnInteraction extends Error {}
const LOADING = 1 << 7;

/** Interaction callbacks, @original edits and follow-ups. */
export function interactionRoutes(world: World, interactions: Interactions, applicationId: string): Route[] {
  const store = world.store;

  function responseMessage(record: InteractionRecord, body: Obj, req: RouteRequest, extraFlags = 0): Message {
    const flags = Number(body.flags ?? 0) | extraFlags;
    const user = store.user(record.userId)!;
    return world.postMessage({
      channelId: record.channelId, authorId: store.botUser.id,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [], components: Array.isArray(body.components) ? body.components : [],
      attachments: req.files.map((f, i) => ({ id: String(i), ...f })),
      flags, ...(flags & EPHEMERAL ? { ephemeralTo: record.userId } : {}),
      interactionMetadata: { id: record.id, type: record.type, user: { id: user.id, username: user.username } },
      allowedMentions: body.allowed_mentions as Obj | undefined,
    });
  }

  function target(applicationIdParam: string, token: string): InteractionRecord {
    const record = interactions.byTokenOf(token);
    if (!record || applicationIdParam !== applicationId) throw new NotAnInteraction();
    if (performance.now() - record.createdAt > FOLLOW_UP_DEADLINE_MS) throw new DiscordError(401, 50027, 'Invalid Webhook Token');
    return record;
  }

  function messageOf(record: InteractionRecord, id: string): Message {
    const messageId = id === '@original' ? record.originalId : id;
    const m = messageId ? store.messages.get(messageId) : undefined;
    if (!m || m.deleted) throw unknown.message();
    return m;
  }

  function viaWebhook(req: RouteRequest, method: 'GET' | 'PATCH' | 'DELETE', asInteraction: () => RouteResult): RouteResult {
    try {
      return asInteraction();
    } catch (error) {
      if (!(error instanceof NotAnInteraction)) throw error;
      return webhookMessage(world, method, req);
    }
  }

  return [
    route('POST', '/interactions/:id/:token/callback', (req) => {
      const record = interactions.records.get(req.params[0]!);
      if (!record || record.token !== req.params[1]) throw unknown.interaction();
      if (record.callbackType !== undefined) throw alreadyAcknowledged();
      if (performance.now() - record.createdAt > CALLBACK_DEADLINE_MS) throw unknown.interaction();
      const type = Number(req.body.type);
      const data = (req.body.data ?? {}) as Obj;
      let message: Message | undefined;
      switch (type) {
        case 4:
          validateMessage(data);
          message = responseMessage(record, data, req);
          record.originalId = message.id;
          break;
        case 5:
          message = responseMessage(record, { ...data, content: '' }, req, LOADING);
          record.originalId = message.id;
          break;
        case 6:
          if (!record.sourceMessageId) throw new DiscordError(400, 40004, 'Interaction type does not allow this response');
          record.originalId = record.sourceMessageId;
          break;
        case 7: {
          if (!record.sourceMessageId) throw new DiscordError(400, 40004, 'Interaction type does not allow this response');
          const source = store.messages.get(record.sourceMessageId);
          if (!source) throw unknown.message();
          editMessage(source, data, req);
          record.originalId = source.id;
          message = source;
          break;
        }
        case 8:
          validateChoices(Array.isArray(data.choices) ? data.choices : []);
          record.choices = (data.choices as { name: string; value: string }[] | undefined) ?? [];
          break;
        case 9:
          validateModal(data);
          record.modal = data;
          break;
        default:
          throw new DiscordError(400, 50035, 'Invalid Form Body');
      }
      record.callbackType = type;
      record.answeredAt = performance.now();
      // A deferral is not an answer yet: wait for the edit (after a deferUpdate, give up waiting after a second).
      if (type === 6) setTimeout(() => interactions.settle(record), 1_000).unref();
      else if (type !== 5) interactions.settle(record);
      if (req.query.get('with_response') === 'true') {
        return ok({ interaction: { id: record.id, type: record.type, activity_instance_id: null, response_message_id: message?.id ?? null, response_message_loading: type === 5, response_message_ephemeral: Boolean((message?.flags ?? 0) & EPHEMERAL) }, resource: { type, ...(message ? { message: apiMessage(store, message) } : {}) } });
      }
      return noContent();
    }, false),
    route('GET', '/webhooks/:app/:token/messages/:id', (req) => viaWebhook(req, 'GET', () => ok(apiMessage(store, messageOf(target(req.params[0]!, req.params[1]!), req.params[2]!)))), false),
    route('PATCH', '/webhooks/:app/:token/messages/:id', (req) => viaWebhook(req, 'PATCH', () => {
      const record = target(req.params[0]!, req.params[1]!);
      if (record.callbackType === undefined) throw unknown.interaction();
      const message = editMessage(messageOf(record, req.params[2]!), req.body, req);
      interactions.settle(record);
      if (!message.ephemeralTo) world.gateway.dispatch('MESSAGE_UPDATE', apiMessage(store, message), message.guildId);
      return ok(apiMessage(store, message));
    }), false),
    route('DELETE', '/webhooks/:app/:token/messages/:id', (req) => viaWebhook(req, 'DELETE', () => {
      const record = target(req.params[0]!, req.params[1]!);
      world.deleteMessage(messageOf(record, req.params[2]!));
      return noContent();
    }), false),
  ];
}

/** POST /webhooks/:app/:token is both "follow-up" (interaction token) and "execute webhook": this handles the former. */
export function followUp(world: World, interactions: Interactions, applicationId: string, req: RouteRequest): ReturnType<Route['handle']> | undefined {
  const record = interactions.byTokenOf(req.params[1]!);
  if (!record || req.params[0] !== applicationId) return undefined;
  if (record.callbackType === undefined) throw unknown.interaction();
  validateMessage(req.body);
  const flags = Number(req.body.flags ?? 0);
  const user = world.store.user(record.userId)!;
  const message = world.postMessage({
    channelId: record.channelId, authorId: world.store.botUser.id, content: typeof req.body.content === 'string' ? req.body.content : '',
    embeds: Array.isArray(req.body.embeds) ? req.body.embeds : [], components: Array.isArray(req.body.components) ? req.body.components : [],
    flags, ...(flags & EPHEMERAL ? { ephemeralTo: record.userId } : {}),
    interactionMetadata: { id: record.id, type: record.type, user: { id: user.id, username: user.username } },
    allowedMentions: req.body.allowed_mentions as Obj | undefined,
  });
  record.followUpIds.push(message.id);
  // A follow-up after a deferral replaces the "thinking" message for the member.
  interactions.settle(record);
  return ok(apiMessage(world.store, message));
}

import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { World } from '../core.js';
import { cannotDm, DiscordError, missingPermissions, unknown } from '../errors.js';
import { validateMessage } from '../limits.js';
import { apiChannel, apiMessage } from '../serialize.js';
import { isThread, type Channel, type Message } from '../state.js';
import { noContent, ok, route, type Obj, type Route, type RouteRequest } from './route.js';

const messageFields = (body: Obj, req: RouteRequest): Partial<Message> => ({
  content: typeof body.content === 'string' ? body.content : '',
  embeds: Array.isArray(body.embeds) ? body.embeds : [],
  components: Array.isArray(body.components) ? body.components : [],
  flags: Number(body.flags ?? 0) & ~(1 << 6),
  attachments: req.files.map((f, i) => ({ id: String(i), ...f })),
});

/** Sends as the bot into a channel: the checks Discord makes before accepting a message. */
export function sendAsBot(world: World, channel: Channel, body: Obj, req: RouteRequest, fixedId?: string): Message {
  validateMessage(body, { requireSomething: req.files.length === 0 });
  if (channel.type === ChannelType.DM) {
    const recipient = world.store.user(channel.recipientId ?? '');
    if (!recipient || recipient.dmsClosed) throw cannotDm();
  } else {
    if (channel.type === ChannelType.GuildCategory || channel.type === ChannelType.GuildForum) throw new DiscordError(400, 50008, 'Cannot send messages in a non-text channel');
    world.requireBot(channel, isThread(channel) ? P.SendMessagesInThreads : P.SendMessages);
    if (isThread(channel) && channel.locked) throw missingPermissions();
    if (req.files.length > 0) world.requireBot(channel, P.AttachFiles);
  }
  if (isThread(channel) && channel.archived) {
    channel.archived = false;
    world.channelChanged(channel);
  }
  const nonce = typeof body.nonce === 'string' ? body.nonce : undefined;
  if (nonce && body.enforce_nonce) {
    const twin = world.store.messagesIn(channel.id).find((m) => m.nonce === nonce && m.authorId === world.store.botUser.id);
    if (twin) return twin;
  }
  const reference = (body.message_reference as Obj | undefined)?.message_id;
  return world.postMessage({
    channelId: channel.id, authorId: world.store.botUser.id, ...messageFields(body, req), content: typeof body.content === 'string' ? body.content : '',
    ...(nonce ? { nonce } : {}), ...(typeof reference === 'string' ? { referenceId: reference } : {}), ...(fixedId ? { id: fixedId } : {}),
    allowedMentions: body.allowed_mentions as Obj | undefined,
  });
}

export function editMessage(message: Message, body: Obj, req: RouteRequest): Message {
  validateMessage(body, { requireSomething: false });
  if (typeof body.content === 'string') message.content = body.content;
  if (Array.isArray(body.embeds)) message.embeds = body.embeds;
  if (Array.isArray(body.components)) message.components = body.components;
  if (req.files.length > 0) message.attachments = req.files.map((f, i) => ({ id: String(i), ...f }));
  message.flags &= ~(1 << 7); // no longer "thinking"
  message.editedAt = new Date().toISOString();
  return message;
}

/** Discord: 1000 permission overwrites per channel (error 30060). */
export const MAX_OVERWRITES = 1000;

function overwriteBits(v: unknown): bigint {
  return BigInt(typeof v === 'string' || typeof v === 'number' ? v : 0);
}

export function channelRoutes(world: World): Route[] {
  const store = world.store;
  const json = (m: Message) => apiMessage(store, m);
  return [
    route('GET', '/channels/:id', ({ params }) => {
      const c = world.channel(params[0]!);
      if (c.guildId) world.requireBot(c);
      return ok(apiChannel(c));
    }),
    route('PATCH', '/channels/:id', ({ params, body }) => {
      const c = world.channel(params[0]!);
      if (isThread(c)) {
        const own = c.ownerId === store.botUser.id;
        if (!own) world.requireBot(c, P.ManageThreads);
        if (typeof body.archived === 'boolean') c.archived = body.archived;
        if (typeof body.locked === 'boolean') { if (!own) world.requireBot(c, P.ManageThreads); c.locked = body.locked; }
        if (Array.isArray(body.applied_tags)) c.appliedTags = body.applied_tags as string[];
      } else {
        world.requireBot(c, P.ManageChannels);
        if (Array.isArray(body.permission_overwrites)) world.requireBot(c, P.ManageRoles);
        if (Array.isArray(body.available_tags)) c.availableTags = (body.available_tags as Obj[]).map((t, i) => ({ id: typeof t.id === 'string' ? t.id : `${c.id.slice(0, -3)}${100 + i}`, name: String(t.name), moderated: Boolean(t.moderated), emoji_id: null, emoji_name: (t.emoji_name as string | null) ?? null }));
        if (Array.isArray(body.permission_overwrites)) c.overwrites = (body.permission_overwrites as Obj[]).map((o) => ({ id: String(o.id), type: Number(o.type) === 1 ? 1 : 0, allow: overwriteBits(o.allow), deny: overwriteBits(o.deny) }));
      }
      if (typeof body.name === 'string') c.name = body.name;
      if (typeof body.topic === 'string') c.topic = body.topic;
      if (body.parent_id !== undefined) c.parentId = (body.parent_id as string | null) ?? null;
      world.channelChanged(c);
      return ok(apiChannel(c));
    }),
    route('DELETE', '/channels/:id', ({ params }) => {
      const c = world.channel(params[0]!);
      world.requireBot(c, isThread(c) ? P.ManageThreads : P.ManageChannels);
      world.deleteChannel(c);
      return ok(apiChannel(c));
    }),
    route('PUT', '/channels/:id/permissions/:target', ({ params, body }) => {
      const c = world.channel(params[0]!);
      world.requireBot(c, P.ManageRoles);
      const allow = overwriteBits(body.allow);
      const deny = overwriteBits(body.deny);
      // A bot may only grant or deny permissions it has itself in that channel.
      const mine = world.permsIn(c, store.botUser.id);
      if (((allow | deny) & ~mine) !== 0n) throw missingPermissions();
      const existing = c.overwrites.find((o) => o.id === params[1]);
      if (!existing && c.overwrites.length >= MAX_OVERWRITES) throw new DiscordError(400, 30060, 'Maximum number of channel permission overwrites reached (1000)');
      c.overwrites = c.overwrites.filter((o) => o.id !== params[1]);
      c.overwrites.push({ id: params[1]!, type: Number(body.type) === 1 ? 1 : 0, allow, deny });
      world.channelChanged(c);
      return noContent();
    }),
    route('DELETE', '/channels/:id/permissions/:target', ({ params }) => {
      const c = world.channel(params[0]!);
      world.requireBot(c, P.ManageRoles);
      c.overwrites = c.overwrites.filter((o) => o.id !== params[1]);
      world.channelChanged(c);
      return noContent();
    }),
    route('GET', '/channels/:id/messages', ({ params, query }) => {
      const c = world.channel(params[0]!);
      world.requireBot(c, P.ReadMessageHistory);
      const limit = Math.min(100, Number(query.get('limit') ?? 50));
      return ok(store.messagesIn(c.id).reverse().slice(0, limit).map(json));
    }),
    route('GET', '/channels/:id/messages/:mid', ({ params }) => {
      const c = world.channel(params[0]!);
      world.requireBot(c, P.ReadMessageHistory);
      return ok(json(world.message(c.id, params[1]!)));
    }),
    route('POST', '/channels/:id/messages', (req) => ok(json(sendAsBot(world, world.channel(req.params[0]!), req.body, req)))),
    route('PATCH', '/channels/:id/messages/:mid', (req) => {
      const m = world.message(req.params[0]!, req.params[1]!);
      if (m.authorId !== store.botUser.id || m.webhookId) throw new DiscordError(403, 50005, 'Cannot edit a message authored by another user');
      const edited = editMessage(m, req.body, req);
      world.gateway.dispatch('MESSAGE_UPDATE', json(edited), edited.guildId);
      return ok(json(edited));
    }),
    route('DELETE', '/channels/:id/messages/:mid', ({ params }) => {
      const c = world.channel(params[0]!);
      const m = world.message(c.id, params[1]!);
      if (m.authorId !== store.botUser.id) world.requireBot(c, P.ManageMessages);
      world.deleteMessage(m);
      return noContent();
    }),
    route('POST', '/channels/:id/threads', (req) => {
      const parent = world.channel(req.params[0]!);
      const body = req.body;
      if (parent.type === ChannelType.GuildForum) {
        world.requireBot(parent, P.SendMessages);
        const thread = world.addChannel({ guildId: parent.guildId!, name: String(body.name), type: ChannelType.PublicThread, parentId: parent.id, ownerId: store.botUser.id, appliedTags: (body.applied_tags as string[] | undefined) ?? [] });
        thread.threadMembers?.add(store.botUser.id);
        // A forum post's first message has the thread's id, as in Discord.
        const first = sendAsBot(world, thread, (body.message as Obj | undefined) ?? {}, req, thread.id);
        return ok({ ...apiChannel(thread), message: json(first) });
      }
      const type = Number(body.type ?? ChannelType.PrivateThread) as ChannelType;
      world.requireBot(parent, type === ChannelType.PrivateThread ? P.CreatePrivateThreads : P.CreatePublicThreads);
      const thread = world.addChannel({ guildId: parent.guildId!, name: String(body.name), type, parentId: parent.id, ownerId: store.botUser.id });
      thread.threadMembers?.add(store.botUser.id);
      return ok(apiChannel(thread));
    }),
    route('POST', '/channels/:id/messages/:mid/threads', ({ params, body }) => {
      const parent = world.channel(params[0]!);
      const message = world.message(parent.id, params[1]!);
      world.requireBot(parent, P.CreatePublicThreads);
      if (message.threadId && store.channels.has(message.threadId)) throw new DiscordError(400, 160004, 'A thread has already been created for this message');
      // Discord gives a thread started from a message the message's id.
      const thread = world.addChannel({ id: message.id, guildId: parent.guildId!, name: String(body.name), type: ChannelType.PublicThread, parentId: parent.id, ownerId: store.botUser.id });
      message.threadId = thread.id;
      thread.threadMembers?.add(store.botUser.id);
      return ok(apiChannel(thread));
    }),
    route('PUT', '/channels/:id/thread-members/:user', ({ params }) => {
      const thread = world.channel(params[0]!);
      if (!isThread(thread)) throw unknown.channel();
      if (params[1] !== '@me') world.requireBot(thread, P.SendMessagesInThreads);
      thread.threadMembers?.add(params[1] === '@me' ? store.botUser.id : params[1]!);
      return noContent();
    }),
    route('DELETE', '/channels/:id/thread-members/:user', ({ params }) => {
      const thread = world.channel(params[0]!);
      thread.threadMembers?.delete(params[1] === '@me' ? store.botUser.id : params[1]!);
      return noContent();
    }),
    route('POST', '/users/@me/channels', ({ body }) => {
      const user = store.user(String(body.recipient_id));
      if (!user) throw unknown.user();
      return ok(apiChannel(store.dmChannel(user.id)));
    }),
  ];
}

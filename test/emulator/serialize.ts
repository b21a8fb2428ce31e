import { ChannelType } from 'discord-api-types/v10';
import { isThread, type Channel, type Guild, type Member, type Message, type Role, type ScheduledEvent, type Store, type User } from './state.js';

/** Converts the emulator's records to Discord API v10 JSON. */
export function apiUser(u: User) {
  return { id: u.id, username: u.username, global_name: u.globalName, discriminator: '0', avatar: null, bot: u.bot, public_flags: 0 };
}

export function apiRole(r: Role) {
  return {
    id: r.id, name: r.name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null,
    position: r.position, permissions: r.permissions.toString(), managed: r.managed, mentionable: r.mentionable, flags: 0,
    ...(r.botId ? { tags: { bot_id: r.botId } } : {}),
  };
}

export function apiMember(store: Store, m: Member) {
  const user = store.user(m.userId);
  return {
    user: user ? apiUser(user) : { id: m.userId, username: 'unknown', discriminator: '0', avatar: null, global_name: null },
    nick: m.nick, roles: [...m.roles], joined_at: m.joinedAt, deaf: false, mute: false, flags: 0, pending: false, avatar: null, premium_since: null, communication_disabled_until: null,
  };
}

export function apiChannel(c: Channel) {
  const base = {
    id: c.id, type: c.type, name: c.name, position: c.position, last_message_id: null, flags: 0,
    ...(c.guildId ? { guild_id: c.guildId } : {}),
  };
  if (c.type === ChannelType.DM) return { ...base, recipients: [{ id: c.recipientId, username: 'member', discriminator: '0', avatar: null, global_name: null }] };
  if (isThread(c)) {
    return {
      ...base, parent_id: c.parentId, owner_id: c.ownerId, rate_limit_per_user: 0, message_count: 0, member_count: c.threadMembers?.size ?? 0, total_message_sent: 0,
      thread_metadata: { archived: c.archived ?? false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: c.locked ?? false, invitable: false },
      applied_tags: c.appliedTags ?? [],
    };
  }
  return {
    ...base, parent_id: c.parentId, topic: c.topic, nsfw: false, rate_limit_per_user: 0,
    permission_overwrites: c.overwrites.map((o) => ({ id: o.id, type: o.type, allow: o.allow.toString(), deny: o.deny.toString() })),
    ...(c.type === ChannelType.GuildForum ? { available_tags: c.availableTags ?? [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0 } : {}),
  };
}

export function apiMessage(store: Store, m: Message) {
  const user = store.user(m.authorId);
  const author = m.webhookId
    ? { id: m.webhookId, username: m.username ?? 'Webhook', discriminator: '0000', avatar: null, bot: true, global_name: null }
    : user ? apiUser(user) : { id: m.authorId, username: 'unknown', discriminator: '0', avatar: null, global_name: null };
  return {
    id: m.id, channel_id: m.channelId, ...(m.guildId ? { guild_id: m.guildId } : {}), author, content: m.content, timestamp: m.createdAt, edited_timestamp: m.editedAt,
    tts: false, mention_everyone: m.pings.everyone, mentions: m.pings.users.map((id) => ({ id, username: store.user(id)?.username ?? 'unknown', discriminator: '0', avatar: null, global_name: null })),
    mention_roles: m.pings.roles, attachments: m.attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.content.length, url: `https://cdn.invalid/${a.id}/${a.filename}`, proxy_url: `https://cdn.invalid/${a.id}/${a.filename}` })),
    embeds: m.embeds, components: m.components, pinned: false, type: m.referenceId ? 19 : 0, flags: m.flags,
    ...(m.webhookId ? { webhook_id: m.webhookId } : {}),
    ...(m.nonce ? { nonce: m.nonce } : {}),
    ...(m.interactionMetadata ? { interaction_metadata: { ...m.interactionMetadata, authorizing_integration_owners: {} } } : {}),
    ...(m.referenceId ? { message_reference: { type: 0, message_id: m.referenceId, channel_id: m.channelId } } : {}),
  };
}

export function apiEvent(e: ScheduledEvent) {
  return {
    id: e.id, guild_id: e.guildId, name: e.name, description: e.description, scheduled_start_time: e.startTime, scheduled_end_time: e.endTime,
    entity_type: e.entityType, channel_id: e.channelId, entity_metadata: e.location ? { location: e.location } : null, status: e.status,
    privacy_level: 2, creator_id: e.creatorId, entity_id: null, user_count: 0, recurrence_rule: null,
  };
}

export function apiGuild(store: Store, g: Guild, { withMembers }: { withMembers: boolean }) {
  const channels = store.channelsOf(g.id);
  const members = [...g.members.values()].filter((m) => withMembers || m.userId === store.botUser.id);
  return {
    id: g.id, name: g.name, icon: null, splash: null, discovery_splash: null, owner_id: g.ownerId, afk_channel_id: null, afk_timeout: 300,
    verification_level: 0, default_message_notifications: 1, explicit_content_filter: 0, features: [], mfa_level: 0, system_channel_id: null,
    system_channel_flags: 0, rules_channel_id: null, vanity_url_code: null, description: null, banner: null, premium_tier: 0, preferred_locale: 'en-US',
    public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false, safety_alerts_channel_id: null,
    roles: [...g.roles.values()].map(apiRole), emojis: [], stickers: [],
    joined_at: new Date().toISOString(), large: false, unavailable: false, member_count: g.members.size,
    voice_states: [], members: members.map((m) => apiMember(store, m)),
    channels: channels.filter((c) => !isThread(c)).map(apiChannel), threads: channels.filter((c) => isThread(c) && !c.archived).map(apiChannel),
    presences: [], stage_instances: [], guild_scheduled_events: [...g.events.values()].map(apiEvent), soundboard_sounds: [],
  };
}

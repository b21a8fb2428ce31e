import { ChannelType } from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

export interface User {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  /** A member who turned off DMs from server members: opening works, sending fails with 50007. */
  dmsClosed: boolean;
}

export interface Role {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  botId?: string;
  mentionable: boolean;
}

export interface Member {
  userId: string;
  guildId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
}

export interface Overwrite {
  id: string;
  /** 0 role, 1 member */
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

export interface Channel {
  id: string;
  type: ChannelType;
  guildId: string | null;
  name: string;
  parentId: string | null;
  topic: string | null;
  position: number;
  overwrites: Overwrite[];
  /** DM channels */
  recipientId?: string;
  /** threads */
  ownerId?: string;
  archived?: boolean;
  locked?: boolean;
  threadMembers?: Set<string>;
  availableTags?: { id: string; name: string; moderated: boolean; emoji_id: null; emoji_name: string | null }[];
  appliedTags?: string[];
}

export interface Pings {
  users: string[];
  roles: string[];
  everyone: boolean;
}

export interface Message {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  /** Set for webhook messages: the name and avatar shown instead of the author's. */
  webhookId?: string;
  username?: string;
  avatarUrl?: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  nonce?: string;
  interactionMetadata?: { id: string; type: number; user: { id: string; username: string } };
  pings: Pings;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  threadId?: string;
  referenceId?: string;
  attachments: { id: string; filename: string; content: string }[];
  /** An ephemeral interaction response: only this user sees it, it is not in the channel. */
  ephemeralTo?: string;
}

export interface Webhook {
  id: string;
  token: string;
  channelId: string;
  guildId: string;
  name: string;
  creatorId: string;
}

export interface ScheduledEvent {
  id: string;
  guildId: string;
  name: string;
  description: string | null;
  startTime: string;
  endTime: string | null;
  entityType: number;
  channelId: string | null;
  location: string | null;
  status: number;
  creatorId: string;
}

export interface RegisteredCommand {
  id: string;
  guildId: string | null;
  name: string;
  type: number;
  body: Record<string, unknown>;
}

export interface Guild {
  id: string;
  name: string;
  ownerId: string;
  roles: Map<string, Role>;
  members: Map<string, Member>;
  events: Map<string, ScheduledEvent>;
}

/** Everything the emulated Discord knows. Plain data: REST handlers and the driver both change it. */
export class Store {
  readonly users = new Map<string, User>();
  readonly guilds = new Map<string, Guild>();
  readonly channels = new Map<string, Channel>();
  readonly messages = new Map<string, Message>();
  readonly webhooks = new Map<string, Webhook>();
  readonly commands = new Map<string, RegisteredCommand>();

  constructor(readonly botUser: User, readonly applicationId: string) {
    this.users.set(botUser.id, botUser);
  }

  addUser(init: Partial<User> & { username: string }): User {
    const user: User = { id: snowflake(), globalName: null, bot: false, dmsClosed: false, ...init };
    this.users.set(user.id, user);
    return user;
  }

  user(id: string): User | undefined {
    return this.users.get(id);
  }

  channelsOf(guildId: string): Channel[] {
    return [...this.channels.values()].filter((c) => c.guildId === guildId);
  }

  messagesIn(channelId: string): Message[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && !m.deleted && !m.ephemeralTo);
  }

  highestRolePosition(guild: Guild, userId: string): number {
    if (guild.ownerId === userId) return Number.MAX_SAFE_INTEGER;
    const member = guild.members.get(userId);
    return Math.max(0, ...(member?.roles ?? []).map((r) => guild.roles.get(r)?.position ?? 0));
  }

  dmChannel(userId: string): Channel {
    const existing = [...this.channels.values()].find((c) => c.type === ChannelType.DM && c.recipientId === userId);
    if (existing) return existing;
    const channel: Channel = { id: snowflake(), type: ChannelType.DM, guildId: null, name: '', parentId: null, topic: null, position: 0, overwrites: [], recipientId: userId };
    this.channels.set(channel.id, channel);
    return channel;
  }
}

export const isThread = (c: Channel): boolean =>
  c.type === ChannelType.PublicThread || c.type === ChannelType.PrivateThread || c.type === ChannelType.AnnouncementThread;

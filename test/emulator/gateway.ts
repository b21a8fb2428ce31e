import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayIntentBits as I, GatewayOpcodes as Op } from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';

/** Which intent a dispatch needs; events not listed are always sent (READY, INTERACTION_CREATE…). */
const intentOf: Record<string, number> = {
  GUILD_CREATE: I.Guilds, GUILD_DELETE: I.Guilds, GUILD_UPDATE: I.Guilds,
  GUILD_ROLE_CREATE: I.Guilds, GUILD_ROLE_UPDATE: I.Guilds, GUILD_ROLE_DELETE: I.Guilds,
  CHANNEL_CREATE: I.Guilds, CHANNEL_UPDATE: I.Guilds, CHANNEL_DELETE: I.Guilds,
  THREAD_CREATE: I.Guilds, THREAD_UPDATE: I.Guilds, THREAD_DELETE: I.Guilds,
  GUILD_MEMBER_ADD: I.GuildMembers, GUILD_MEMBER_UPDATE: I.GuildMembers, GUILD_MEMBER_REMOVE: I.GuildMembers,
  GUILD_SCHEDULED_EVENT_CREATE: I.GuildScheduledEvents, GUILD_SCHEDULED_EVENT_UPDATE: I.GuildScheduledEvents, GUILD_SCHEDULED_EVENT_DELETE: I.GuildScheduledEvents,
};

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  /** Dispatches sent in this session, for RESUME replay. */
  sent: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

export interface GatewayHooks {
  token: string;
  url: () => string;
  /** READY payload pieces and the GUILD_CREATE bodies for a shard. */
  ready: (shard: [number, number], intents: number) => { user: unknown; application: { id: string; flags: number }; guilds: { id: string; guildCreate: unknown }[] };
}

export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The WebSocket side of the emulator: identify, heartbeat, resume, dispatch. */
export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private nextSession = 1;
  identifies = 0;
  resumes = 0;

  constructor(private readonly hooks: GatewayHooks) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws));
  }

  private connect(ws: WebSocket): void {
    const send = (payload: unknown) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(payload));
    send({ op: Op.Hello, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    let session: Session | undefined;
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | number | null };
      if (msg.op === Op.Heartbeat) return send({ op: Op.HeartbeatAck, d: null, s: null, t: null });
      const d = (msg.d ?? {}) as Record<string, unknown>;
      if (msg.op === Op.Identify) {
        if (d.token !== this.hooks.token && d.token !== `Bot ${this.hooks.token}`) return ws.close(4004, 'Authentication failed.');
        this.identifies++;
        const shard = (d.shard as [number, number] | undefined) ?? [0, 1];
        session = { id: `session-${this.nextSession++}`, shard, intents: Number(d.intents ?? 0), seq: 0, sent: [], socket: ws };
        this.sessions.set(session.id, session);
        const ready = this.hooks.ready(shard, session.intents);
        this.send(session, 'READY', {
          v: 10, user: ready.user, application: ready.application, session_id: session.id, resume_gateway_url: this.hooks.url(), shard,
          guilds: ready.guilds.map((g) => ({ id: g.id, unavailable: true })), private_channels: [], presences: [], relationships: [], guild_join_requests: [], user_settings: {}, geo_ordered_rtc_regions: [],
        });
        for (const g of ready.guilds) this.send(session, 'GUILD_CREATE', g.guildCreate);
        return;
      }
      if (msg.op === Op.Resume) {
        const old = this.sessions.get(String(d.session_id));
        if (!old || d.token !== this.hooks.token) return send({ op: Op.InvalidSession, d: false, s: null, t: null });
        this.resumes++;
        session = old;
        old.socket = ws;
        for (const e of old.sent.filter((e) => e.s > Number(d.seq ?? 0))) send({ op: Op.Dispatch, ...e });
        this.send(old, 'RESUMED', null);
      }
    });
    ws.on('close', () => {
      if (session && session.socket === ws) session.socket = null;
    });
  }

  private send(session: Session, t: string, d: unknown): void {
    const entry = { s: ++session.seq, t, d };
    session.sent.push(entry);
    if (session.sent.length > 1000) session.sent.splice(0, session.sent.length - 1000);
    if (session.socket?.readyState === session.socket?.OPEN) session.socket?.send(JSON.stringify({ op: Op.Dispatch, ...entry }));
  }

  /** Sends an event to the sessions that would get it: the guild's shard, with the needed intent. */
  dispatch(t: string, d: unknown, guildId?: string | null): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      if (guildId && shardOf(guildId, session.shard[1]) !== session.shard[0]) continue;
      const intent = intentOf[t];
      if (intent !== undefined && !(session.intents & intent)) continue;
      if (t.startsWith('MESSAGE_') && !(session.intents & (guildId ? I.GuildMessages : I.DirectMessages))) continue;
      const payload = t === 'MESSAGE_CREATE' && !(session.intents & I.MessageContent) ? { ...(d as object), content: '', embeds: [], attachments: [] } : d;
      this.send(session, t, payload);
      delivered++;
    }
    return delivered;
  }

  /** Kills every open socket without a close frame, as a network failure would. */
  drop(): void {
    for (const s of this.sessions.values()) s.socket?.terminate();
  }

  get connected(): number {
    return [...this.sessions.values()].filter((s) => s.socket?.readyState === s.socket?.OPEN && s.socket !== null).length;
  }

  close(): void {
    for (const s of this.sessions.values()) s.socket?.terminate();
    this.wss.close();
  }
}

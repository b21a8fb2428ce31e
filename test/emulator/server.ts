import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscordError } from './errors.js';
import type { Faults } from './faults.js';
import type { Gateway } from './gateway.js';
import type { Obj, Route, RouteRequest } from './rest/route.js';

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
  files: { filename: string; content: string }[];
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: { filename: string; content: string }[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: { filename: string; content: string }[] = [];
    let body: unknown;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') files.push({ filename: value.name, content: await value.text() });
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  // A 204 must not claim a JSON body: @discordjs/rest would try to parse an empty string.
  res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** The HTTP side: token check, faults, routing, Discord-shaped errors, and a log of every request. */
export function startHttp(opts: { token: string; routes: () => Route[]; gateway: Gateway; faults: Faults; log: LoggedRequest[]; gatewayBot: () => unknown }): Promise<Server> {
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error), code: 0 }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const { body, files } = await readBody(req);
    const entry: LoggedRequest = { method, path, status: 0, body, files };
    opts.log.push(entry);
    const reply = (status: number, payload?: unknown, headers?: Record<string, string>) => {
      entry.status = status;
      send(res, status, payload, headers);
    };
    if (opts.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, opts.faults.latencyMs));
    const authorized = req.headers.authorization === `Bot ${opts.token}`;
    if (path === '/gateway/bot') return authorized ? reply(200, opts.gatewayBot()) : reply(401, { message: '401: Unauthorized', code: 0 });
    const fault = opts.faults.take(method, path);
    if (fault?.status === 429) {
      const after = String(fault.retryAfterSeconds ?? 0.2);
      return reply(429, { message: 'You are being rate limited.', retry_after: fault.retryAfterSeconds, global: false }, {
        'retry-after': after, 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': after, 'x-ratelimit-bucket': 'emulated', 'x-ratelimit-scope': 'user',
      });
    }
    if (fault) return reply(fault.status, { message: `${fault.status}: Emulated failure`, code: 0 });
    for (const route of opts.routes()) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      if (route.auth && !authorized) return reply(401, { message: '401: Unauthorized', code: 0 });
      const request: RouteRequest = { params: match.slice(1), body: (body ?? {}) as RouteRequest['body'], rawBody: body, query: url.searchParams, files };
      try {
        const result = await route.handle(request);
        return reply(result.status, result.body);
      } catch (error) {
        if (error instanceof DiscordError) return reply(error.status, { message: error.message, code: error.code, ...(error.errors ? { errors: error.errors } : {}) });
        throw error;
      }
    }
    reply(404, { message: `404: Not Found (${method} ${path})`, code: 0 });
  }
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://emulator').pathname !== '/gateway') return socket.destroy();
    opts.gateway.upgrade(req, socket, head);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

export type { Obj };

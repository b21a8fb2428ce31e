import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { Status, type Client } from 'discord.js';
import { sql } from 'drizzle-orm';
import type { Db } from './db/types.js';

export interface HealthReport {
  readonly ok: boolean;
  readonly gateway: 'ready' | 'connecting' | 'down';
  readonly database: 'ok' | 'down';
}

export async function checkHealth(client: Client, db: Db): Promise<HealthReport> {
  const status = client.ws.status;
  const gateway = status === Status.Ready ? 'ready' : status === Status.Disconnected || status === Status.Idle ? 'down' : 'connecting';
  const database = await db.execute(sql`select 1`).then(
    () => 'ok' as const,
    () => 'down' as const,
  );
  return { ok: gateway === 'ready' && database === 'ok', gateway, database };
}

/** `GET /health` → 200 when the gateway is ready and the database answers, else 503. For orchestrators. */
export async function startHealthServer(port: number, check: () => Promise<HealthReport>): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url !== '/health' && req.url !== '/')) {
      res.writeHead(404).end();
      return;
    }
    check().then(
      (report) => res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report)),
      () => res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false })),
    );
  });
  server.listen(port);
  await once(server, 'listening');
  return server;
}

import type { World } from '../core.js';

export type Obj = Record<string, unknown>;

export interface RouteRequest {
  params: string[];
  body: Obj & { [index: number]: unknown };
  rawBody: unknown;
  query: URLSearchParams;
  /** Files of a multipart request (name → text). */
  files: { filename: string; content: string }[];
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** Interaction callbacks and webhook executions are sent without a bot token. */
  auth: boolean;
  handle(req: RouteRequest): RouteResult | Promise<RouteResult>;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const noContent = (): RouteResult => ({ status: 204 });

export function route(method: string, path: string, handle: Route['handle'], auth = true): Route {
  const pattern = new RegExp(`^${path.replace(/:[a-z]+/g, '([^/]+)')}$`);
  return { method, pattern, auth, handle };
}

export interface RouteDeps {
  world: World;
}

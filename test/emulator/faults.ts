/** Failures the tests ask for: Discord's 429s, 5xx responses and latency. */
export interface Fault {
  method?: string;
  /** Matched against the path after /api/v10, e.g. /\/channels\/\d+\/messages$/. */
  path: RegExp;
  remaining: number;
  status: number;
  retryAfterSeconds?: number;
  hits: number;
}

export class Faults {
  private readonly list: Fault[] = [];
  latencyMs = 0;

  /** The next `count` matching requests get a 429 with `retry_after`, as Discord's rate limiter does. */
  rateLimit(path: RegExp, { count = 1, retryAfterSeconds = 0.2, method }: { count?: number; retryAfterSeconds?: number; method?: string } = {}): Fault {
    const fault: Fault = { path, remaining: count, status: 429, retryAfterSeconds, hits: 0, ...(method ? { method } : {}) };
    this.list.push(fault);
    return fault;
  }

  /** The next `count` matching requests fail with `status` (500, 502…). */
  fail(path: RegExp, { count = 1, status = 502, method }: { count?: number; status?: number; method?: string } = {}): Fault {
    const fault: Fault = { path, remaining: count, status, hits: 0, ...(method ? { method } : {}) };
    this.list.push(fault);
    return fault;
  }

  take(method: string, path: string): Fault | undefined {
    const fault = this.list.find((f) => f.remaining > 0 && f.path.test(path) && (!f.method || f.method === method));
    if (!fault) return undefined;
    fault.remaining--;
    fault.hits++;
    return fault;
  }

  clear(): void {
    this.list.length = 0;
    this.latencyMs = 0;
  }
}

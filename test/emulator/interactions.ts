import { performance } from 'node:perf_hooks';
import type { Message } from './state.js';

/** What one interaction produced, as the member who triggered it saw it. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  userId: string;
  guildId: string | null;
  channelId: string;
  /** performance.now() when it was dispatched: Discord drops callbacks after 3 s. */
  createdAt: number;
  /** For buttons, selects and modals from a message: the message they came from. */
  sourceMessageId?: string;
  callbackType?: number;
  /** performance.now() when the first callback arrived (the 3-second deadline). */
  answeredAt?: number;
  /** The @original message (type 4/5), or the source message after type 6/7. */
  originalId?: string;
  followUpIds: string[];
  choices?: { name: string; value: string | number }[];
  modal?: Record<string, unknown>;
  settled: boolean;
  waiters: (() => void)[];
}

export const CALLBACK_DEADLINE_MS = 3_000;
export const FOLLOW_UP_DEADLINE_MS = 15 * 60_000;

export class Interactions {
  readonly records = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  add(record: Omit<InteractionRecord, 'followUpIds' | 'settled' | 'waiters' | 'createdAt'>): InteractionRecord {
    const full: InteractionRecord = { ...record, followUpIds: [], settled: false, waiters: [], createdAt: performance.now() };
    this.records.set(full.id, full);
    this.byToken.set(full.token, full);
    return full;
  }

  byTokenOf(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  settle(record: InteractionRecord): void {
    if (record.settled) return;
    record.settled = true;
    for (const w of record.waiters.splice(0)) w();
  }

  /** Resolves once the bot has answered in a way the member can see (a deferral alone is not enough). */
  async waitSettled(record: InteractionRecord, timeoutMs: number): Promise<void> {
    if (record.settled) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The bot did not answer interaction ${record.id} within ${timeoutMs} ms`)), timeoutMs);
      record.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export type { Message };

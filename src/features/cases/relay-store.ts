import { eq } from 'drizzle-orm';
import { helpRelays } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/types.js';

export async function createRelay(db: DbOrTx, values: { caseId: string; guildId: string; memberSeal: string; memberKey: string }): Promise<void> {
  await db.insert(helpRelays).values(values);
}

export async function getRelay(db: DbOrTx, caseId: string): Promise<{ memberSeal: string | null; memberKey: string | null } | undefined> {
  const [row] = await db.select().from(helpRelays).where(eq(helpRelays.caseId, caseId));
  return row;
}

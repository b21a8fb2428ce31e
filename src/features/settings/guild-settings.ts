import { eq } from 'drizzle-orm';
import { guildSettings, type GuildSettingsRow } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/types.js';

export type GuildSettings = GuildSettingsRow;
export type GuildSettingsPatch = Partial<Omit<GuildSettingsRow, 'guildId' | 'createdAt' | 'updatedAt'>>;

/** The server's settings, or defaults (nothing configured) when /setup was never run. */
export async function getGuildSettings(db: DbOrTx, guildId: string): Promise<GuildSettings> {
  const [row] = await db.select().from(guildSettings).where(eq(guildSettings.guildId, guildId));
  return row ?? defaultSettings(guildId, new Date(0));
}

export function defaultSettings(guildId: string, at: Date): GuildSettings {
  return {
    guildId,
    moderatorRoleId: null,
    seniorRoleId: null,
    queueChannelId: null,
    logChannelId: null,
    timezone: null,
    country: null,
    crisisEnabled: false,
    crisisReply: 'dm',
    crisisCooldownHours: 6,
    anonRevealEnabled: false,
    repingUrgentMinutes: 10,
    repingMinutes: 60,
    memberRetentionDays: 30,
    caseRetentionDays: 90,
    auditRetentionDays: 365,
    createdAt: at,
    updatedAt: at,
  };
}

/** Creates the row on first use; only the given keys change. */
export async function updateGuildSettings(db: DbOrTx, guildId: string, patch: GuildSettingsPatch, now: Date): Promise<GuildSettings> {
  const [row] = await db
    .insert(guildSettings)
    .values({ ...defaultSettings(guildId, now), ...patch, guildId, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: guildSettings.guildId, set: { ...patch, updatedAt: now } })
    .returning();
  if (!row) throw new Error('guild_settings upsert returned no row');
  return row;
}

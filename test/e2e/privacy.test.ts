import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows.js';
import { blockKeyFor } from '../../src/features/anonymous/seal.js';
import { deriveKeys } from '../../src/features/anonymous/keys.js';
import type { MemberRef } from '../emulator/index.js';
import { startTestHaven, type TestHaven } from './harness.js';

/** Every text value in every table, to prove nothing refers to a member any more. */
async function rowsMentioning(t: TestHaven, needles: string[]): Promise<string[]> {
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await t.db.db.execute(sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('text', 'jsonb') and table_name not like '__drizzle%'`),
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const hits = rowsOf(await t.db.db.execute(sql`select 1 from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text like ${`%${needle}%`} limit 1`));
      if (hits.length > 0) found.push(`${table_name}.${column_name}`);
    }
  }
  return found;
}

describe('member data rights end to end', () => {
  let t: TestHaven;
  let member: MemberRef;
  let other: MemberRef;
  let authorHash: string;

  async function giveEveryKindOfData(who: MemberRef): Promise<void> {
    await t.emu.slash(who, t.general, 'join', { condition: 'Long COVID' });
    await t.emu.slash(who, t.general, 'resources', { country: 'IE', remember: true });
    await t.emu.slash(who, t.general, 'checkin subscribe', { schedule: 'Weekly' });
    t.emu.say(who, t.general, "I don't want to be alive anymore");
    await t.emu.waitFor(() => t.emu.dmsTo(who).length > 0, { what: 'a crisis DM' });
    const target = t.emu.say(other, t.general, 'something unkind');
    const modal = await t.emu.contextMenu(who, target, 'Report to moderators');
    await t.emu.submitModal(who, t.general, modal, { reason: 'unkind' });
    const anonModal = await t.emu.slash(who, t.general, 'anon post');
    await t.emu.submitModal(who, t.general, anonModal, { text: 'anonymous words' });
    await t.emu.idle();
  }

  beforeAll(async () => {
    t = await startTestHaven();
    const mods = t.emu.addRole(t.guild, { name: 'Moderators' });
    const hidden = [{ id: t.guild.id, type: 0 as const, allow: 0n, deny: P.ViewChannel }, { id: t.botRole.id, type: 0 as const, allow: P.ViewChannel, deny: 0n }];
    const queue = t.emu.addChannel(t.guild, { name: 'queue', type: ChannelType.GuildForum, overwrites: hidden });
    await t.emu.slash(t.owner, t.general, 'setup moderation', { role: mods, queue });
    await t.emu.slash(t.owner, t.general, 'setup crisis', { enabled: true });
    await t.emu.slash(t.owner, t.general, 'setup anonymous', { channel: t.general, enabled: true });
    await t.emu.slash(t.owner, t.general, 'condition add', { name: 'Long COVID', description: 'After the infection' });
    await t.emu.slash(t.owner, t.general, 'checkin schedule', { channel: t.general, day: 3, time: '18:00', timezone: 'UTC', title: 'Weekly' });
    member = t.emu.addMember(t.guild, { username: 'privacy_pat' });
    other = t.emu.addMember(t.guild, { username: 'other_olly' });
    authorHash = blockKeyFor(deriveKeys(t.config.anonSecret!), t.guild.id, member.id);
    await giveEveryKindOfData(member);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('/privacy show lists what is kept, privately', async () => {
    const seen = await t.emu.slash(member, t.general, 'privacy show');
    expect(seen.ephemeral).toBe(true);
    for (const phrase of ['condition channels you joined', 'country for crisis resources', 'crisis detector', 'check-ins you asked to be reminded', 'Reports you filed', 'anonymous posts']) {
      expect(seen.content.toLowerCase()).toContain(phrase.toLowerCase());
    }
  });

  it('/privacy export contains exactly the member’s data', async () => {
    const seen = await t.emu.slash(member, t.general, 'privacy export');
    expect(seen.ephemeral).toBe(true);
    const file = seen.message!.attachments[0]!;
    expect(file.filename).toBe('haven-my-data.json');
    const data = JSON.parse(file.content) as { data: Record<string, unknown[]> };
    expect(data.data.condition_memberships).toHaveLength(1);
    expect(data.data.member_prefs).toEqual([expect.objectContaining({ country: 'IE' })]);
    expect(data.data.checkin_subscriptions).toHaveLength(1);
    expect(data.data.crisis_flags).toHaveLength(1);
    expect(data.data.anon_posts).toEqual([expect.objectContaining({ pseudonym: expect.any(String) })]);
    expect(file.content).not.toContain(other.id);
  });

  it('/privacy delete leaves no row referencing the member anywhere, and their access is gone', async () => {
    expect(await rowsMentioning(t, [member.id, authorHash])).not.toEqual([]);
    const ask = await t.emu.slash(member, t.general, 'privacy delete');
    expect(ask.content).toContain('the posts stay, fully anonymous');
    const done = await t.emu.click(member, ask.message!, { label: 'Yes, erase my data' });
    expect(done.content).toContain('everything Haven kept about you on this server is erased');
    expect(await rowsMentioning(t, [member.id, authorHash])).toEqual([]);
    const channel = t.emu.channelsOf(t.guild).find((c) => c.name === 'long-covid')!;
    expect(t.emu.canSee(member, channel)).toBe(false);
    expect(t.emu.rolesOf(member)).toEqual([]);
    expect([...t.emu.store.messages.values()].some((m) => m.webhookId && m.content === 'anonymous words' && !m.deleted)).toBe(true);
  });

  it('erases a departed member’s data after the retention period, and not before', async () => {
    const leaver = t.emu.addMember(t.guild, { username: 'leaving_lee' });
    await t.emu.slash(leaver, t.general, 'join', { condition: 'Long COVID' });
    await t.emu.slash(leaver, t.general, 'resources', { country: 'GB', remember: true });
    t.emu.removeMember(leaver);
    await t.emu.idle();
    t.clock.advance(29 * 86_400_000);
    await t.haven.runJobsNow();
    expect(await rowsMentioning(t, [leaver.id])).not.toEqual([]);
    t.clock.advance(2 * 86_400_000);
    await t.haven.runJobsNow();
    expect(await rowsMentioning(t, [leaver.id])).toEqual([]);
  });
});

import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../emulator/index.js';
import { startTestHaven, type TestHaven } from './harness.js';

describe('condition channels end to end', () => {
  let t: TestHaven;
  let log: Channel;
  let queue: Channel;
  beforeAll(async () => {
    t = await startTestHaven();
    const privateTo = [{ id: t.guild.id, type: 0 as const, allow: 0n, deny: P.ViewChannel }, { id: t.emu.applicationId, type: 1 as const, allow: P.ViewChannel | P.SendMessages | P.EmbedLinks | P.ManageThreads | P.CreatePublicThreads | P.SendMessagesInThreads, deny: 0n }];
    log = t.emu.addChannel(t.guild, { name: 'haven-log', overwrites: privateTo });
    queue = t.emu.addChannel(t.guild, { name: 'mod-queue', overwrites: privateTo });
    const mods = t.emu.addRole(t.guild, { name: 'Moderators' });
    const setup = await t.emu.slash(t.owner, t.general, 'setup moderation', { role: mods, queue, log });
    expect(setup.content).toContain('Saved.');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const addCondition = (values: Record<string, string | boolean | { id: string }>) => t.emu.slash(t.owner, t.general, 'condition add', values);

  it('refuses /condition add to a non-admin, server-side', async () => {
    const member = t.emu.addMember(t.guild, { username: 'curious' });
    const seen = await t.emu.slash(member, t.general, 'condition add', { name: 'Long COVID', description: 'x' });
    expect(seen.content).toBe('Only server admins (Manage Server permission) can use this command.');
    expect(t.emu.channelsOf(t.guild).some((c) => c.name === 'long-covid')).toBe(false);
  });

  it('add → join → access → leave → no access, with nothing public but the greeting', async () => {
    const added = await addCondition({ name: 'Breast cancer', description: 'Diagnosed, in treatment, or after', emoji: '🎗️' });
    expect(added.ephemeral).toBe(true);
    expect(added.content).toContain('Created **Breast cancer**');
    const channel = t.emu.channelsOf(t.guild).find((c) => c.name === 'breast-cancer')!;
    expect(channel).toBeDefined();
    const category = t.emu.channel(channel.parentId!)!;
    expect(category).toMatchObject({ name: 'Support', type: ChannelType.GuildCategory });

    const rosa = t.emu.addMember(t.guild, { username: 'rosa' });
    expect(t.emu.canSee(rosa, channel)).toBe(false);
    const choices = await t.emu.autocomplete(rosa, t.general, 'join', 'condition', 'brest cancer');
    expect(choices[0]?.name).toBe('🎗️ Breast cancer');
    const joined = await t.emu.slash(rosa, t.general, 'join', { condition: String(choices[0]!.value) });
    expect(joined.ephemeral).toBe(true);
    expect(joined.content).toContain(`<#${channel.id}>`);
    expect(t.emu.canSee(rosa, channel)).toBe(true);
    expect(t.emu.rolesOf(rosa).map((r) => r.name)).toEqual(['Breast cancer']);
    const greeting = t.emu.messagesIn(channel).at(-1)!;
    expect(greeting.content).toContain(`<@${rosa.id}>`);
    expect(greeting.pings.users).toEqual([]);

    const again = await t.emu.slash(rosa, t.general, 'join', { condition: 'breast cancer' });
    expect(again.content).toContain("You're already in");

    const left = await t.emu.slash(rosa, t.general, 'leave', { condition: 'Breast cancer' });
    expect(left.content).toContain("You've left");
    expect(t.emu.canSee(rosa, channel)).toBe(false);
    expect(t.emu.rolesOf(rosa)).toEqual([]);
    const notJoined = await t.emu.slash(rosa, t.general, 'leave', { condition: 'Breast cancer' });
    expect(notJoined.content).toContain("You're not in");
    expect(t.emu.messagesIn(t.general)).toEqual([]);
  });

  it('discreet: access by member overwrite, no role on the member, no greeting', async () => {
    await addCondition({ name: 'HIV', description: 'Living with HIV', discreet: true });
    const channel = t.emu.channelsOf(t.guild).find((c) => c.name === 'hiv')!;
    const ana = t.emu.addMember(t.guild, { username: 'ana' });
    const joined = await t.emu.slash(ana, t.general, 'join', { condition: 'HIV' });
    expect(joined.content).toContain('no role shows on your profile');
    expect(t.emu.canSee(ana, channel)).toBe(true);
    expect(t.emu.rolesOf(ana)).toEqual([]);
    expect(channel.overwrites.some((o) => o.type === 1 && o.id === ana.id)).toBe(true);
    expect(t.emu.messagesIn(channel)).toEqual([]);
    await t.emu.slash(ana, t.general, 'leave', { condition: 'HIV' });
    expect(t.emu.canSee(ana, channel)).toBe(false);
  });

  it('panel: join and leave in place, still working after a restart', async () => {
    await addCondition({ name: 'Long COVID', description: 'Months after the infection' });
    const posted = await t.emu.slash(t.owner, t.general, 'condition panel', { channel: t.general });
    expect(posted.ephemeral).toBe(true);
    const panel = t.emu.messagesIn(t.general).at(-1)!;
    await t.restart();
    const mo = t.emu.addMember(t.guild, { username: 'mo' });
    const picker = await t.emu.click(mo, panel, { label: 'Find your people' });
    expect(picker.ephemeral).toBe(true);
    expect(picker.content).toContain('▫️ Long COVID');
    const channel = t.emu.channelsOf(t.guild).find((c) => c.name === 'long-covid')!;
    const longCovidId = (await t.emu.autocomplete(mo, t.general, 'join', 'condition', 'long covid'))[0]!.value as string;
    const afterJoin = await t.emu.select(mo, picker.message!, 'cpick:0', [longCovidId]);
    expect(afterJoin.content).toContain('Welcome to Long COVID');
    expect(afterJoin.content).toContain('✅ Long COVID');
    expect(t.emu.canSee(mo, channel)).toBe(true);
    const afterLeave = await t.emu.select(mo, afterJoin.message!, 'cpick:0', [longCovidId]);
    expect(afterLeave.content).toContain("You've left Long COVID");
    expect(t.emu.canSee(mo, channel)).toBe(false);
  });

  it('channel deleted → condition broken, admins told once, /join explains', async () => {
    await addCondition({ name: 'Caregivers', description: 'Looking after someone' });
    const channel = t.emu.channelsOf(t.guild).find((c) => c.name === 'caregivers')!;
    t.emu.deleteChannel(channel);
    const notice = await t.emu.waitFor(() => t.emu.messagesIn(log).find((m) => m.content.includes('Caregivers')), { what: 'an admin notice' });
    expect(notice.content).toContain('its channel was deleted');
    const kim = t.emu.addMember(t.guild, { username: 'kim' });
    const seen = await t.emu.slash(kim, t.general, 'join', { condition: 'Caregivers' });
    expect(seen.content).toContain("I couldn't open **Caregivers** for you right now");
    const list = await t.emu.slash(t.owner, t.general, 'condition list');
    expect(list.text).toMatch(/⚠️ Caregivers/);
  });

  it('bot role too low → the member is told kindly, the admin gets the exact fix', async () => {
    const role = t.emu.addRole(t.guild, { name: 'Type 1 diabetes' });
    await addCondition({ name: 'Type 1 diabetes', description: 'T1D', role });
    t.emu.moveRole(t.guild, role, t.botRole.position + 1);
    const lee = t.emu.addMember(t.guild, { username: 'lee' });
    const seen = await t.emu.slash(lee, t.general, 'join', { condition: 'type 1 diabetes' });
    expect(seen.content).toContain("I couldn't open **Type 1 diabetes** for you right now");
    const notice = await t.emu.waitFor(() => t.emu.messagesIn(log).find((m) => m.content.includes("couldn't join **Type 1 diabetes**")), { what: 'an admin notice' });
    expect(notice.content).toContain('Move the **Haven** role above **Type 1 diabetes** in Server Settings → Roles');
    expect(t.emu.rolesOf(lee)).toEqual([]);
  });

  it('/condition remove keeps the channel but closes it, and forgets the members', async () => {
    await addCondition({ name: 'Grief', description: 'After a loss' });
    const channel = t.emu.channelsOf(t.guild).find((c) => c.name === 'grief')!;
    const sol = t.emu.addMember(t.guild, { username: 'sol' });
    await t.emu.slash(sol, t.general, 'join', { condition: 'Grief' });
    const removed = await t.emu.slash(t.owner, t.general, 'condition remove', { condition: 'Grief' });
    expect(removed.content).toContain('Removed **Grief**');
    expect(t.emu.channel(channel.id)).toBeDefined();
    expect(t.emu.canSee(sol, channel)).toBe(false);
    const mine = await t.emu.slash(sol, t.general, 'conditions');
    expect(mine.content).not.toContain('Grief');
  });
});

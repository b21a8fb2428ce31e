import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Role } from '../emulator/index.js';
import { startTestHaven, type TestHaven } from './harness.js';

const URGENT = 'I have the pills ready and I am going to end it all tonight';
const CONCERN = "honestly I don't want to be alive anymore";

describe('crisis resources and detection end to end', () => {
  let t: TestHaven;
  let queue: Channel;
  let mods: Role;
  beforeAll(async () => {
    t = await startTestHaven();
    mods = t.emu.addRole(t.guild, { name: 'Moderators', permissions: P.ManageMessages });
    const hidden = [{ id: t.guild.id, type: 0 as const, allow: 0n, deny: P.ViewChannel }, { id: t.botRole.id, type: 0 as const, allow: P.ViewChannel, deny: 0n }];
    queue = t.emu.addChannel(t.guild, { name: 'mod-queue', type: ChannelType.GuildForum, overwrites: hidden });
    await t.emu.slash(t.owner, t.general, 'setup moderation', { role: mods, queue });
    await t.emu.slash(t.owner, t.general, 'setup region', { country: 'GB', timezone: 'Europe/London' });
    const on = await t.emu.slash(t.owner, t.general, 'setup crisis', { enabled: true });
    expect(on.content).toContain('Crisis detection is **on**');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const cards = () => t.emu.channelsOf(t.guild).filter((c) => c.parentId === queue.id);

  it('/resources answers privately, emergency number first, with a share button', async () => {
    const member = t.emu.addMember(t.guild, { username: 'helper' });
    const seen = await t.emu.slash(member, t.general, 'resources');
    expect(seen.ephemeral).toBe(true);
    const description = String(seen.embeds[0]?.description);
    expect(description.split('\n')[0]).toContain('call 999');
    expect(description).toContain('Samaritans');
    expect(description).toContain('116 123');
    const us = await t.emu.slash(member, t.general, 'resources', { country: 'US', remember: true });
    expect(String(us.embeds[0]?.description)).toContain('988');
    const again = await t.emu.slash(member, t.general, 'resources');
    expect(String(again.embeds[0]?.description).split('\n')[0]).toContain('call 911');
    expect(t.emu.messagesIn(t.general)).toEqual([]);
    const shared = await t.emu.click(member, again.message!, { label: 'Share in this channel' });
    expect(shared.kind).toBe('update');
    const posted = t.emu.messagesIn(t.general).at(-1)!;
    expect(String((posted.embeds[0] as { description?: string }).description)).toContain('988');
    expect(posted.interactionMetadata).toBeUndefined();
  });

  it('guesses from the Discord language only when nothing else is known, and says so', async () => {
    await t.db.db.execute(`update guild_settings set country = null where guild_id = '${t.guild.id}'`);
    const member = t.emu.addMember(t.guild, { username: 'traveller' });
    const seen = await t.emu.slash(member, t.general, 'resources', {}, { locale: 'de' });
    expect(String(seen.embeds[0]?.description)).toContain('TelefonSeelsorge');
    expect(JSON.stringify(seen.embeds[0])).toContain('guessed');
    const unknown = await t.emu.slash(member, t.general, 'resources', {}, { locale: 'es-419' });
    expect(String(unknown.embeds[0]?.description)).toContain('findahelpline.com');
    await t.emu.slash(t.owner, t.general, 'setup region', { country: 'GB', timezone: 'Europe/London' });
  });

  it('urgent message → DM with the emergency number first + resources, and an urgent case that pings moderators', async () => {
    const member = t.emu.addMember(t.guild, { username: 'struggling' });
    const before = cards().length;
    const publicBefore = t.emu.messagesIn(t.general).filter((m) => m.authorId === t.emu.applicationId).length;
    t.emu.say(member, t.general, URGENT);
    const dm = await t.emu.waitFor(() => t.emu.dmsTo(member)[0], { what: 'a DM' });
    expect(dm.content).toContain("I'm Haven's automated helper");
    const firstBullet = dm.content.split('\n').find((l) => l.startsWith('•'))!;
    expect(firstBullet).toContain('999');
    expect(dm.content).toContain('Samaritans');
    expect(dm.content).not.toContain('pills');
    const card = await t.emu.waitFor(() => cards().length > before && cards().at(-1), { what: 'a crisis case card' });
    const starter = t.emu.messagesIn(card)[0]!;
    expect(JSON.stringify(starter.embeds)).toContain('Urgent');
    expect(starter.pings.roles).toEqual([mods.id]);
    expect(t.emu.messagesIn(t.general).filter((m) => m.authorId === t.emu.applicationId)).toHaveLength(publicBefore);
  });

  it('respects the cooldown: a second message adds to the case without another DM', async () => {
    const member = t.emu.addMember(t.guild, { username: 'long-night' });
    t.emu.say(member, t.general, CONCERN);
    await t.emu.waitFor(() => t.emu.dmsTo(member).length === 1, { what: 'the first DM' });
    const casesBefore = cards().length;
    const thread = cards().at(-1)!;
    t.emu.say(member, t.general, URGENT);
    await t.emu.waitFor(() => t.emu.messagesIn(thread).some((m) => m.content.includes('Another message from this member was flagged')), { what: 'the follow-up in the case thread' });
    expect(t.emu.dmsTo(member)).toHaveLength(1);
    expect(cards().length).toBe(casesBefore);
  });

  it('two crisis messages a moment apart open one case, not two', async () => {
    const member = t.emu.addMember(t.guild, { username: 'two-at-once' });
    const before = cards().length;
    t.emu.say(member, t.general, CONCERN);
    t.emu.say(member, t.general, URGENT);
    await t.emu.waitFor(() => t.emu.dmsTo(member).length > 0, { what: 'a DM' });
    await t.emu.idle();
    expect(cards().length).toBe(before + 1);
    expect(t.emu.dmsTo(member)).toHaveLength(1);
  });

  it('DMs closed → a gentle channel reply that points to /resources without repeating the words', async () => {
    const member = t.emu.addMember(t.guild, { username: 'closed', dmsClosed: true });
    const said = t.emu.say(member, t.general, CONCERN);
    const reply = await t.emu.waitFor(() => t.emu.messagesIn(t.general).find((m) => m.referenceId === said.id), { what: 'a channel reply' });
    expect(reply.content).toContain('/resources');
    expect(reply.content).not.toContain('alive');
    expect(reply.pings).toEqual({ users: [], roles: [], everyone: false });
  });

  it('opt-out is respected: moderators are still told, the member gets nothing more', async () => {
    const member = t.emu.addMember(t.guild, { username: 'private-person' });
    t.emu.say(member, t.general, CONCERN);
    const dm = await t.emu.waitFor(() => t.emu.dmsTo(member)[0], { what: 'a DM' });
    const done = await t.emu.clickInDm(member, dm, { label: "Don't send me these" });
    expect(done.content).toContain("I won't send you these");
    const dmsAfterOptOut = t.emu.dmsTo(member).length;
    const casesBefore = cards().length;
    t.clock.advance(7 * 3_600_000);
    t.emu.say(member, t.general, URGENT);
    await t.emu.waitFor(() => cards().length > casesBefore, { what: 'a new case' });
    await t.emu.idle();
    expect(t.emu.dmsTo(member)).toHaveLength(dmsAfterOptOut);
  });

  it('"This wasn’t about me" is counted for the admins', async () => {
    const member = t.emu.addMember(t.guild, { username: 'misread' });
    t.emu.say(member, t.general, CONCERN);
    const dm = await t.emu.waitFor(() => t.emu.dmsTo(member)[0], { what: 'a DM' });
    const thanks = await t.emu.clickInDm(member, dm, { label: "This wasn't about me" });
    expect(thanks.content).toContain('Thanks for telling me');
    const show = await t.emu.slash(t.owner, t.general, 'setup show');
    expect(show.content).toMatch(/1 marked "This wasn't about me"/);
  });

  it('an idiom does nothing at all', async () => {
    const member = t.emu.addMember(t.guild, { username: 'commuter' });
    const casesBefore = cards().length;
    const publicBefore = t.emu.messagesIn(t.general).length;
    const said = t.emu.say(member, t.general, 'this commute is killing me, dying to get home');
    await t.emu.idle();
    expect(t.emu.messagesIn(t.general)).toHaveLength(publicBefore + 1);
    expect(t.emu.requests.some((r) => JSON.stringify(r.body ?? '').includes(said.id))).toBe(false);
    expect(cards().length).toBe(casesBefore);
    expect(t.emu.dmsTo(member)).toEqual([]);
  });

  it('/crisis test shows what the detector would do, privately', async () => {
    const seen = await t.emu.slash(t.owner, t.general, 'crisis test', { text: URGENT });
    expect(seen).toMatchObject({ ephemeral: true });
    expect(seen.content).toContain('Urgent');
    const idiom = await t.emu.slash(t.owner, t.general, 'crisis test', { text: 'dying to know the results' });
    expect(idiom.content).toContain('Nothing');
  });

  it('admins add a local service that shows beside the national lines', async () => {
    await t.emu.slash(t.owner, t.general, 'crisis local-add', { name: 'St Mary oncology nurses', hours: 'Mon–Fri 9:00–17:00', phone: '020 7946 0000' });
    const member = t.emu.addMember(t.guild, { username: 'patient' });
    const seen = await t.emu.slash(member, t.general, 'resources');
    expect(String(seen.embeds[0]?.description)).toContain('St Mary oncology nurses');
  });
});

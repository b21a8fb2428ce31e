import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonPosts } from '../../src/db/schema/index.js';
import type { Channel, MemberRef, Role } from '../emulator/index.js';
import { startTestHaven, type TestHaven } from './harness.js';

describe('anonymous posting end to end', () => {
  let t: TestHaven;
  let room: Channel;
  let log: Channel;
  let mods: Role;
  let author: MemberRef;
  let moderator: MemberRef;
  const seenByAuthor: string[] = [];

  beforeAll(async () => {
    t = await startTestHaven();
    room = t.emu.addChannel(t.guild, { name: 'share-anything' });
    mods = t.emu.addRole(t.guild, { name: 'Moderators', permissions: P.ManageMessages });
    const hidden = [{ id: t.guild.id, type: 0 as const, allow: 0n, deny: P.ViewChannel }, { id: t.botRole.id, type: 0 as const, allow: P.ViewChannel, deny: 0n }];
    log = t.emu.addChannel(t.guild, { name: 'mod-log', overwrites: hidden });
    const queue = t.emu.addChannel(t.guild, { name: 'mod-queue', type: ChannelType.GuildForum, overwrites: hidden });
    await t.emu.slash(t.owner, t.general, 'setup moderation', { role: mods, queue, log });
    const on = await t.emu.slash(t.owner, t.general, 'setup anonymous', { channel: room, enabled: true, rate_limit: 4 });
    expect(on.content).toContain('Anonymous posts are **on**');
    author = t.emu.addMember(t.guild, { username: 'secret_sarah', displayName: 'Sarah Whitfield' });
    moderator = t.emu.addMember(t.guild, { username: 'mod_mo', roles: [mods] });
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function post(where: Channel, text: string) {
    const modal = await t.emu.slash(author, where, 'anon post');
    expect(modal.kind).toBe('modal');
    seenByAuthor.push(JSON.stringify(modal.modal));
    const done = await t.emu.submitModal(author, where, modal, { text });
    seenByAuthor.push(done.text);
    return done;
  }
  const webhookPosts = (c: Channel) => t.emu.messagesIn(c).filter((m) => m.webhookId);

  it('posts through a webhook under a pseudonym, answering the author only privately', async () => {
    const done = await post(room, 'I have not told my employer about my diagnosis');
    expect(done.ephemeral).toBe(true);
    const [message] = webhookPosts(room);
    expect(message?.content).toBe('I have not told my employer about my diagnosis');
    expect(message?.username).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(message?.interactionMetadata).toBeUndefined();
    expect(message?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(done.content).toContain(message!.username!);
  });

  it('keeps the pseudonym stable in a thread and different in another', async () => {
    const starter = t.emu.say(moderator, room, 'What helps on bad days?');
    const m1 = await t.emu.contextMenu(author, starter, 'Reply anonymously');
    seenByAuthor.push((await t.emu.submitModal(author, room, m1, { text: 'Walking, slowly' })).text);
    const thread = t.emu.channel(starter.threadId ?? starter.id)!;
    const m2 = await t.emu.contextMenu(author, starter, 'Reply anonymously');
    seenByAuthor.push((await t.emu.submitModal(author, room, m2, { text: 'And music' })).text);
    const inThread = webhookPosts(thread);
    expect(inThread).toHaveLength(2);
    expect(inThread[0]!.username).toBe(inThread[1]!.username);
    const other = t.emu.say(moderator, room, 'Another topic');
    const m3 = await t.emu.contextMenu(author, other, 'Reply anonymously');
    seenByAuthor.push((await t.emu.submitModal(author, room, m3, { text: 'Me too' })).text);
    const otherThread = t.emu.channel(other.threadId ?? other.id)!;
    expect(webhookPosts(otherThread)[0]!.username).not.toBe(inThread[0]!.username);
    expect(t.emu.webhooksIn(room)).toHaveLength(1);
  });

  it('re-creates its webhook when someone deleted it, and keeps to one per channel', async () => {
    const [webhook] = t.emu.webhooksIn(room);
    t.emu.store.webhooks.delete(webhook!.id);
    t.clock.advance(11 * 60_000);
    const done = await post(room, 'still here after the webhook was deleted');
    expect(done.content).toContain('Posted anonymously');
    expect(t.emu.webhooksIn(room)).toHaveLength(1);
    expect(t.emu.webhooksIn(room)[0]!.id).not.toBe(webhook!.id);
    expect(webhookPosts(room).at(-1)?.content).toBe('still here after the webhook was deleted');
  });

  it('enforces the rate limit with a clear message', async () => {
    for (const text of ['two', 'three', 'four']) await post(room, text);
    const refused = await post(room, 'one too many');
    expect(refused.content).toContain('You can post anonymously 4 times every 10 minutes');
  });

  it('lets a moderator delete a post and block its author without learning who it is', async () => {
    t.clock.advance(11 * 60_000);
    const target = webhookPosts(room)[0]!;
    const panel = await t.emu.contextMenu(moderator, target, 'Moderate anonymous post');
    expect(panel.ephemeral).toBe(true);
    const blocked = await t.emu.click(moderator, panel.message!, { label: 'Block author 7 days' });
    expect(blocked.content).toContain('Nobody was told who they are');
    const refused = await post(room, 'can I still post?');
    expect(refused.content).toContain('turned off for you on this server');
    const unblocked = await t.emu.slash(moderator, t.general, 'anon unblock', { message: `https://discord.com/channels/${t.guild.id}/${room.id}/${target.id}` });
    expect(unblocked.content).toContain('can post anonymously again');
    const panel2 = await t.emu.contextMenu(moderator, target, 'Moderate anonymous post');
    await t.emu.click(moderator, panel2.message!, { label: 'Delete post' });
    expect(webhookPosts(room).some((m) => m.id === target.id)).toBe(false);
  });

  it('refuses reveal while disabled, and audits and announces it when enabled', async () => {
    const target = [...t.emu.store.messages.values()].find((m) => m.webhookId && !m.deleted);
    const link = `https://discord.com/channels/${t.guild.id}/${target!.channelId}/${target!.id}`;
    const refused = await t.emu.slash(t.owner, t.general, 'anon reveal', { message: link, reason: 'threats against a member' });
    expect(refused.content).toContain('Revealing authors is turned off');
    await t.emu.slash(t.owner, t.general, 'setup anonymous', { channel: room, enabled: true, reveal: true });
    const revealed = await t.emu.slash(t.owner, t.general, 'anon reveal', { message: link, reason: 'threats against a member' });
    expect(revealed.ephemeral).toBe(true);
    expect(revealed.content).toContain(`<@${author.id}>`);
    const audit = await t.emu.slash(t.owner, t.general, 'audit');
    expect(audit.ephemeral).toBe(true);
    expect(audit.text).toMatch(new RegExp(`<t:\\d+:f> <@${t.owner.id}> \\*\\*anon\\.reveal\\*\\*`));
    expect(audit.text).toMatch(new RegExp(`<t:\\d+:f> <@${moderator.id}> \\*\\*anon\\.block\\*\\*`));
    expect(audit.text).toMatch(new RegExp(`<t:\\d+:f> <@${t.owner.id}> \\*\\*settings\\.anonymous\\*\\*`));
    expect(audit.text).not.toContain(author.id);
    expect(t.emu.messagesIn(log).some((m) => m.content.includes('revealed the author'))).toBe(true);
    expect(t.emu.messagesIn(log).some((m) => m.content.includes(author.id))).toBe(false);
  });

  it('lets the author delete their own post from /anon mine', async () => {
    t.clock.advance(11 * 60_000);
    await post(room, 'delete me later');
    const mine = await t.emu.slash(author, t.general, 'anon mine');
    seenByAuthor.push(mine.text);
    expect(mine.ephemeral).toBe(true);
    const before = webhookPosts(room).length;
    const deleted = await t.emu.click(author, mine.message!, { label: 'Delete 1' });
    expect(deleted.content).toContain('Deleted your post');
    expect(webhookPosts(room).length).toBe(before - 1);
  });

  it('with review on, a post waits for a moderator; approval posts it and tells the author privately', async () => {
    const reviewed = t.emu.addChannel(t.guild, { name: 'reviewed' });
    await t.emu.slash(t.owner, t.general, 'setup anonymous', { channel: reviewed, enabled: true, review: true });
    t.clock.advance(11 * 60_000);
    const waiting = await post(reviewed, 'please approve me');
    expect(waiting.content).toContain("waiting for a moderator's approval");
    expect(webhookPosts(reviewed)).toEqual([]);
    const card = await t.emu.waitFor(() => [...t.emu.store.messages.values()].find((m) => JSON.stringify(m.embeds).includes('please approve me')), { what: 'the review card' });
    expect(JSON.stringify(card.embeds)).toContain('Anonymous member');
    await t.emu.click(moderator, card, { label: 'Approve' });
    expect(webhookPosts(reviewed)[0]?.content).toBe('please approve me');
    const dm = await t.emu.waitFor(() => t.emu.dmsTo(author).find((m) => m.content.includes('approved')), { what: 'the outcome DM' });
    expect(dm.content).toContain('approved');
  });

  it('leak test: no request, message, reply or log names the author (except the audited reveal)', async () => {
    const needles = [author.id, 'secret_sarah', 'Sarah Whitfield'];
    const revealReply = (r: { method: string; path: string }) => r.path.includes('/callback') || r.path.includes('/webhooks/');
    // Opening a DM channel to tell the author a review outcome names them to Discord only, never to a person.
    const requests = t.emu.requests.filter((r) => r.method !== 'GET' && r.path !== '/users/@me/channels').map((r) => ({ r, body: JSON.stringify(r.body ?? '') }));
    const leaking = requests.filter(({ r, body }) => needles.some((n) => body.includes(n)) && !(revealReply(r) && body.includes('was written by')));
    expect(leaking.map(({ r, body }) => `${r.method} ${r.path} ${body.slice(0, 200)}`)).toEqual([]);
    const messages = [...t.emu.store.messages.values()].filter((m) => !m.ephemeralTo && m.authorId !== author.id);
    expect(messages.filter((m) => needles.some((n) => JSON.stringify([m.content, m.embeds, m.username]).includes(n)))).toEqual([]);
    expect(seenByAuthor.filter((s) => needles.some((n) => s.includes(n)))).toEqual([]);
    expect(t.logs.filter((l) => needles.some((n) => l.includes(n)))).toEqual([]);
    const anonymous = [...t.emu.store.messages.values()].filter((m) => m.webhookId);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((m) => m.interactionMetadata === undefined)).toBe(true);
  });

  it('stores no plaintext author id for anonymous posts', async () => {
    const rows = await t.db.db.select().from(anonPosts);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(author.id);
  });
});

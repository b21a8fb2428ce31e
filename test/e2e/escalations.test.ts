import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, MemberRef, Role } from '../emulator/index.js';
import { startTestHaven, type TestHaven } from './harness.js';

describe('moderator escalations end to end', () => {
  let t: TestHaven;
  let queue: Channel;
  let log: Channel;
  let mods: Role;
  let ada: MemberRef;
  let bea: MemberRef;
  beforeAll(async () => {
    t = await startTestHaven();
    mods = t.emu.addRole(t.guild, { name: 'Moderators', permissions: P.ManageMessages });
    const hidden = { id: t.guild.id, type: 0 as const, allow: 0n, deny: P.ViewChannel };
    const modsSee = { id: mods.id, type: 0 as const, allow: P.ViewChannel | P.SendMessages | P.SendMessagesInThreads, deny: 0n };
    const havenSees = { id: t.botRole.id, type: 0 as const, allow: P.ViewChannel, deny: 0n };
    queue = t.emu.addChannel(t.guild, { name: 'mod-queue', type: ChannelType.GuildForum, overwrites: [hidden, modsSee, havenSees] });
    log = t.emu.addChannel(t.guild, { name: 'mod-log', overwrites: [hidden, modsSee, havenSees] });
    ada = t.emu.addMember(t.guild, { username: 'ada', roles: [mods] });
    bea = t.emu.addMember(t.guild, { username: 'bea', roles: [mods] });
    const saved = await t.emu.slash(t.owner, t.general, 'setup moderation', { role: mods, queue, log });
    expect(saved.content).toContain('Saved.');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const cardIn = (name: string) => t.emu.channelsOf(t.guild).find((c) => c.parentId === queue.id && c.name.includes(name));
  const cardMessage = (thread: Channel) => t.emu.messagesIn(thread)[0]!;

  it('report → card in the queue → a claim race one moderator wins → note → resolve', async () => {
    const troll = t.emu.addMember(t.guild, { username: 'troll' });
    const reporter = t.emu.addMember(t.guild, { username: 'worried' });
    const bad = t.emu.say(troll, t.general, 'you should all just give up');
    const modal = await t.emu.contextMenu(reporter, bad, 'Report to moderators');
    expect(modal.kind).toBe('modal');
    const thanks = await t.emu.submitModal(reporter, t.general, modal, { reason: 'discouraging people' });
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.content).toContain('never tell anyone who reported');
    expect(t.emu.dmsTo(troll)).toEqual([]);

    const thread = await t.emu.waitFor(() => cardIn('Case 1'), { what: 'the case card' });
    const card = cardMessage(thread);
    const caseId = idOf(card);
    const text = JSON.stringify(card.embeds);
    expect(text).toContain(`<@${troll.id}>`);
    expect(text).toContain('you should all just give up');
    expect(text).toContain('discouraging people');
    expect(text).not.toContain(reporter.id);

    const [first, second] = await Promise.all([t.emu.click(ada, card, `case:claim:${caseId}`), t.emu.click(bea, card, `case:claim:${caseId}`)]);
    const winners = [first, second].filter((s) => s.kind === 'update');
    const losers = [first, second].filter((s) => s.kind === 'message');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]!.ephemeral).toBe(true);
    expect(losers[0]!.content).toMatch(/is already claimed by <@\d+>/);
    expect(JSON.stringify(cardMessage(thread).embeds)).toContain('Claimed');

    const noteModal = await t.emu.click(ada, cardMessage(thread), `case:note:${caseId}`);
    await t.emu.submitModal(ada, thread, noteModal, { text: 'Talked to them, calmer now' });
    expect(t.emu.messagesIn(thread).some((m) => m.content.includes('Talked to them, calmer now'))).toBe(true);

    const resolveModal = await t.emu.click(ada, cardMessage(thread), `case:resolve:${caseId}`);
    const resolved = await t.emu.submitModal(ada, thread, resolveModal, { text: 'Warned; message removed' });
    expect(resolved.kind).toBe('update');
    expect(JSON.stringify(cardMessage(thread).embeds)).toContain('Resolved');
    const again = await t.emu.click(bea, cardMessage(thread), `case:note:${caseId}`);
    expect(again.kind).toBe('modal');

    const trail = await t.emu.slash(ada, t.general, 'case show', { number: 1 });
    // The test clock stands still, so the trail's entries share one timestamp: check each is there.
    for (const action of ['open', 'claim by', 'note by', 'resolve by']) expect(trail.text).toContain(`· ${action}`);
    const stats = await t.emu.slash(ada, t.general, 'case stats');
    expect(stats.text).toContain('1 opened · 1 claimed · 1 resolved');
  });

  it('refuses card buttons and /cases to members who are not moderators', async () => {
    const member = t.emu.addMember(t.guild, { username: 'nosy' });
    const seen = await t.emu.slash(member, t.general, 'cases');
    expect(seen.content).toContain("Only this server's moderators");
  });

  it('unclaimed cases ping the moderator role again after the delay (clock moved)', async () => {
    const asker = t.emu.addMember(t.guild, { username: 'quiet' });
    await t.emu.slash(asker, t.general, 'help-me', { message: 'rough night' });
    const thread = await t.emu.waitFor(() => cardIn('Help request'), { what: 'the help card' });
    expect(t.emu.messagesIn(thread).filter((m) => m.content.includes('still unclaimed'))).toHaveLength(0);
    t.clock.advance(61 * 60_000);
    await t.haven.runJobsNow();
    const reping = await t.emu.waitFor(() => t.emu.messagesIn(thread).find((m) => m.content.includes('still unclaimed')), { what: 'a re-ping' });
    expect(reping.pings.roles).toEqual([mods.id]);
  });

  it('/help-me opens a private thread with the member and the moderators', async () => {
    const member = t.emu.addMember(t.guild, { username: 'lonely' });
    const seen = await t.emu.slash(member, t.general, 'help-me', { message: 'I need to talk' });
    expect(seen.ephemeral).toBe(true);
    const threadId = /<#(\d+)>/.exec(seen.content)?.[1];
    const thread = t.emu.channel(threadId!)!;
    expect(thread.type).toBe(ChannelType.PrivateThread);
    expect(thread.threadMembers?.has(member.id)).toBe(true);
    const opening = t.emu.messagesIn(thread)[0]!;
    expect(opening.pings.roles).toEqual([mods.id]);
    const other = t.emu.addMember(t.guild, { username: 'other' });
    expect(t.emu.canSee(other, thread)).toBe(false);
  });

  it('anonymous help: moderators and the member talk both ways through Haven, and no moderator sees who it is', async () => {
    const shy = t.emu.addMember(t.guild, { username: 'shy_sam', displayName: 'Samira Q' });
    const asked = await t.emu.slash(shy, t.general, 'help-me', { message: 'I think I relapsed', anonymous: true });
    expect(asked.ephemeral).toBe(true);
    expect(asked.content).toContain("can't see who you are");
    const thread = await t.emu.waitFor(() => cardIn('Anonymous help request'), { what: 'the anonymous help card' });
    const card = cardMessage(thread);
    expect(JSON.stringify(card.embeds)).toContain('Anonymous member');
    const modal = await t.emu.click(ada, card, { label: 'Reply' });
    const sent = await t.emu.submitModal(ada, thread, modal, { text: 'We are here. Do you want to talk tonight?' });
    expect(sent.content).toContain('Delivered privately');
    const dm = await t.emu.waitFor(() => t.emu.dmsTo(shy).find((m) => m.content.includes('We are here')), { what: 'the relayed reply' });
    const replyModal = await t.emu.clickInDm(shy, dm, { label: 'Reply' });
    expect(replyModal.kind).toBe('modal');
    const back = await t.emu.submitModalInDm(shy, dm, replyModal, { text: 'Yes please, after 9' });
    expect(back.content).toContain('Sent to the moderators');
    const relayed = t.emu.messagesIn(thread).find((m) => m.content.includes('Yes please, after 9'))!;
    expect(relayed.content).toContain('Anonymous member');
    const moderatorVisible = JSON.stringify(t.emu.messagesIn(thread).concat(t.emu.messagesIn(queue)).map((m) => [m.content, m.embeds]));
    for (const needle of [shy.id, 'shy_sam', 'Samira Q']) expect(moderatorVisible).not.toContain(needle);
  });

  it('keeps a case when the queue is gone, tells the admins, and posts the card once fixed', async () => {
    t.emu.deleteChannel(queue);
    const member = t.emu.addMember(t.guild, { username: 'late' });
    const reply = await t.emu.slash(member, t.general, 'help-me', { message: 'anyone there?' });
    expect(reply.content).toContain('moderators');
    const notice = await t.emu.waitFor(() => t.emu.messagesIn(log).find((m) => m.content.includes("couldn't post it in the moderators' queue")), { what: 'an admin notice' });
    expect(notice.content).toContain('is saved');
    const newQueue = t.emu.addChannel(t.guild, { name: 'mod-queue-2', overwrites: [{ id: t.guild.id, type: 0, allow: 0n, deny: P.ViewChannel }, { id: t.botRole.id, type: 0, allow: P.ViewChannel, deny: 0n }] });
    const saved = await t.emu.slash(t.owner, t.general, 'setup moderation', { role: mods, queue: newQueue, log });
    expect(saved.content).toMatch(/Posted \d+ case cards? that were waiting/);
    expect(t.emu.messagesIn(newQueue).some((m) => JSON.stringify(m.embeds).includes('anyone there?'))).toBe(true);
  });

  it('a card button posted before a restart still works', async () => {
    const newQueue = t.emu.channelsOf(t.guild).find((c) => c.name === 'mod-queue-2')!;
    const card = t.emu.messagesIn(newQueue).find((m) => JSON.stringify(m.embeds).includes('anyone there?'))!;
    await t.restart();
    const claimed = await t.emu.click(ada, card, { label: 'Claim' });
    expect(claimed.kind).toBe('update');
    expect(JSON.stringify(claimed.embeds)).toContain(`<@${ada.id}>`);
  });
});

function idOf(card: { components: unknown[] }): string {
  const id = JSON.stringify(card.components).match(/case:claim:([0-9a-f-]{36})/)?.[1];
  if (!id) throw new Error('no claim button on the card');
  return id;
}

import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../emulator/index.js';
import { startTestHaven, type TestHaven } from './harness.js';

// Monday 2026-11-23 12:00Z. The group meets Mondays 21:00 New York = 02:00Z Tuesday in winter.
const MINUTE = 60_000;

describe('weekly check-ins end to end', () => {
  let t: TestHaven;
  let room: Channel;
  let log: Channel;
  beforeAll(async () => {
    t = await startTestHaven({ clockStart: '2026-11-23T12:00:00Z' });
    log = t.emu.addChannel(t.guild, { name: 'haven-log', overwrites: [{ id: t.guild.id, type: 0, allow: 0n, deny: P.ViewChannel }, { id: t.botRole.id, type: 0, allow: P.ViewChannel | P.SendMessages, deny: 0n }] });
    room = t.emu.addChannel(t.guild, { name: 'breast-cancer' });
    const mods = t.emu.addRole(t.guild, { name: 'Moderators' });
    await t.emu.slash(t.owner, t.general, 'setup moderation', { role: mods, queue: log, log });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const tick = async (ms: number) => {
    t.clock.advance(ms);
    await t.haven.runJobsNow();
    await t.emu.idle(100);
  };
  const haven = () => t.emu.messagesIn(room).filter((m) => m.authorId === t.emu.applicationId);

  it('schedules Monday 21:00 New York and shows the next three as Discord timestamps', async () => {
    const seen = await t.emu.slash(t.owner, t.general, 'checkin schedule', { channel: room, day: 1, time: '9pm', timezone: 'America/New_York', title: 'Monday night chat', prompt: 'What helped this week?' });
    expect(seen.ephemeral).toBe(true);
    // 2026-11-24T02:00Z, 2026-12-01T02:00Z, 2026-12-08T02:00Z
    expect(seen.content).toContain('<t:1795485600:F>');
    expect(seen.content).toContain('<t:1796090400:F>');
    expect(seen.content).toContain('<t:1796695200:F>');
  });

  it('reminds subscribers, opens exactly once with a thread and mood buttons, and closes with an anonymous summary', async () => {
    const rosa = t.emu.addMember(t.guild, { username: 'rosa' });
    const sub = await t.emu.slash(rosa, t.general, 'checkin subscribe', { schedule: 'Monday night chat' });
    expect(sub.content).toContain("You'll get a ping");
    const reminderRole = t.emu.rolesOf(rosa)[0]!;
    expect(reminderRole.name).not.toContain('Monday night chat');

    await tick(13 * 60 * MINUTE + 31 * MINUTE); // 01:31Z: reminder due at 01:30Z
    const reminder = haven().at(-1)!;
    expect(reminder.content).toContain('⏰ **Monday night chat** starts');
    expect(reminder.pings.roles).toEqual([reminderRole.id]);

    await tick(29 * MINUTE); // 02:00Z
    const opening = haven().at(-1)!;
    expect(opening.content).toContain('**Monday night chat** is starting now');
    expect(opening.content).toContain('What helped this week?');
    expect(opening.threadId).toBeDefined();
    await tick(MINUTE);
    await t.restart();
    await tick(MINUTE);
    expect(haven().filter((m) => m.content.includes('is starting now'))).toHaveLength(1);

    const sam = t.emu.addMember(t.guild, { username: 'sam' });
    const answered = await t.emu.click(rosa, opening, 'mood:' + /mood:([0-9a-f-]{36}):1/.exec(JSON.stringify(opening.components))![1] + ':2');
    expect(answered.ephemeral).toBe(true);
    expect(answered.content).toContain('2: 1');
    await t.emu.click(sam, opening, { label: '4 · good' });
    t.emu.say(sam, t.emu.channel(opening.threadId!)!, 'the walk on Sunday helped');

    await tick(60 * MINUTE); // 03:02Z: closed
    const thread = t.emu.channel(opening.threadId!)!;
    const summary = t.emu.messagesIn(thread).at(-1)!;
    expect(summary.content).toContain('2 people took part');
    expect(summary.content).toContain('2: 1 · 3: 0 · 4: 1');
    expect(summary.content).not.toContain(rosa.id);
    expect(thread.archived).toBe(true);
  });

  it('keeps 21:00 local across the DST change (02:00Z in winter, 01:00Z in summer)', async () => {
    const seen = await t.emu.slash(t.owner, t.general, 'checkin schedule', { channel: room, day: 1, time: '21:00', timezone: 'America/New_York', title: 'Spring check' });
    expect(seen.ephemeral).toBe(true);
    const list = await t.emu.slash(t.owner, t.general, 'checkin list');
    expect(list.content).toContain('Spring check');
    const { nextOccurrences } = await import('../../src/features/checkins/recurrence.js');
    const [march9, march16] = nextOccurrences({ zone: 'America/New_York', weekday: 1, time: '21:00', everyWeeks: 1, anchor: new Date('2026-11-24T02:00:00Z') }, new Date('2027-03-08T00:00:00Z'), 2);
    expect(march9?.toISOString()).toBe('2027-03-09T02:00:00.000Z');
    expect(march16?.toISOString()).toBe('2027-03-16T01:00:00.000Z');
  });

  it('after downtime: posts late within the grace period; records older ones as missed and tells the admins', async () => {
    // Next Monday 02:00Z on 2026-12-01: come back 30 minutes late.
    t.clock.set('2026-12-01T02:30:00Z');
    await t.haven.runJobsNow();
    await t.emu.idle(100);
    const late = haven().filter((m) => m.content.includes('a little late'));
    expect(late.length).toBeGreaterThanOrEqual(1);
    // Then stay away for three hours past the following one.
    t.clock.set('2026-12-08T05:30:00Z');
    await t.haven.runJobsNow();
    await t.emu.idle(100);
    const notice = await t.emu.waitFor(() => t.emu.messagesIn(log).find((m) => m.content.includes('was missed') && m.content.includes('Monday night chat')), { what: 'a missed notice' });
    expect(notice.content).toContain('Haven was offline for more than 2 hours');
  });

  it('channel deleted at fire time: the schedule is marked failing and admins are told once', async () => {
    const doomed = t.emu.addChannel(t.guild, { name: 'doomed' });
    await t.emu.slash(t.owner, t.general, 'checkin schedule', { channel: doomed, day: 2, time: '10:00', timezone: 'UTC', title: 'Doomed', remind_minutes: 0 });
    t.emu.deleteChannel(doomed);
    t.clock.set('2026-12-08T10:01:00Z');
    await t.haven.runJobsNow();
    await t.emu.idle(100);
    t.clock.set('2026-12-15T10:01:00Z');
    await t.haven.runJobsNow();
    await t.emu.idle(100);
    const notices = t.emu.messagesIn(log).filter((m) => m.content.includes('**Doomed**'));
    expect(notices).toHaveLength(1);
    const list = await t.emu.slash(t.owner, t.general, 'checkin list');
    expect(list.content).toMatch(/Doomed[\s\S]*failing/);
  });

  it('mirrors each occurrence as a Discord event computed by Haven, and moves it when skipped', async () => {
    const events = t.emu.addChannel(t.guild, { name: 'events-room' });
    await t.emu.slash(t.owner, t.general, 'checkin schedule', { channel: events, day: 4, time: '12:00', timezone: 'Europe/London', title: 'Thursday lunch', discord_event: true });
    const mirrored = t.emu.eventsOf(t.guild).filter((e) => e.name === 'Thursday lunch');
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.startTime).toBe('2026-12-17T12:00:00.000Z');
    expect(mirrored[0]!.endTime).toBe('2026-12-17T13:00:00.000Z');
    await t.emu.slash(t.owner, t.general, 'checkin skip', { schedule: 'Thursday lunch' });
    expect(t.emu.eventsOf(t.guild).filter((e) => e.name === 'Thursday lunch').map((e) => e.startTime)).toEqual(['2026-12-24T12:00:00.000Z']);
  });

  it('a member joining a condition whose channel has a check-in is told when the next one is', async () => {
    await t.emu.slash(t.owner, t.general, 'condition add', { name: 'Breast cancer', description: 'Support', channel: room });
    const joiner = t.emu.addMember(t.guild, { username: 'joiner' });
    const joined = await t.emu.slash(joiner, t.general, 'join', { condition: 'Breast cancer' });
    expect(joined.content).toMatch(/Next check-in there: \*\*(Monday night chat|Spring check)\*\*, <t:\d+:F>/);
  });

  it('members see upcoming sessions in their own time zone, and can skip nothing they may not', async () => {
    const member = t.emu.addMember(t.guild, { username: 'viewer' });
    await t.emu.slash(member, t.general, 'join', { condition: 'Breast cancer' });
    const next = await t.emu.slash(member, t.general, 'checkin next');
    expect(next.content).toMatch(/Monday night chat[^\n]*<t:\d+:F>/);
    const refused = await t.emu.slash(member, t.general, 'checkin skip', { schedule: 'Monday night chat' });
    expect(refused.content).toContain("Only this server's moderators");
  });
});

import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonceFor } from '../../src/features/checkins/rules.js';
import { listSchedules, upcomingOccurrences } from '../../src/features/checkins/store.js';
import type { Channel } from '../emulator/index.js';
import { startTestHaven, type TestHaven } from './harness.js';

/** Monday 21:00 America/New_York across the March 2027 DST change (14 March). */
describe('check-ins across daylight saving time', () => {
  let t: TestHaven;
  let room: Channel;
  beforeAll(async () => {
    t = await startTestHaven({ clockStart: '2027-03-01T12:00:00Z' });
    room = t.emu.addChannel(t.guild, { name: 'monday-night' });
    const seen = await t.emu.slash(t.owner, t.general, 'checkin schedule', { channel: room, day: 1, time: '21:00', timezone: 'America/New_York', title: 'Monday night', duration_minutes: 60, remind_minutes: 30 });
    expect(seen.content).toContain('Scheduled');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.haven.runJobsNow();
    await t.emu.idle(80);
  };
  const posts = (text: string) => t.emu.messagesIn(room).filter((m) => m.content.includes(text));

  it('reminds, opens, and summarises at 21:00 local each week, before and after the change', async () => {
    // Week 1 (EST, UTC−5): 21:00 local = 02:00Z.
    await at('2027-03-02T01:29:00Z');
    expect(posts('⏰')).toHaveLength(0);
    await at('2027-03-02T01:30:30Z');
    expect(posts('⏰')).toHaveLength(1);
    await at('2027-03-02T01:59:00Z');
    expect(posts('is starting now')).toHaveLength(0);
    await at('2027-03-02T02:00:30Z');
    expect(posts('is starting now')).toHaveLength(1);
    const first = posts('is starting now')[0]!;
    expect(first.threadId).toBeDefined();
    await at('2027-03-02T03:00:30Z');
    expect(t.emu.messagesIn(t.emu.channel(first.threadId!)!).at(-1)!.content).toContain('took part this week');

    // Week 3 (EDT, UTC−4), after 14 March: 21:00 local = 01:00Z, not 02:00Z.
    await at('2027-03-09T02:00:30Z'); // week 2 still EST
    expect(posts('is starting now')).toHaveLength(2);
    await at('2027-03-16T00:59:00Z');
    expect(posts('is starting now')).toHaveLength(2);
    await at('2027-03-16T01:00:30Z');
    expect(posts('is starting now')).toHaveLength(3);
    await at('2027-03-16T02:00:30Z');
    const third = posts('is starting now')[2]!;
    expect(t.emu.messagesIn(t.emu.channel(third.threadId!)!).at(-1)!.content).toContain('took part this week');
  });

  it('skip drops only the next occurrence; pause stops everything until resume', async () => {
    const skipped = await t.emu.slash(t.owner, t.general, 'checkin skip', { schedule: 'Monday night' });
    expect(skipped.content).toContain('Skipped <t:1805763600:F>'); // 2027-03-23T01:00Z
    await at('2027-03-23T01:00:30Z');
    expect(posts('is starting now')).toHaveLength(3);
    await at('2027-03-30T01:00:30Z');
    expect(posts('is starting now')).toHaveLength(4);
    await t.emu.slash(t.owner, t.general, 'checkin pause', { schedule: 'Monday night' });
    await at('2027-04-06T01:00:30Z');
    expect(posts('is starting now')).toHaveLength(4);
    const resumed = await t.emu.slash(t.owner, t.general, 'checkin resume', { schedule: 'Monday night' });
    expect(resumed.content).toContain('<t:1807578000:F>'); // 2027-04-13T01:00Z
    await at('2027-04-13T01:00:30Z');
    expect(posts('is starting now')).toHaveLength(5);
  });

  it('a scheduler that died after posting and before recording does not post again', async () => {
    const [schedule] = await listSchedules(t.db.db, t.guild.id);
    const [next] = await upcomingOccurrences(t.db.db, [schedule!.id], t.clock.now());
    // The "crashed" process already sent the opening with the occurrence's nonce, then died.
    const rest = new REST({ api: t.emu.apiUrl }).setToken(t.emu.token);
    await rest.post(`/channels/${room.id}/messages`, { body: { content: '🌿 **Monday night** is starting now (sent before a crash)', nonce: nonceFor(next!.id, 'open'), enforce_nonce: true } });
    await at(new Date(next!.startsAt.getTime() + 30_000).toISOString());
    expect(t.emu.messagesIn(room).filter((m) => m.nonce === nonceFor(next!.id, 'open'))).toHaveLength(1);
  });
});

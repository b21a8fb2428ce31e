import { DiscordAPIError, REST, Routes } from 'discord.js';
import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emulator, EVERYONE_DEFAULT } from '../emulator/index.js';

/** The emulator must refuse what Discord refuses, with Discord's codes, or the other tests prove nothing. */
describe('emulator strictness', () => {
  let emu: Emulator;
  let rest: REST;
  beforeAll(async () => {
    emu = await Emulator.start();
    rest = new REST({ api: emu.apiUrl, retries: 0, globalRequestsPerSecond: 10_000 }).setToken(emu.token);
  });
  afterAll(async () => {
    await emu.stop();
  });

  async function codeOf(promise: Promise<unknown>): Promise<number | string> {
    try {
      await promise;
      return 'accepted';
    } catch (error) {
      if (error instanceof DiscordAPIError) return error.code;
      throw error;
    }
  }

  it('rejects a message over 2000 characters with 50035', async () => {
    const { general } = emu.createGuild();
    expect(await codeOf(rest.post(Routes.channelMessages(general.id), { body: { content: 'a'.repeat(2001) } }))).toBe(50035);
    expect(await codeOf(rest.post(Routes.channelMessages(general.id), { body: { content: 'a'.repeat(2000) } }))).toBe('accepted');
    expect(await codeOf(rest.post(Routes.channelMessages(general.id), { body: { embeds: [{ title: 't'.repeat(257) }] } }))).toBe(50035);
  });

  it('rejects an unknown channel with 10003 and an unknown role with 10011', async () => {
    const { guild, owner } = emu.createGuild();
    expect(await codeOf(rest.post(Routes.channelMessages('123456789012345678'), { body: { content: 'hi' } }))).toBe(10003);
    expect(await codeOf(rest.put(Routes.guildMemberRole(guild.id, owner.id, '123456789012345678')))).toBe(10011);
  });

  it('rejects sending where the bot may not, and managing roles above its own, with 50013', async () => {
    const { guild, general, owner } = emu.createGuild();
    emu.setChannelOverwrites(general, [{ id: emu.applicationId, type: 1, allow: 0n, deny: P.SendMessages }]);
    expect(await codeOf(rest.post(Routes.channelMessages(general.id), { body: { content: 'hi' } }))).toBe(50013);
    const high = emu.addRole(guild, { name: 'Moderators', permissions: EVERYONE_DEFAULT, position: 5 });
    expect(await codeOf(rest.put(Routes.guildMemberRole(guild.id, owner.id, high.id)))).toBe(50013);
    const low = emu.addRole(guild, { name: 'Breast cancer' });
    expect(await codeOf(rest.put(Routes.guildMemberRole(guild.id, owner.id, low.id)))).toBe('accepted');
  });

  it('refuses a DM to a member who closed DMs with 50007', async () => {
    const { guild } = emu.createGuild();
    const member = emu.addMember(guild, { username: 'closed', dmsClosed: true });
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: member.id } })) as { id: string };
    expect(await codeOf(rest.post(Routes.channelMessages(dm.id), { body: { content: 'hello' } }))).toBe(50007);
  });

  it('validates application commands like Discord', async () => {
    const bad = [{ name: 'Bad Name', description: 'x', type: 1 }, { name: 'ok', description: 'd'.repeat(101), type: 1 }];
    expect(await codeOf(rest.put(Routes.applicationCommands(emu.applicationId), { body: bad }))).toBe(50035);
  });

  it('caps webhooks at 15 per channel with 30007', async () => {
    const { general } = emu.createGuild();
    for (let i = 0; i < 15; i++) await rest.post(Routes.channelWebhooks(general.id), { body: { name: `Haven ${i}` } });
    expect(await codeOf(rest.post(Routes.channelWebhooks(general.id), { body: { name: 'one more' } }))).toBe(30007);
  });

  it('accepts an interaction callback once (40060), and only within 3 seconds (10062)', async () => {
    const { general, owner } = emu.createGuild();
    const fresh = emu.interactions.add({ id: '123456789012345001', token: 'tok-fresh', type: 2, userId: owner.id, guildId: general.guildId, channelId: general.id });
    const callback = (id: string, token: string) => rest.post(Routes.interactionCallback(id, token), { body: { type: 4, data: { content: 'hi' } }, auth: false });
    expect(await codeOf(callback(fresh.id, fresh.token))).toBe('accepted');
    expect(await codeOf(callback(fresh.id, fresh.token))).toBe(40060);
    const late = emu.interactions.add({ id: '123456789012345002', token: 'tok-late', type: 2, userId: owner.id, guildId: general.guildId, channelId: general.id });
    late.createdAt -= 3_100;
    expect(await codeOf(callback(late.id, late.token))).toBe(10062);
  });

  it('records which pings a message really produces, honouring allowed_mentions', async () => {
    const { general, owner } = emu.createGuild();
    const sent = (await rest.post(Routes.channelMessages(general.id), { body: { content: `<@${owner.id}> @everyone`, allowed_mentions: { parse: [] } } })) as { id: string };
    expect(emu.store.messages.get(sent.id)?.pings).toEqual({ users: [], roles: [], everyone: false });
    const pinged = (await rest.post(Routes.channelMessages(general.id), { body: { content: `<@${owner.id}>` } })) as { id: string };
    expect(emu.store.messages.get(pinged.id)?.pings.users).toEqual([owner.id]);
  });

  it('answers a wrong token with 401', async () => {
    const wrong = new REST({ api: emu.apiUrl, retries: 0 }).setToken('not-the-token');
    const status = await wrong.get(Routes.gatewayBot()).then(() => 200, (e: { status?: number }) => e.status);
    expect(status).toBe(401);
  });
});

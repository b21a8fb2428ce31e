import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { SlashCommand } from '../../src/commands/types.js';
import { UserError } from '../../src/errors.js';
import { startTestHaven, type TestHaven } from './harness.js';

const refuse: SlashCommand = {
  kind: 'slash',
  data: new SlashCommandBuilder().setName('refuse').setDescription('Always refuses'),
  access: 'everyone',
  execute: () => Promise.reject(new UserError('That channel is not one of your condition channels. Try `/conditions`.')),
};
const explode: SlashCommand = {
  kind: 'slash',
  data: new SlashCommandBuilder().setName('explode').setDescription('Always fails unexpectedly'),
  access: 'everyone',
  execute: () => Promise.reject(new Error('relation "secret_table" does not exist')),
};
const slow: SlashCommand = {
  kind: 'slash',
  data: new SlashCommandBuilder().setName('slow').setDescription('Defers, then answers'),
  access: 'everyone',
  async execute(_ctx, interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply('done after thinking');
  },
};

describe('foundation end to end', () => {
  let t: TestHaven;
  beforeAll(async () => {
    t = await startTestHaven({ commands: [...commands, refuse, explode, slow] });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('logs in and registers commands the emulator accepts', () => {
    const names = t.emu.registeredCommands().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['help', 'setup', 'audit']));
  });

  it('answers /help privately, listing only what a member may use', async () => {
    const member = t.emu.addMember(t.guild, { username: 'rosa' });
    const seen = await t.emu.slash(member, t.general, 'help');
    expect(seen.ephemeral).toBe(true);
    expect(seen.text).toContain('/help');
    expect(seen.text).not.toContain('/setup region');
    const asOwner = await t.emu.slash(t.owner, t.general, 'help');
    expect(asOwner.text).toContain('/setup region');
    expect(t.emu.messagesIn(t.general)).toHaveLength(0);
  });

  it('refuses an admin command to a member, server-side', async () => {
    const member = t.emu.addMember(t.guild, { username: 'sam' });
    const seen = await t.emu.slash(member, t.general, 'setup region', { country: 'US', timezone: 'America/New_York' });
    expect(seen.ephemeral).toBe(true);
    expect(seen.content).toBe('Only server admins (Manage Server permission) can use this command.');
  });

  it('shows a UserError verbatim and privately', async () => {
    const seen = await t.emu.slash(t.owner, t.general, 'refuse');
    expect(seen).toMatchObject({ ephemeral: true, content: 'That channel is not one of your condition channels. Try `/conditions`.' });
  });

  it('hides unexpected errors behind a kind message and logs them', async () => {
    const seen = await t.emu.slash(t.owner, t.general, 'explode');
    expect(seen.ephemeral).toBe(true);
    expect(seen.content).toMatch(/Something went wrong on our side and nothing was changed/);
    expect(seen.content).not.toContain('secret_table');
    expect(t.logs.some((l) => l.includes('"interaction failed"') && l.includes('/explode'))).toBe(true);
  });

  it('fills in a deferred reply', async () => {
    const seen = await t.emu.slash(t.owner, t.general, 'slow');
    expect(seen).toMatchObject({ ephemeral: true, content: 'done after thinking' });
  });

  it('saves settings with /setup region and rejects unknown zones with a suggestion', async () => {
    const bad = await t.emu.slash(t.owner, t.general, 'setup region', { country: 'US', timezone: 'America/New_Yrok' });
    expect(bad.content).toContain('Did you mean **America/New_York**?');
    const good = await t.emu.slash(t.owner, t.general, 'setup region', { country: 'US', timezone: 'america/new_york' });
    expect(good.content).toContain('America/New_York');
    const choices = await t.emu.autocomplete(t.owner, t.general, 'setup region', 'timezone', 'kolk');
    expect(choices[0]?.value).toBe('Asia/Kolkata');
  });

  it('reports health for orchestrators: 200 with gateway and database up', async () => {
    const { checkHealth, startHealthServer } = await import('../../src/health.js');
    const server = await startHealthServer(0, () => checkHealth(t.haven.client, t.db.db));
    try {
      const port = (server.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, gateway: 'ready', database: 'ok' });
    } finally {
      server.close();
    }
  });

  it('survives a dropped gateway connection: resumes and keeps answering', async () => {
    const resumesBefore = t.emu.gateway.resumes;
    t.emu.gateway.drop();
    await t.emu.waitFor(() => t.emu.gateway.resumes > resumesBefore, { what: 'a RESUME' });
    const seen = await t.emu.slash(t.owner, t.general, 'help');
    expect(seen.text).toContain('/help');
    expect(t.emu.gateway.identifies).toBe(1);
  });

  it('retries through a 429 and a 502 without losing the reply', async () => {
    const limited = t.emu.faults.rateLimit(/^\/interactions\/\d+\/[^/]+\/callback$/, { retryAfterSeconds: 0.1 });
    const seen = await t.emu.slash(t.owner, t.general, 'help');
    expect(limited.hits).toBe(1);
    expect(seen.text).toContain('/help');
    const broken = t.emu.faults.fail(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, { status: 502 });
    const deferred = await t.emu.slash(t.owner, t.general, 'slow');
    expect(broken.hits).toBe(1);
    expect(deferred.content).toBe('done after thinking');
  });
});

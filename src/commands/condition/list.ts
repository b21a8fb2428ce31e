import { MessageFlags } from 'discord.js';
import { problemText } from '../../features/conditions/health.js';
import { listConditions, memberCounts } from '../../features/conditions/store.js';
import { conditionHealth } from '../../discord/condition-channels.js';
import type { Subcommand } from '../subcommands.js';
import { label } from './membership.js';

export const conditionList = {
  name: 'list',
  access: 'admin',
  build: (sub) => sub.setDescription('Every condition, its member count, and anything that needs fixing'),
  async execute(ctx, interaction) {
    const all = await listConditions(ctx.db, interaction.guildId);
    if (all.length === 0) {
      await interaction.reply({ content: 'No condition channels yet. Create the first with `/condition add`.', flags: MessageFlags.Ephemeral });
      return;
    }
    const counts = await memberCounts(ctx.db, all.map((c) => c.id));
    const blocks = all.map((c) => {
      const problems = conditionHealth(interaction.guild, c);
      const mark = problems.length > 0 || c.brokenReason ? '⚠️' : '✅';
      const n = counts.get(c.id) ?? 0;
      const head = `${mark} ${label(c)}: <#${c.channelId}> · ${n} member${n === 1 ? '' : 's'}${c.discreet ? ' · discreet' : ''}`;
      const fixes = problems.map((p) => `  ↳ ${problemText(p, c.name, `<#${c.channelId}>`)}`);
      return [head, ...fixes].join('\n');
    });
    const pages: string[] = [];
    for (const block of blocks) {
      const last = pages.at(-1);
      if (last !== undefined && last.length + block.length + 1 <= 2000) pages[pages.length - 1] = `${last}\n${block}`;
      else pages.push(block.slice(0, 2000));
    }
    const [first, ...rest] = pages;
    await interaction.reply({ content: first ?? '', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    for (const page of rest) await interaction.followUp({ content: page, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
} satisfies Subcommand;

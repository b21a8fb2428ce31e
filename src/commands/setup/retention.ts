import { MessageFlags } from 'discord.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { updateGuildSettings, type GuildSettingsPatch } from '../../features/settings/guild-settings.js';
import type { Subcommand } from '../subcommands.js';

export const setupRetention = {
  name: 'retention',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription('How long Haven keeps data')
      .addIntegerOption((o) => o.setName('member_days').setDescription("After a member leaves, erase their data after (default 30)").setMinValue(0).setMaxValue(365))
      .addIntegerOption((o) => o.setName('case_days').setDescription('Erase resolved cases’ excerpts and notes after (default 90)').setMinValue(1).setMaxValue(3650))
      .addIntegerOption((o) => o.setName('audit_days').setDescription('Keep the audit log for (default 365)').setMinValue(30).setMaxValue(3650)),
  async execute(ctx, interaction) {
    const patch: GuildSettingsPatch = {};
    const member = interaction.options.getInteger('member_days');
    const cases = interaction.options.getInteger('case_days');
    const audit = interaction.options.getInteger('audit_days');
    if (member !== null) patch.memberRetentionDays = member;
    if (cases !== null) patch.caseRetentionDays = cases;
    if (audit !== null) patch.auditRetentionDays = audit;
    const now = ctx.clock.now();
    const saved = await ctx.db.transaction(async (tx) => {
      const row = await updateGuildSettings(tx, interaction.guildId, patch, now);
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'settings.retention', details: { memberDays: row.memberRetentionDays, caseDays: row.caseRetentionDays, auditDays: row.auditRetentionDays } }, now);
      return row;
    });
    await interaction.reply({
      content: `Retention: a departed member's data is erased after **${saved.memberRetentionDays} days**; resolved cases lose their excerpts and notes after **${saved.caseRetentionDays} days**; the audit log keeps **${saved.auditRetentionDays} days**.`,
      flags: MessageFlags.Ephemeral,
    });
  },
} satisfies Subcommand;

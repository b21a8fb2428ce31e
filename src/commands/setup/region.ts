import { MessageFlags } from 'discord.js';
import { UserError } from '../../errors.js';
import { countryName, parseCountry, searchCountries } from '../../features/region/countries.js';
import { recordAudit } from '../../features/audit/audit-log.js';
import { updateGuildSettings } from '../../features/settings/guild-settings.js';
import { canonicalZone, searchZones, suggestZone } from '../../features/time/zones.js';
import type { SetupSubcommand } from './types.js';

export const setupRegion = {
  name: 'region',
  access: 'admin',
  build: (sub) =>
    sub
      .setDescription("Set the server's country (for crisis lines) and time zone (for check-ins)")
      .addStringOption((o) => o.setName('country').setDescription('Country, e.g. US or United Kingdom').setRequired(true).setAutocomplete(true))
      .addStringOption((o) => o.setName('timezone').setDescription('Time zone, e.g. America/New_York').setRequired(true).setAutocomplete(true)),
  async execute(ctx, interaction) {
    const countryInput = interaction.options.getString('country', true);
    const zoneInput = interaction.options.getString('timezone', true);
    const country = parseCountry(countryInput);
    const zone = canonicalZone(zoneInput);
    const problems: string[] = [];
    if (!country) problems.push(`I don't know the country “${countryInput}”. Pick one from the list, or type its two-letter code (e.g. US, GB, IN).`);
    if (!zone) {
      const suggestion = suggestZone(zoneInput);
      problems.push(`“${zoneInput}” isn't a time zone I know.${suggestion ? ` Did you mean **${suggestion}**?` : ''} Pick one from the list, e.g. America/New_York.`);
    }
    if (problems.length > 0 || !country || !zone) throw new UserError(problems.join('\n'));
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      await updateGuildSettings(tx, interaction.guildId, { country, timezone: zone }, now);
      await recordAudit(tx, { guildId: interaction.guildId, actorId: interaction.user.id, action: 'settings.region', details: { country, timezone: zone } }, now);
    });
    await interaction.reply({
      content: `Saved. This server's region is **${countryName(country)}** and its time zone **${zone}**: crisis resources default to ${country}, and new check-ins default to ${zone}.`,
      flags: MessageFlags.Ephemeral,
    });
  },
  async autocomplete(ctx, interaction) {
    const focused = interaction.options.getFocused(true);
    const choices = focused.name === 'country' ? searchCountries(focused.value) : searchZones(focused.value, 25, ctx.clock.now());
    await interaction.respond(choices);
  },
} satisfies SetupSubcommand;

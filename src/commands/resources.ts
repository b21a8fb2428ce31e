import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { AppContext } from '../context.js';
import { UserError } from '../errors.js';
import { hotlinesFor } from '../features/crisis/hotlines.js';
import { pickCountry, type CountrySource } from '../features/crisis/locale.js';
import { resourcesView } from '../features/crisis/messages.js';
import { getPrefs, listLocalServices, setPrefs } from '../features/crisis/store.js';
import { countryName, parseCountry, searchCountries } from '../features/region/countries.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { customId } from '../interactions/custom-id.js';
import type { ComponentHandler, SlashCommand } from './types.js';

const SHARE_PREFIX = 'resshare';

export async function resourcesEmbed(ctx: AppContext, guildId: string, country: string | undefined, how: CountrySource): Promise<EmbedBuilder> {
  const view = resourcesView(hotlinesFor(country), await listLocalServices(ctx.db, guildId), country ? countryName(country) : undefined, how);
  return new EmbedBuilder().setTitle(view.title).setDescription(view.lines.join('\n').slice(0, 4096)).setFooter({ text: view.footer }).setColor(0x7b9e89);
}

export const resources = {
  kind: 'slash',
  data: new SlashCommandBuilder()
    .setName('resources')
    .setDescription('Crisis and support lines for where you are (only you see them)')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('country').setDescription('Your country, e.g. US or Ireland').setAutocomplete(true))
    .addBooleanOption((o) => o.setName('remember').setDescription('Remember this country for next time')),
  access: 'everyone',
  async execute(ctx, interaction) {
    const input = interaction.options.getString('country');
    const remember = interaction.options.getBoolean('remember') ?? false;
    const chosen = input ? parseCountry(input) : undefined;
    if (input && !chosen) throw new UserError(`I don't know the country “${input}”. Pick one from the list, or type its two-letter code (e.g. US, GB, IN).`);
    const [prefs, settings] = await Promise.all([getPrefs(ctx.db, interaction.guildId, interaction.user.id), getGuildSettings(ctx.db, interaction.guildId)]);
    const { country, how } = pickCountry({ chosen: chosen ?? null, saved: prefs?.country ?? null, server: settings.country, locale: interaction.locale });
    if (remember && chosen) await setPrefs(ctx.db, interaction.guildId, interaction.user.id, { country: chosen }, ctx.clock.now());
    const share = new ButtonBuilder().setCustomId(customId(SHARE_PREFIX, country ?? 'INTL')).setLabel('Share in this channel').setStyle(ButtonStyle.Secondary);
    await interaction.reply({
      ...(remember && chosen ? { content: `Saved: I'll show ${countryName(chosen)} next time.` } : {}),
      embeds: [await resourcesEmbed(ctx, interaction.guildId, country, how)],
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(share)],
      flags: MessageFlags.Ephemeral,
    });
  },
  async autocomplete(_ctx, interaction) {
    await interaction.respond(searchCountries(interaction.options.getFocused()));
  },
} satisfies SlashCommand;

/** "Share in this channel": the same list, posted by Haven without naming who shared it. */
export const shareResources: ComponentHandler = {
  prefix: SHARE_PREFIX,
  access: 'everyone',
  async handle(ctx, interaction, [country]) {
    if (!interaction.isButton()) return;
    const channel = interaction.channel;
    if (!channel?.isSendable()) throw new UserError("I can't post in this channel. You can copy the lines above instead.");
    const code = country && country !== 'INTL' ? country : undefined;
    await channel.send({ embeds: [await resourcesEmbed(ctx, interaction.guildId, code, code ? 'server' : 'none')], allowedMentions: { parse: [] } });
    await interaction.update({ content: 'Shared in this channel. Thank you for looking out for someone.', components: [] });
  },
};

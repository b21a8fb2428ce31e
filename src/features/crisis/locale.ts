/**
 * A country guessed from a Discord locale, for /resources when nothing better is known. Only
 * locales that name one country are mapped: "es-419" (Latin America) or "ru" could be many.
 */
const byLocale: Readonly<Record<string, string>> = {
  'en-US': 'US', 'en-GB': 'GB', 'pt-BR': 'BR', 'es-ES': 'ES', 'sv-SE': 'SE', 'zh-TW': 'TW', 'zh-CN': 'CN',
  da: 'DK', de: 'DE', fr: 'FR', hr: 'HR', it: 'IT', lt: 'LT', hu: 'HU', nl: 'NL', no: 'NO', pl: 'PL', ro: 'RO', fi: 'FI',
  vi: 'VN', tr: 'TR', cs: 'CZ', el: 'GR', bg: 'BG', uk: 'UA', hi: 'IN', th: 'TH', ja: 'JP', ko: 'KR', id: 'ID',
};

export function countryFromLocale(locale: string | null | undefined): string | undefined {
  return locale ? byLocale[locale] : undefined;
}

export type CountrySource = 'chosen' | 'saved' | 'server' | 'guess' | 'none';

/** The order the issue asks for: the option, the member's saved choice, the server default, the locale, nothing. */
export function pickCountry(options: { chosen?: string | null; saved?: string | null; server?: string | null; locale?: string | null }): { country: string | undefined; how: CountrySource } {
  if (options.chosen) return { country: options.chosen, how: 'chosen' };
  if (options.saved) return { country: options.saved, how: 'saved' };
  if (options.server) return { country: options.server, how: 'server' };
  const guess = countryFromLocale(options.locale);
  return guess ? { country: guess, how: 'guess' } : { country: undefined, how: 'none' };
}

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Region codes Intl knows that are not countries. */
const notCountries = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA']);

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const countries: readonly { code: string; name: string }[] = [...letters]
  .flatMap((a) => [...letters].map((b) => a + b))
  .filter((code) => !notCountries.has(code))
  .flatMap((code) => {
    const name = names.of(code);
    return name && name !== code ? [{ code, name }] : [];
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const byCode = new Map(countries.map((c) => [c.code, c]));

export function countryName(code: string): string | undefined {
  return byCode.get(code.toUpperCase())?.name;
}

/** Accepts an ISO 3166 alpha-2 code or an exact English name; returns the code. */
export function parseCountry(input: string): string | undefined {
  const trimmed = input.trim();
  if (byCode.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return countries.find((c) => c.name.toLowerCase() === trimmed.toLowerCase())?.code;
}

/** Autocomplete: code match first, then name prefix, then name substring. */
export function searchCountries(query: string, limit = 25): { name: string; value: string }[] {
  const q = query.trim().toLowerCase();
  const rank = (c: { code: string; name: string }): number => {
    if (!q) return 3;
    if (c.code.toLowerCase() === q) return 0;
    const name = c.name.toLowerCase();
    if (name.startsWith(q)) return 1;
    if (name.split(/[\s-]+/).some((w) => w.startsWith(q))) return 2;
    return name.includes(q) ? 3 : -1;
  };
  return countries
    .map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.c.name.localeCompare(b.c.name))
    .slice(0, limit)
    .map(({ c }) => ({ name: `${c.name} (${c.code})`, value: c.code }));
}

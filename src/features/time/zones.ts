import { DateTime, IANAZone } from 'luxon';

/**
 * ICU (and so `Intl.supportedValuesOf`) still lists some zones under their old names; people search
 * for the current IANA ones ("Kolkata", "Kyiv"). Both spellings are accepted; the modern one is stored.
 */
const modernNames: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara', 'America/Buenos_Aires': 'America/Argentina/Buenos_Aires', 'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba', 'America/Jujuy': 'America/Argentina/Jujuy', 'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Godthab': 'America/Nuuk', 'America/Indianapolis': 'America/Indiana/Indianapolis', 'America/Louisville': 'America/Kentucky/Louisville',
  'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Rangoon': 'Asia/Yangon', 'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe', 'Europe/Kiev': 'Europe/Kyiv', 'Pacific/Enderbury': 'Pacific/Kanton', 'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk', 'US/Eastern': 'America/New_York', 'US/Central': 'America/Chicago', 'US/Mountain': 'America/Denver', 'US/Pacific': 'America/Los_Angeles',
};

/** Every IANA zone this runtime knows (modern names), plus UTC. */
export const zones: readonly string[] = [
  ...new Set([...Intl.supportedValuesOf('timeZone').map((z) => modernNames[z] ?? z), 'UTC'].filter((z) => IANAZone.isValidZone(z))),
].sort();
const byLower = new Map<string, string>([...Object.entries(modernNames), ...zones.map((z) => [z, z] as const)].map(([from, to]) => [from.toLowerCase(), to]));

/**
 * Returns the canonical spelling of an IANA zone ("america/new_york" → "America/New_York"),
 * or undefined when the zone is unknown. Fixed offsets ("+05:00") are refused: they ignore DST.
 */
export function canonicalZone(input: string): string | undefined {
  const trimmed = input.trim().replace(/\s+/g, '_');
  const known = byLower.get(trimmed.toLowerCase());
  if (known) return known;
  // Links Intl does not list (e.g. "US/Eastern") are still valid IANA names.
  if (/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(trimmed) && IANAZone.isValidZone(trimmed)) return trimmed;
  return undefined;
}

/** "UTC−05:00" for a zone at a given instant. */
export function offsetLabel(zone: string, now: Date): string {
  return `UTC${DateTime.fromJSDate(now, { zone }).toFormat('ZZ')}`;
}

function words(zone: string): string[] {
  return zone.toLowerCase().split(/[/_-]+/);
}

/** Autocomplete: exact, then prefix of a path part, then substring; labelled with the current offset. */
export function searchZones(query: string, limit: number, now: Date): { name: string; value: string }[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '_');
  const rank = (zone: string): number => {
    if (!q) return zone.includes('/') ? 2 : 3;
    const lower = zone.toLowerCase();
    if (lower === q) return 0;
    if (lower.startsWith(q) || words(zone).some((w) => w.startsWith(q))) return 1;
    return lower.includes(q) ? 2 : -1;
  };
  return zones
    .map((zone) => ({ zone, r: rank(zone) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.zone.localeCompare(b.zone))
    .slice(0, limit)
    .map(({ zone }) => ({ name: `${zone} (${offsetLabel(zone, now)})`, value: zone }));
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The closest known zone to a mistyped one ("America/New_Yrok"), if one is close enough. */
export function suggestZone(input: string): string | undefined {
  const q = input.trim().toLowerCase().replace(/\s+/g, '_');
  if (!q) return undefined;
  let best: { zone: string; d: number } | undefined;
  for (const zone of zones) {
    const lower = zone.toLowerCase();
    const city = lower.split('/').at(-1) ?? lower;
    const d = Math.min(distance(q, lower), distance(q, city));
    if (!best || d < best.d) best = { zone, d };
  }
  return best && best.d <= Math.max(2, Math.floor(q.length / 4)) ? best.zone : undefined;
}

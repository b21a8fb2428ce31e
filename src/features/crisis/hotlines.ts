import { z } from 'zod';
import data from './hotlines.json' with { type: 'json' };

/**
 * Crisis lines per country, kept as reviewable data in `hotlines.json`.
 * Every service names the public page it was checked against and the date it was checked;
 * re-check the whole file on a schedule, since national numbers change (e.g. KR 1393 → 109 in 2024).
 */

const INTERNATIONAL = 'INTL';
const today = /^\d{4}-\d{2}-\d{2}$/;
/** Digits, spaces, dashes, brackets; a leading + (international) or * (short code, e.g. Chile *4141). */
const dialable = z
  .string()
  .regex(/^[+*]?[0-9][0-9 ()-]*[0-9]$/, 'a dialable number: digits, spaces, dashes, brackets, optional leading + or *');
const httpsUrl = z.url().refine((u) => u.startsWith('https://'), 'must be an https:// URL');

export const serviceSchema = z
  .strictObject({
    name: z.string().trim().min(1),
    phone: dialable.optional(),
    text: dialable.optional(),
    /** Word to send to the text number, when the service asks for one (e.g. "HOME" to 741741). */
    textKeyword: z.string().trim().min(1).optional(),
    url: httpsUrl.optional(),
    hours: z.string().trim().min(1),
    /** ISO 639-1 codes. */
    languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1).optional(),
    /** Short practical note shown with the service (e.g. which menu option to choose). */
    notes: z.string().trim().min(1).optional(),
    source: httpsUrl,
    checked: z.iso.date().refine((d) => today.test(d)),
  })
  .refine((s) => s.phone !== undefined || s.text !== undefined || s.url !== undefined, {
    message: 'a service needs a phone number, a text number or a URL',
  })
  .refine((s) => s.textKeyword === undefined || s.text !== undefined, {
    message: 'textKeyword needs a text number',
  });

export const countryHotlinesSchema = z
  .strictObject({
    country: z.string().regex(/^([A-Z]{2}|INTL)$/, 'ISO 3166-1 alpha-2 code, or INTL'),
    emergency: dialable.optional(),
    /** Other emergency numbers worth knowing (police vs ambulance, mobile-only numbers). */
    emergencyNote: z.string().trim().min(1).optional(),
    services: z.array(serviceSchema).min(1),
  })
  .refine((c) => c.country === INTERNATIONAL || c.emergency !== undefined, {
    message: 'every country needs its emergency number',
  });

export const hotlinesFileSchema = z
  .array(countryHotlinesSchema)
  .refine((list) => new Set(list.map((c) => c.country)).size === list.length, {
    message: 'each country appears once',
  })
  .refine((list) => list.some((c) => c.country === INTERNATIONAL), {
    message: 'the INTL fallback entry is required',
  });

export type Service = z.infer<typeof serviceSchema>;
export type CountryHotlines = z.infer<typeof countryHotlinesSchema>;

export interface HotlineLookup {
  /** The country the services are for; `INTL` when no (valid) country was given. */
  country: string;
  /** Local emergency number; absent when falling back. */
  emergency?: string;
  emergencyNote?: string;
  /** National services for `country`; empty when falling back (then show `international`, clearly labelled). */
  services: Service[];
  /** International helpline directories: always present, as a footer or as the fallback. */
  international: Service[];
  /** True when no national list is known for the country: show `international` instead. */
  fallback: boolean;
}

/** Parses and validates the raw file; throws a ZodError naming the bad entry. */
export function parseHotlines(raw: unknown): CountryHotlines[] {
  return hotlinesFileSchema.parse(raw);
}

/** The bundled `hotlines.json`, validated. */
export function loadHotlines(): CountryHotlines[] {
  return parseHotlines(data);
}

let cache: { byCountry: Map<string, CountryHotlines>; international: Service[] } | undefined;

function table(): { byCountry: Map<string, CountryHotlines>; international: Service[] } {
  if (!cache) {
    const all = loadHotlines();
    const byCountry = new Map(all.filter((c) => c.country !== INTERNATIONAL).map((c) => [c.country, c]));
    const international = all.find((c) => c.country === INTERNATIONAL)?.services ?? [];
    cache = { byCountry, international };
  }
  return cache;
}

/** Common non-ISO spellings people and locales use. */
const aliases: Record<string, string> = { UK: 'GB', EL: 'GR' };

function normalise(country: string | undefined): string | undefined {
  const code = country?.trim().toUpperCase();
  if (!code || !/^[A-Z]{2}$/.test(code)) return undefined;
  return aliases[code] ?? code;
}

/**
 * Crisis resources for a country (ISO 3166-1 alpha-2, any case; "UK" is accepted for GB).
 * Unknown or missing country: `fallback: true`, no emergency number, and the international
 * directories; never another country's numbers.
 */
export function hotlinesFor(country: string | undefined): HotlineLookup {
  const { byCountry, international } = table();
  const code = normalise(country);
  const entry = code === undefined ? undefined : byCountry.get(code);
  if (!entry) {
    return { country: code ?? INTERNATIONAL, services: [], international, fallback: true };
  }
  return {
    country: entry.country,
    ...(entry.emergency !== undefined ? { emergency: entry.emergency } : {}),
    ...(entry.emergencyNote !== undefined ? { emergencyNote: entry.emergencyNote } : {}),
    services: entry.services,
    international,
    fallback: false,
  };
}

/** Country codes with a national list, sorted (INTL excluded). */
export function knownHotlineCountries(): string[] {
  return [...table().byCountry.keys()].sort();
}

import { describe, expect, it } from 'vitest';
import data from '../../../src/features/crisis/hotlines.json' with { type: 'json' };
import {
  countryHotlinesSchema,
  hotlinesFor,
  knownHotlineCountries,
  loadHotlines,
  parseHotlines,
} from '../../../src/features/crisis/hotlines.js';

/** The date the dataset was last checked against its sources; nothing may claim a later check. */
const LAST_REVIEW = '2026-11-25';

/**
 * Numbers that were replaced and must not come back (compared on digits only).
 * Keyed by country; '*' applies everywhere.
 */
const SUPERSEDED: Record<string, { digits: string; why: string }[]> = {
  US: [{ digits: '18002738255', why: 'old National Suicide Prevention Lifeline; 988 since July 2022' }],
  CA: [{ digits: '18334564566', why: 'Talk Suicide Canada; replaced by 9-8-8 in November 2023' }],
  KR: [{ digits: '1393', why: 'merged into 109 on 2024-01-01' }],
  GB: [{ digits: '08457909090', why: 'old Samaritans number; 116 123 since 2015' }],
  IE: [{ digits: '1850609090', why: 'old Samaritans Ireland 1850 number; 1850 numbers retired in 2022' }],
  NL: [{ digits: '09000113', why: 'old paid 113 number; free 0800-0113 replaced it' }],
  BR: [{ digits: '141', why: 'old CVV number; 188 replaced it' }],
  SG: [{ digits: '63892222', why: 'IMH helpline, retired when national mindline 1771 opened on 2025-06-18' }],
};

const digits = (n: string): string => n.replace(/\D/g, '');
const countries = data.filter((c) => c.country !== 'INTL');

describe('hotlines.json', () => {
  it('passes the schema as a whole (one entry per country, INTL present)', () => {
    expect(() => parseHotlines(data)).not.toThrow();
    expect(loadHotlines()).toHaveLength(data.length);
  });

  it.each(data.map((c) => [c.country, c] as const))('%s passes the entry schema', (_code, entry) => {
    const result = countryHotlinesSchema.safeParse(entry);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('covers at least 30 countries, including the ones the seed community named', () => {
    expect(countries.length).toBeGreaterThanOrEqual(30);
    for (const code of ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'IN', 'DE', 'FR', 'ES', 'IT', 'NL', 'JP', 'KR', 'BR', 'MX']) {
      expect(knownHotlineCountries()).toContain(code);
    }
  });

  it('gives every country its emergency number', () => {
    for (const c of countries) expect(c.emergency, c.country).toMatch(/^\d{3,5}$/);
  });

  it('gives every service a way to reach it, its hours, an https source and a check date no later than the last review', () => {
    for (const c of data) {
      for (const s of c.services) {
        const where = `${c.country} / ${s.name}`;
        const reachable = 'phone' in s || 'text' in s || 'url' in s;
        expect(reachable, where).toBe(true);
        expect(s.hours.trim(), where).not.toBe('');
        expect(new URL(s.source).protocol, where).toBe('https:');
        expect(s.checked, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(s.checked)), where).toBe(false);
        expect(s.checked <= LAST_REVIEW, `${where} checked ${s.checked}`).toBe(true);
      }
    }
  });

  it('lists no number twice within a country', () => {
    for (const c of data) {
      const seen = new Map<string, string>();
      for (const s of c.services) {
        const numbers = new Set<string>();
        if ('phone' in s && s.phone) numbers.add(`call ${digits(s.phone)}`);
        if ('text' in s && s.text) numbers.add(`text ${digits(s.text)}`);
        for (const key of numbers) {
          expect(seen.get(key), `${c.country}: ${key} in "${s.name}" and "${seen.get(key)}"`).toBeUndefined();
          seen.set(key, s.name);
        }
      }
    }
  });

  it('contains none of the known superseded numbers', () => {
    for (const c of data) {
      const banned = SUPERSEDED[c.country] ?? [];
      for (const s of c.services) {
        const listed = [('phone' in s && s.phone) || '', ('text' in s && s.text) || '', ('notes' in s && s.notes) || '']
          .flatMap((field) => field.match(/[+*]?\d[\d ()-]*\d/g) ?? [])
          .map(digits);
        for (const old of banned) {
          expect(listed, `${c.country} / ${s.name}: ${old.why}`).not.toContain(old.digits);
        }
      }
    }
  });

  it('uses the current national numbers where they recently changed', () => {
    const phones = (code: string): string[] => hotlinesFor(code).services.flatMap((s) => (s.phone ? [digits(s.phone)] : []));
    expect(phones('US')).toContain('988');
    expect(phones('CA')).toContain('988');
    expect(phones('KR')).toContain('109');
    expect(phones('FR')).toContain('3114');
    expect(phones('ES')).toContain('024');
    expect(phones('SG')).toContain('1771');
  });

  it('rejects an entry without a source, with a future-looking bad date, or with no way to reach it', () => {
    const good = { name: 'X', phone: '123', hours: '24/7', source: 'https://example.org/', checked: LAST_REVIEW };
    const entry = (service: object) => ({ country: 'ZZ', emergency: '112', services: [service] });
    expect(countryHotlinesSchema.safeParse(entry(good)).success).toBe(true);
    const { source: _s, ...noSource } = good;
    expect(countryHotlinesSchema.safeParse(entry(noSource)).success).toBe(false);
    expect(countryHotlinesSchema.safeParse(entry({ ...good, source: 'http://example.org/' })).success).toBe(false);
    expect(countryHotlinesSchema.safeParse(entry({ ...good, checked: '2026-13-01' })).success).toBe(false);
    const { phone: _p, ...unreachable } = good;
    expect(countryHotlinesSchema.safeParse(entry(unreachable)).success).toBe(false);
    expect(countryHotlinesSchema.safeParse({ country: 'ZZ', services: [good] }).success).toBe(false);
  });
});

describe('hotlinesFor', () => {
  it('returns the national list with the emergency number first-class, plus the international directories', () => {
    const us = hotlinesFor('US');
    expect(us.fallback).toBe(false);
    expect(us.country).toBe('US');
    expect(us.emergency).toBe('911');
    expect(us.services.map((s) => s.name)).toContain('988 Suicide & Crisis Lifeline');
    expect(us.international.length).toBeGreaterThan(0);
  });

  it('accepts any case, surrounding spaces, and UK for GB', () => {
    expect(hotlinesFor(' gb ').emergency).toBe('999');
    expect(hotlinesFor('uk').country).toBe('GB');
    expect(hotlinesFor('de').services[0]?.phone).toBe('0800 111 0 111');
  });

  it.each([[undefined], [''], ['ZZ'], ['not a country']])(
    'falls back to the international directories for %j, never to another country’s numbers',
    (input) => {
      const r = hotlinesFor(input);
      expect(r.fallback).toBe(true);
      expect(r.emergency).toBeUndefined();
      expect(r.services).toEqual([]);
      expect(r.international.map((s) => s.url)).toContain('https://findahelpline.com/');
      expect(r.international.every((s) => s.phone === undefined)).toBe(true);
    },
  );

  it('keeps the requested code on fallback so the reply can say which country is missing', () => {
    expect(hotlinesFor('tr').country).toBe('TR');
    expect(hotlinesFor(undefined).country).toBe('INTL');
  });

  it('lists known countries sorted, without INTL', () => {
    const known = knownHotlineCountries();
    expect(known).toEqual([...known].sort());
    expect(known).not.toContain('INTL');
    expect(known.length).toBe(countries.length);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalZone, searchZones, suggestZone } from '../../../src/features/time/zones.js';

const january = new Date('2026-01-15T12:00:00Z');
const july = new Date('2026-07-15T12:00:00Z');

describe('time zones', () => {
  it('canonicalises known zones regardless of case and spaces', () => {
    expect(canonicalZone('america/new_york')).toBe('America/New_York');
    expect(canonicalZone('Europe/London')).toBe('Europe/London');
    expect(canonicalZone('america/new york')).toBe('America/New_York');
    expect(canonicalZone('UTC')).toBe('UTC');
  });

  it('refuses unknown zones and fixed offsets', () => {
    expect(canonicalZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalZone('+05:00')).toBeUndefined();
    expect(canonicalZone('')).toBeUndefined();
  });

  it('suggests the zone a typo meant', () => {
    expect(suggestZone('America/New_Yrok')).toBe('America/New_York');
    expect(suggestZone('xyzzy-nothing-like-a-zone')).toBeUndefined();
  });

  it('autocompletes by city and shows the offset in force at that date', () => {
    const winter = searchZones('new_york', 25, january);
    expect(winter[0]).toEqual({ name: 'America/New_York (UTC-05:00)', value: 'America/New_York' });
    expect(searchZones('new york', 25, july)[0]?.name).toBe('America/New_York (UTC-04:00)');
    expect(searchZones('', 25, january)).toHaveLength(25);
  });
});

describe('modern zone names', () => {
  it('offers and stores current IANA names even where ICU lists old ones', () => {
    expect(searchZones('kolk', 5, january)[0]?.value).toBe('Asia/Kolkata');
    expect(searchZones('kyiv', 5, january)[0]?.value).toBe('Europe/Kyiv');
    expect(canonicalZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalZone('US/Eastern')).toBe('America/New_York');
    expect(searchZones('calcutta', 5, january)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { overwriteBudget } from '../../../src/features/conditions/health.js';
import { channelNameFor, validateConditionName, validateDescription } from '../../../src/features/conditions/rules.js';

describe('validateConditionName', () => {
  it('accepts ordinary names, including accents, slashes and an emoji', () => {
    for (const name of ['Type 1 diabetes', 'ME/CFS', 'Crohn’s & colitis', 'Ménière’s disease', '🎗️ Breast cancer', 'x'.repeat(50), '  Long COVID  ']) {
      expect(validateConditionName(name), name).toBeUndefined();
    }
  });

  it('refuses an empty name', () => {
    expect(validateConditionName('')).toMatch(/Give the condition a name/);
    expect(validateConditionName('   ')).toMatch(/Give the condition a name/);
  });

  it('refuses names over 50 characters, counted after trimming', () => {
    expect(validateConditionName('x'.repeat(51))).toMatch(/50 characters/);
    expect(validateConditionName(`  ${'x'.repeat(50)}  `)).toBeUndefined();
  });

  it('refuses mentions and channel links', () => {
    expect(validateConditionName('@everyone')).toMatch(/@ or #/);
    expect(validateConditionName('Cancer #1')).toMatch(/@ or #/);
  });

  it('refuses names that are only symbols or formatting', () => {
    expect(validateConditionName('**__**')).toMatch(/at least one letter or number/);
    expect(validateConditionName('!!!')).toMatch(/at least one letter or number/);
    expect(validateConditionName('`code`')).toMatch(/backticks/);
    expect(validateConditionName('two\nlines')).toMatch(/line breaks/);
  });
});

describe('validateDescription', () => {
  it('accepts up to 200 characters and refuses more or nothing', () => {
    expect(validateDescription('For people living with breast cancer and those who love them.')).toBeUndefined();
    expect(validateDescription('d'.repeat(200))).toBeUndefined();
    expect(validateDescription('d'.repeat(201))).toMatch(/200 characters/);
    expect(validateDescription('  ')).toMatch(/description/);
  });
});

describe('channelNameFor', () => {
  it('makes Discord channel names from condition names', () => {
    expect(channelNameFor('Breast cancer')).toBe('breast-cancer');
    expect(channelNameFor('Long COVID')).toBe('long-covid');
    expect(channelNameFor('Crohn’s & Colitis')).toBe('crohns-colitis');
    expect(channelNameFor('ME/CFS')).toBe('me-cfs');
    expect(channelNameFor('  Ménière’s   disease!! ')).toBe('menieres-disease');
    expect(channelNameFor('🎗️ Breast cancer')).toBe('breast-cancer');
  });

  it('falls back to "condition" when nothing usable is left', () => {
    expect(channelNameFor('🎗️')).toBe('condition');
    expect(channelNameFor('!!!')).toBe('condition');
  });

  it('stays within Discord’s 100 characters without a trailing dash', () => {
    expect(channelNameFor('a'.repeat(120))).toHaveLength(100);
    const cut = channelNameFor(`${'a'.repeat(99)} b`);
    expect(cut).toBe('a'.repeat(99));
  });
});

describe('overwriteBudget (discreet conditions: one member overwrite each, Discord allows 1000 per channel)', () => {
  it('leaves room for Haven’s own and admins’ overwrites', () => {
    expect(overwriteBudget(0)).toEqual({ ok: true, remaining: 990, warn: false });
  });

  it('warns when 50 or fewer places are left, and refuses when none are', () => {
    expect(overwriteBudget(939).warn).toBe(false);
    expect(overwriteBudget(940)).toEqual({ ok: true, remaining: 50, warn: true });
    expect(overwriteBudget(990)).toEqual({ ok: false, remaining: 0, warn: true });
    expect(overwriteBudget(1200)).toEqual({ ok: false, remaining: 0, warn: true });
  });
});

import { describe, expect, it } from 'vitest';
import { editDistance, normalizeName, rankConditions, resolveCondition } from '../../../src/features/conditions/matching.js';
import { channelNameFor, validateConditionName, validateDescription } from '../../../src/features/conditions/rules.js';

const entries = [
  { id: '1', name: 'Breast cancer' },
  { id: '2', name: 'Metastatic breast cancer' },
  { id: '3', name: 'Type 1 diabetes' },
  { id: '4', name: 'Type 2 diabetes' },
  { id: '5', name: 'Long COVID' },
  { id: '6', name: 'Caregivers', aliases: ['family'] },
  { id: '7', name: 'Crohn’s disease' },
];
const names = (list: { name: string }[]) => list.map((e) => e.name);

describe('finding a condition from what a member typed', () => {
  it('normalizes case, accents and punctuation', () => {
    expect(normalizeName('  Crohn’s   DISEASE ')).toBe('crohn s disease');
    expect(normalizeName('Ménière')).toBe('meniere');
  });

  it('ranks exact, then prefix, then word prefix, then typos', () => {
    expect(names(rankConditions(entries, 'breast'))).toEqual(['Breast cancer', 'Metastatic breast cancer']);
    expect(names(rankConditions(entries, 'brest cancer'))[0]).toBe('Breast cancer');
    expect(names(rankConditions(entries, 'long covd'))).toEqual(['Long COVID']);
    expect(names(rankConditions(entries, 'diabetis'))).toEqual(['Type 1 diabetes', 'Type 2 diabetes']);
    expect(names(rankConditions(entries, 'zzz'))).toEqual([]);
  });

  it('knows common aliases and the admin-given ones', () => {
    expect(names(rankConditions(entries, 't1d'))).toEqual(['Type 1 diabetes']);
    expect(names(rankConditions(entries, 'pasc'))).toEqual(['Long COVID']);
    expect(names(rankConditions(entries, 'carers'))).toEqual(['Caregivers']);
    expect(names(rankConditions(entries, 'family'))).toEqual(['Caregivers']);
  });

  it('never offers more than Discord’s 25 choices, and lists everything by name when empty', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: String(i), name: `Group ${String(i).padStart(2, '0')}` }));
    expect(rankConditions(many, '')).toHaveLength(25);
    expect(rankConditions(many, 'group')).toHaveLength(25);
    expect(rankConditions(entries, '')[0]?.name).toBe('Breast cancer');
  });

  it('resolves an id, a name, an alias or one clear typo; otherwise suggests', () => {
    expect(resolveCondition(entries, '5')).toEqual({ match: entries[4] });
    expect(resolveCondition(entries, 'BREAST CANCER')).toEqual({ match: entries[0] });
    expect(resolveCondition(entries, 't2d')).toEqual({ match: entries[3] });
    expect(resolveCondition(entries, 'brest cancer')).toEqual({ match: entries[0] });
    const ambiguous = resolveCondition(entries, 'diabetes');
    expect('suggestions' in ambiguous && names(ambiguous.suggestions)).toEqual(['Type 1 diabetes', 'Type 2 diabetes']);
    expect(resolveCondition(entries, 'asthma')).toEqual({ suggestions: [] });
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('cnacer', 'cancer', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('condition names', () => {
  it('accepts ordinary names and refuses mentions, empties and overlong ones', () => {
    expect(validateConditionName('Type 1 diabetes')).toBeUndefined();
    expect(validateConditionName('   ')).toMatch(/Give the condition a name/);
    expect(validateConditionName('@everyone')).toMatch(/can’t contain @/);
    expect(validateConditionName('x'.repeat(51))).toMatch(/50 characters/);
    expect(validateConditionName('!!!')).toMatch(/at least one letter/);
    expect(validateDescription('d'.repeat(201))).toMatch(/200 characters/);
  });

  it('makes Discord channel names', () => {
    expect(channelNameFor('Breast cancer')).toBe('breast-cancer');
    expect(channelNameFor('Crohn’s & Colitis')).toBe('crohn-s-colitis');
    expect(channelNameFor('🎗️')).toBe('condition');
    expect(channelNameFor('a'.repeat(120))).toHaveLength(100);
  });
});

import { describe, expect, it } from 'vitest';
import {
  aliasesFor,
  builtinAliases,
  editDistance,
  normalizeName,
  rankConditions,
  resolveCondition,
  type ConditionEntry,
} from '../../../src/features/conditions/matching.js';

const entries: ConditionEntry[] = [
  { id: 'c1', name: 'Breast cancer' },
  { id: 'c2', name: 'Metastatic breast cancer' },
  { id: 'c3', name: 'Type 1 diabetes' },
  { id: 'c4', name: 'Type 2 diabetes' },
  { id: 'c5', name: 'Long COVID' },
  { id: 'c6', name: 'Caregivers', aliases: ['family and friends'] },
  { id: 'c7', name: 'Crohn’s disease' },
  { id: 'c8', name: 'Ménière’s disease' },
  { id: 'c9', name: 'Multiple sclerosis' },
  { id: 'c10', name: 'ME/CFS' },
];
const names = (list: readonly ConditionEntry[]) => list.map((e) => e.name);
const suggestions = (r: { match: ConditionEntry } | { suggestions: ConditionEntry[] }) => ('suggestions' in r ? names(r.suggestions) : `matched ${r.match.name}`);

describe('normalizeName', () => {
  it('ignores case, accents, apostrophes, punctuation and extra spaces', () => {
    expect(normalizeName('  Crohn’s   DISEASE ')).toBe('crohns disease');
    expect(normalizeName('Ménière')).toBe('meniere');
    expect(normalizeName('ME/CFS')).toBe('me cfs');
    expect(normalizeName('Post-COVID')).toBe('post covid');
    expect(normalizeName('Sjögren’s')).toBe(normalizeName('sjogrens'));
  });
});

describe('rankConditions (autocomplete)', () => {
  it('finds the conditions from the issue despite typos', () => {
    expect(names(rankConditions(entries, 'brest cancer')).slice(0, 2)).toEqual(['Breast cancer', 'Metastatic breast cancer']);
    expect(names(rankConditions(entries, 'long covd'))).toEqual(['Long COVID']);
    expect(names(rankConditions(entries, 'diabetis'))).toEqual(['Type 1 diabetes', 'Type 2 diabetes']);
    expect(names(rankConditions(entries, 'type 1 diabetis'))).toEqual(['Type 1 diabetes']);
    expect(names(rankConditions(entries, 'cnacer'))).toEqual(['Breast cancer', 'Metastatic breast cancer']);
    expect(names(rankConditions(entries, 'longcovid'))).toEqual(['Long COVID']);
  });

  it('puts exact, then prefix, then word prefix, then substring, then typo matches', () => {
    const list = [
      { id: 'a', name: 'Cancer survivors' }, // prefix
      { id: 'b', name: 'Lung cancer' }, // word prefix
      { id: 'c', name: 'Precancerous lesions' }, // substring
      { id: 'd', name: 'Cancer' }, // exact
      { id: 'e', name: 'Canker sores' }, // typo
      { id: 'f', name: 'Asthma' }, // nothing
    ];
    expect(names(rankConditions(list, 'cancer'))).toEqual(['Cancer', 'Cancer survivors', 'Lung cancer', 'Precancerous lesions', 'Canker sores']);
  });

  it('ignores case and accents in what is typed and in names', () => {
    expect(names(rankConditions(entries, 'MENIERE'))).toEqual(['Ménière’s disease']);
    expect(names(rankConditions(entries, 'crohns'))).toEqual(['Crohn’s disease']);
    expect(names(rankConditions(entries, 'BREAST'))).toEqual(['Breast cancer', 'Metastatic breast cancer']);
  });

  it('knows common aliases and the ones admins gave', () => {
    expect(names(rankConditions(entries, 't1d'))).toEqual(['Type 1 diabetes']);
    expect(names(rankConditions(entries, 'pasc'))).toEqual(['Long COVID']);
    expect(names(rankConditions(entries, 'post covid'))).toEqual(['Long COVID']);
    expect(names(rankConditions(entries, 'carers'))).toEqual(['Caregivers']);
    expect(names(rankConditions(entries, 'family'))).toEqual(['Caregivers']);
    expect(names(rankConditions(entries, 'ms'))[0]).toBe('Multiple sclerosis');
  });

  it('offers nothing for unrelated text, and does not guess from one or two letters', () => {
    expect(rankConditions(entries, 'zzzz')).toEqual([]);
    expect(rankConditions(entries, 'asthma')).toEqual([]);
    expect(rankConditions(entries, 'xq')).toEqual([]);
  });

  it('never offers more than Discord’s 25 choices', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `g${i}`, name: `Group ${i + 1}` }));
    expect(rankConditions(many, '')).toHaveLength(25);
    expect(rankConditions(many, 'group')).toHaveLength(25);
    expect(rankConditions(many, 'grop')).toHaveLength(25);
    expect(rankConditions(many, 'group', 5)).toHaveLength(5);
  });

  it('lists everything by name (numbers in order) when nothing is typed', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `g${i}`, name: `Group ${12 - i}` }));
    expect(names(rankConditions(many, '   ')).slice(0, 3)).toEqual(['Group 1', 'Group 2', 'Group 3']);
    expect(names(rankConditions(entries, ''))[0]).toBe('Breast cancer');
    expect(rankConditions(entries, '')).toHaveLength(entries.length);
  });
});

describe('resolveCondition (what /join received)', () => {
  it('accepts the autocomplete id', () => {
    expect(resolveCondition(entries, 'c5')).toEqual({ match: entries[4] });
  });

  it('accepts an exact name or alias whatever the case or accents', () => {
    expect(resolveCondition(entries, 'BREAST CANCER')).toEqual({ match: entries[0] });
    expect(resolveCondition(entries, 'meniere’s disease')).toEqual({ match: entries[7] });
    expect(resolveCondition(entries, 't2d')).toEqual({ match: entries[3] });
    expect(resolveCondition(entries, 'me/cfs')).toEqual({ match: entries[9] });
  });

  it('accepts a single clear typo winner', () => {
    expect(resolveCondition(entries, 'brest cancer')).toEqual({ match: entries[0] });
    expect(resolveCondition(entries, 'long covd')).toEqual({ match: entries[4] });
    expect(resolveCondition(entries, 'multiple sclerossis')).toEqual({ match: entries[8] });
  });

  it('suggests instead of guessing when several fit', () => {
    expect(suggestions(resolveCondition(entries, 'diabetis'))).toEqual(['Type 1 diabetes', 'Type 2 diabetes']);
    expect(suggestions(resolveCondition(entries, 'diabetes'))).toEqual(['Type 1 diabetes', 'Type 2 diabetes']);
    expect(suggestions(resolveCondition(entries, 'breast'))).toEqual(['Breast cancer', 'Metastatic breast cancer']);
  });

  it('suggests at most 3, best first', () => {
    const list = ['Group A', 'Group B', 'Group C', 'Group D', 'Group E'].map((name, i) => ({ id: String(i), name }));
    expect(suggestions(resolveCondition(list, 'group'))).toEqual(['Group A', 'Group B', 'Group C']);
  });

  it('does not pick one of two conditions that share an alias', () => {
    const list = [
      { id: 'a', name: 'Crohn’s disease' },
      { id: 'b', name: 'Ulcerative colitis' },
    ];
    expect(suggestions(resolveCondition(list, 'IBD'))).toEqual(['Crohn’s disease', 'Ulcerative colitis']);
  });

  it('returns no suggestions when nothing is close', () => {
    expect(resolveCondition(entries, 'asthma')).toEqual({ suggestions: [] });
    expect(resolveCondition(entries, '  ')).toEqual({ suggestions: [] });
  });
});

describe('built-in aliases', () => {
  it('maps common conditions to what people type', () => {
    expect(aliasesFor('Long COVID')).toEqual(expect.arrayContaining(['post-covid', 'pasc', 'long haulers']));
    expect(aliasesFor('type 1 DIABETES')).toEqual(expect.arrayContaining(['t1d', 'type one diabetes']));
    expect(aliasesFor('Chronic fatigue syndrome')).toEqual(expect.arrayContaining(['me/cfs', 'cfs', 'me']));
    expect(aliasesFor('Crohns disease')).toContain('crohns');
    expect(aliasesFor('Some rare condition')).toEqual([]);
    for (const key of ['breast cancer', 'type 2 diabetes', 'multiple sclerosis', 'caregivers', 'depression', 'anxiety', 'ptsd', 'grief']) {
      expect(builtinAliases[key]?.length, key).toBeGreaterThan(0);
    }
  });

  it('hands out a copy, so callers cannot change the table', () => {
    aliasesFor('Breast cancer').push('oops');
    expect(aliasesFor('Breast cancer')).not.toContain('oops');
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one edit and stops above the bound', () => {
    expect(editDistance('cnacer', 'cancer', 2)).toBe(1);
    expect(editDistance('brest', 'breast', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

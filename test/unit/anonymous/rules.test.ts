import { describe, expect, it } from 'vitest';
import { hasLink, postProblem, pseudonymScope, revealPolicyText } from '../../../src/features/anonymous/rules.js';

describe('anonymous post rules', () => {
  it('refuses empty and over-long posts, and links where they are off', () => {
    expect(postProblem('   ', { allowLinks: true })).toContain('empty');
    expect(postProblem('x'.repeat(2001), { allowLinks: true })).toContain('at most 2000');
    expect(postProblem('x'.repeat(2000), { allowLinks: true })).toBeUndefined();
    expect(postProblem('see https://example.com', { allowLinks: false })).toContain('Links are turned off');
    expect(postProblem('see https://example.com', { allowLinks: true })).toBeUndefined();
  });

  it('recognises links people paste', () => {
    expect(hasLink('join discord.gg/abc')).toBe(true);
    expect(hasLink('www.cancer.org')).toBe(true);
    expect(hasLink('I feel www')).toBe(false);
  });

  it('tells members the reveal policy before they post', () => {
    expect(revealPolicyText(false)).toContain('not even the admins');
    expect(revealPolicyText(true)).toContain('every reveal is recorded');
  });
});

describe('pseudonym rotation', () => {
  const monday = new Date('2026-11-23T09:00:00Z');
  const sunday = new Date('2026-11-29T23:00:00Z');
  const nextMonday = new Date('2026-11-30T01:00:00Z');
  it('keeps one scope per thread by default, and adds the day or ISO week when rotating', () => {
    expect(pseudonymScope('t1', 'never', monday)).toBe(pseudonymScope('t1', 'never', nextMonday));
    expect(pseudonymScope('t1', 'daily', monday)).not.toBe(pseudonymScope('t1', 'daily', new Date('2026-11-24T09:00:00Z')));
    expect(pseudonymScope('t1', 'weekly', monday)).toBe(pseudonymScope('t1', 'weekly', sunday));
    expect(pseudonymScope('t1', 'weekly', sunday)).not.toBe(pseudonymScope('t1', 'weekly', nextMonday));
  });
});

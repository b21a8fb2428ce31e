import { describe, expect, it } from 'vitest';
import { cardModel, repingDelayMs } from '../../../src/features/cases/card.js';
import { caseStats, formatDuration, median } from '../../../src/features/cases/stats.js';
import type { Case } from '../../../src/features/cases/store.js';

const at = (iso: string) => new Date(iso);
const base: Case = {
  id: '00000000-0000-0000-0000-000000000001', guildId: 'g', number: 7, kind: 'report', urgency: 'normal', state: 'open', subjectId: '111', reporterId: '222', anonymous: false,
  channelId: 'c', messageId: 'm', excerpt: 'text', summary: 'No reason given.', cardChannelId: null, cardMessageId: null, cardThreadId: null, helpThreadId: null,
  claimedBy: null, claimedAt: null, resolvedBy: null, resolvedAt: null, outcome: null, createdAt: at('2026-11-23T12:00:00Z'), updatedAt: at('2026-11-23T12:00:00Z'),
};

describe('case card', () => {
  it('offers Claim on an open case and Unclaim once claimed; only Note when resolved', () => {
    expect(cardModel(base).actions).toEqual(['claim', 'backup', 'note', 'resolve']);
    expect(cardModel({ ...base, state: 'claimed', claimedBy: '333' }).actions).toEqual(['unclaim', 'backup', 'note', 'resolve']);
    expect(cardModel({ ...base, state: 'resolved' }).actions).toEqual(['note']);
    expect(cardModel({ ...base, kind: 'anon-help', anonymous: true }).actions).toContain('reply');
  });

  it('names the member, or never does when anonymous; shows times as Discord timestamps', () => {
    const text = JSON.stringify(cardModel(base).fields);
    expect(text).toContain('<@111>');
    expect(text).toContain('<t:1795435200:F>');
    expect(text).not.toContain('222');
    expect(JSON.stringify(cardModel({ ...base, anonymous: true, subjectId: null }).fields)).toContain('Anonymous member');
  });

  it('re-pings urgent and other cases after the server’s delays (10 and 60 minutes by default)', () => {
    const defaults = { repingUrgentMinutes: 10, repingMinutes: 60 };
    expect(repingDelayMs('urgent', defaults)).toBe(600_000);
    expect(repingDelayMs('normal', defaults)).toBe(3_600_000);
    expect(repingDelayMs('urgent', { repingUrgentMinutes: 5, repingMinutes: 30 })).toBe(300_000);
  });
});

describe('case stats', () => {
  it('computes medians and per-moderator counts', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const rows: Case[] = [
      { ...base, claimedBy: 'a', claimedAt: at('2026-11-23T12:10:00Z'), resolvedBy: 'a', resolvedAt: at('2026-11-23T13:00:00Z'), state: 'resolved' },
      { ...base, claimedBy: 'b', claimedAt: at('2026-11-23T12:30:00Z'), state: 'claimed' },
      { ...base },
    ];
    const s = caseStats(rows);
    expect(s).toMatchObject({ opened: 3, claimed: 2, resolved: 1, medianToClaimMs: 20 * 60_000, medianToResolveMs: 60 * 60_000 });
    expect(s.perModerator).toEqual([{ moderatorId: 'a', claimed: 1, resolved: 1 }, { moderatorId: 'b', claimed: 1, resolved: 0 }]);
    expect(formatDuration(20 * 60_000)).toBe('20 min');
    expect(formatDuration(3 * 3_600_000)).toBe('3.0 h');
  });
});

import { describe, expect, it } from 'vitest';
import { auditLines } from '../../../src/features/audit/format.js';
import type { AuditRow } from '../../../src/db/schema/index.js';

const row = (i: number): AuditRow => ({
  id: `id-${i}`,
  guildId: '1',
  actorId: '222222222222222222',
  action: 'anon.block',
  target: `post ${i}`,
  details: { days: 7 },
  createdAt: new Date(Date.UTC(2027, 0, 1, 0, i)),
});

describe('audit log lines', () => {
  it('shows who did what, to what, when (as a Discord timestamp)', () => {
    expect(auditLines([row(1)], 1900)).toBe(`<t:${Date.UTC(2027, 0, 1, 0, 1) / 1000}:f> <@222222222222222222> **anon.block** → post 1 (days: 7)`);
  });

  it('stays within the budget and says how many entries it left out', () => {
    const text = auditLines(Array.from({ length: 60 }, (_, i) => row(i)), 1000);
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text).toMatch(/…and \d+ more: narrow it with `days` or `actor`\.$/);
  });
});

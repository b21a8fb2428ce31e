import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventsOf, claimCase, openCase, resolveCase } from '../../../src/features/cases/store.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/db.js';

const now = new Date('2026-11-23T12:00:00Z');

describe('case store', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('numbers cases per server without gaps or duplicates, even when opened at once', async () => {
    const opened = await Promise.all(Array.from({ length: 8 }, (_, i) => openCase(db.db, { guildId: 'g-num', kind: 'report', urgency: 'normal', summary: `s${i}` }, 'r', now)));
    expect(opened.map((c) => c.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const other = await openCase(db.db, { guildId: 'g-other', kind: 'help', urgency: 'normal', summary: 's' }, null, now);
    expect(other.number).toBe(1);
  });

  it('lets exactly one of many simultaneous claims win', async () => {
    const c = await openCase(db.db, { guildId: 'g-race', kind: 'crisis', urgency: 'urgent', summary: 's' }, null, now);
    const results = await Promise.all(['m1', 'm2', 'm3', 'm4'].map((m) => claimCase(db.db, c.id, m, now)));
    const winners = results.filter((r) => r?.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.case.claimedBy;
    expect(results.filter((r) => r && !r.ok).every((r) => r!.case.claimedBy === winner)).toBe(true);
    expect((await caseEventsOf(db.db, c.id)).map((e) => e.action)).toEqual(['open', 'claim']);
  });

  it('treats resolving a resolved case as a no-op', async () => {
    const c = await openCase(db.db, { guildId: 'g-res', kind: 'report', urgency: 'normal', summary: 's', excerpt: 'private words' }, null, now);
    expect((await resolveCase(db.db, c.id, 'm1', 'done', now))?.ok).toBe(true);
    const again = await resolveCase(db.db, c.id, 'm2', 'again', now);
    expect(again).toMatchObject({ ok: false, case: { resolvedBy: 'm1', outcome: 'done' } });
    const events = await caseEventsOf(db.db, c.id);
    expect(events.map((e) => [e.action, e.actorId, e.note]).sort()).toEqual([['open', null, null], ['resolve', 'm1', 'done']]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, recordAudit } from '../../../src/features/audit/audit-log.js';
import { caseEventsOf, getCase, openCase, resolveCase, addCaseEvent } from '../../../src/features/cases/store.js';
import { applyRetention } from '../../../src/features/privacy/retention.js';
import { updateGuildSettings } from '../../../src/features/settings/guild-settings.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/db.js';

const day = 86_400_000;
const t0 = new Date('2026-01-01T00:00:00Z');

describe('daily retention', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('drops audit entries older than each server’s period (1 year by default) and resolved cases’ details after theirs', async () => {
    await updateGuildSettings(db.db, 'short', { auditRetentionDays: 30, caseRetentionDays: 10 }, t0);
    for (const guildId of ['short', 'default']) await recordAudit(db.db, { guildId, actorId: 'a', action: 'settings.region' }, t0);
    const c = await openCase(db.db, { guildId: 'short', kind: 'report', urgency: 'normal', summary: 's', excerpt: 'private words' }, null, t0);
    await addCaseEvent(db.db, c, 'mod', 'note', t0, 'a private note');
    await resolveCase(db.db, c.id, 'mod', 'done', t0);

    await applyRetention(db.db, new Date(t0.getTime() + 9 * day));
    expect((await getCase(db.db, c.id))?.excerpt).toBe('private words');

    const result = await applyRetention(db.db, new Date(t0.getTime() + 31 * day));
    expect(result).toMatchObject({ audit: 1, cases: 1 });
    expect(await listAudit(db.db, 'short', { since: new Date(0) })).toEqual([]);
    expect(await listAudit(db.db, 'default', { since: new Date(0) })).toHaveLength(1);
    expect((await getCase(db.db, c.id))?.excerpt).toBeNull();
    const events = await caseEventsOf(db.db, c.id);
    expect(events.map((e) => [e.action, e.actorId, e.note]).sort()).toEqual([['note', 'mod', null], ['open', null, null], ['resolve', 'mod', null]]);

    await applyRetention(db.db, new Date(t0.getTime() + 366 * day));
    expect(await listAudit(db.db, 'default', { since: new Date(0) })).toEqual([]);
  });
});

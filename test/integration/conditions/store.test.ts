import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMembership, archiveCondition, findByName, insertCondition, joinedConditionIds, listConditions, memberCounts, removeMembership } from '../../../src/features/conditions/store.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/db.js';

const now = new Date('2026-11-23T12:00:00Z');
const base = { guildId: 'g1', description: 'd', emoji: null, channelId: 'c1', roleId: 'r1', discreet: false, greeting: true, ownsRole: true, ownsChannel: true, createdBy: 'admin' };

describe('condition store', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.truncate();
  });

  it('keeps names unique per server, case-insensitively, but allows re-adding after removal', async () => {
    const first = await insertCondition(db.db, { ...base, name: 'Breast cancer' }, now);
    await expect(insertCondition(db.db, { ...base, name: 'BREAST  cancer' }, now)).rejects.toThrow();
    await insertCondition(db.db, { ...base, guildId: 'g2', name: 'Breast cancer' }, now);
    await archiveCondition(db.db, first.id, now);
    expect(await findByName(db.db, 'g1', 'breast cancer')).toBeUndefined();
    await insertCondition(db.db, { ...base, name: 'Breast cancer' }, now);
    expect((await listConditions(db.db, 'g1')).map((c) => c.name)).toEqual(['Breast cancer']);
  });

  it('makes joining twice a no-op and leaving twice a no-op, and counts members', async () => {
    const c = await insertCondition(db.db, { ...base, name: 'Long COVID' }, now);
    expect(await addMembership(db.db, c, 'm1', now)).toBe(true);
    expect(await addMembership(db.db, c, 'm1', now)).toBe(false);
    expect(await addMembership(db.db, c, 'm2', now)).toBe(true);
    expect((await memberCounts(db.db, [c.id])).get(c.id)).toBe(2);
    expect(await removeMembership(db.db, c, 'm1')).toBe(true);
    expect(await removeMembership(db.db, c, 'm1')).toBe(false);
    expect([...(await joinedConditionIds(db.db, 'g1', 'm2'))]).toEqual([c.id]);
  });

  it('forgets every membership when a condition is removed', async () => {
    const c = await insertCondition(db.db, { ...base, name: 'Grief' }, now);
    await addMembership(db.db, c, 'm1', now);
    await archiveCondition(db.db, c.id, now);
    expect((await joinedConditionIds(db.db, 'g1', 'm1')).size).toBe(0);
  });
});

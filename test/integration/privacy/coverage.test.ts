import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/db/rows.js';
import { exemptMemberColumns, memberDataSources } from '../../../src/features/privacy/sources.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/db.js';

/** Column names that can hold a person (a Discord user id or a keyed hash of one). */
const personColumn = /(^|_)(member|user|author|subject|reporter|actor|claimed_by|resolved_by|created_by|added_by|decided_by|owner)(_id|_key|_seal)?$/;

describe('privacy coverage', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('every column that can name a member is erased by /privacy delete or exempt with a reason', async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await db.db.execute(sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and table_name not like '__drizzle%' order by 1, 2`),
    ).filter((c) => personColumn.test(c.column_name));
    expect(columns.length).toBeGreaterThan(5);
    const covered = new Set(
      memberDataSources.flatMap((s) => [`${s.table}.${s.memberColumn}`, ...(s.erase === 'delete' ? [] : s.erase.nullify.map((c) => `${s.table}.${c}`))]),
    );
    const uncovered = columns.map((c) => `${c.table_name}.${c.column_name}`).filter((name) => !covered.has(name) && !(name in exemptMemberColumns));
    expect(uncovered).toEqual([]);
  });

  it('every source names real tables and columns', async () => {
    for (const s of memberDataSources) {
      for (const column of [s.guildColumn, s.memberColumn, ...s.exportColumns]) {
        const found = rowsOf(await db.db.execute(sql`select 1 from information_schema.columns where table_name = ${s.table} and column_name = ${column}`));
        expect(found, `${s.table}.${column}`).toHaveLength(1);
      }
    }
  });
});

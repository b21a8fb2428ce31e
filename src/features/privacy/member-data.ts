import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.js';
import { rowsOf } from '../../db/rows.js';
import type { MemberDataSource } from './sources.js';

/** Turns a member id into what a source stores (the id itself, or a keyed hash). */
export interface MemberKeying {
  authorHash(guildId: string, memberId: string): string;
}

function matchValue(source: MemberDataSource, guildId: string, memberId: string, keying: MemberKeying): string {
  return source.stored === 'id' ? memberId : keying.authorHash(guildId, memberId);
}

function whereMember(source: MemberDataSource, guildId: string, memberId: string, keying: MemberKeying): SQL {
  return sql`${sql.identifier(source.guildColumn)} = ${guildId} and ${sql.identifier(source.memberColumn)} = ${matchValue(source, guildId, memberId, keying)}`;
}

export interface MemberDataSection {
  readonly table: string;
  readonly description: string;
  readonly rows: Record<string, unknown>[];
}

/** What Haven holds about one member in one server, per source (for /privacy show and export). */
export async function collectMemberData(db: DbOrTx, sources: readonly MemberDataSource[], guildId: string, memberId: string, keying: MemberKeying): Promise<MemberDataSection[]> {
  const sections: MemberDataSection[] = [];
  for (const source of sources) {
    const columns = sql.join(source.exportColumns.map((c) => sql.identifier(c)), sql`, `);
    const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`select ${columns} from ${sql.identifier(source.table)} where ${whereMember(source, guildId, memberId, keying)}`));
    sections.push({ table: source.table, description: source.description, rows });
  }
  return sections;
}

/** Erases one member's data in one server, all sources in one transaction. Returns rows touched per table. */
export async function eraseMemberData(db: DbOrTx, sources: readonly MemberDataSource[], guildId: string, memberId: string, keying: MemberKeying): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    for (const source of sources) {
      const where = whereMember(source, guildId, memberId, keying);
      const table = sql.identifier(source.table);
      const statement =
        source.erase === 'delete'
          ? sql`delete from ${table} where ${where} returning 1 as touched`
          : sql`update ${table} set ${sql.join(source.erase.nullify.map((c) => sql`${sql.identifier(c)} = null`), sql`, `)} where ${where} returning 1 as touched`;
      counts[source.table] = rowsOf(await tx.execute(statement)).length;
    }
    return counts;
  });
}

/** Erases everything Haven keeps for a server: every table with a guild_id column, found from the schema itself. */
export async function eraseGuildData(db: DbOrTx, guildId: string): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const tables = rowsOf<{ table_name: string }>(
      await tx.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'guild_id' order by table_name`),
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      counts[table_name] = rowsOf(await tx.execute(sql`delete from ${sql.identifier(table_name)} where guild_id = ${guildId} returning 1 as touched`)).length;
    }
    return counts;
  });
}

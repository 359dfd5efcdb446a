import type { RawDb } from '../database';

/** SQLite only: the schema as the database file holds it (sqlite_master, pragma_table_info). */

/** The ordinary tables (no FTS index or its shadow tables) that have a column of this name. */
export function tablesWithColumn(raw: RawDb, column: string): string[] {
  const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
    AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%_fts%'`).pluck().all() as string[];
  return tables.filter((t) => (raw.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).includes(column));
}

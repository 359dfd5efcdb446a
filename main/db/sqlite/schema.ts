import type { RawDb } from '../database';

/** SQLite only: the schema as the database file holds it (sqlite_master, pragma_table_info). */

/** The ordinary tables (no FTS index or its shadow tables) that have a column of this name. */
export function tablesWithColumn(raw: RawDb, column: string): string[] {
  const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
    AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%_fts%'`).pluck().all() as string[];
  return tables.filter((t) => (raw.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).includes(column));
}

/** Rows per ordinary table (no FTS shadow tables): what a backup must hold, checked after copying. */
export function tableCounts(conn: RawDb): Record<string, number> {
  const tables = conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'
    AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clients_fts%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) =>
    [name, (conn.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

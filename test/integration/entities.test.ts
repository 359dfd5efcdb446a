import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lock, type Session } from '../../main/vault';
import { freshVault } from '../support/vault';

/**
 * One data-access style: every table and view the migrations make has a TypeORM entity, with the
 * same columns. Left out: TypeORM's own `migrations` table and the FTS5 index of client search
 * (a virtual table and its shadow tables, SQLite-only, kept in main/db/sqlite/clientSearch.ts).
 */

let admin: Session;
beforeAll(async () => {
  admin = (await freshVault()).admin;
});
afterAll(() => lock(admin));

describe('entities and tables', () => {
  it('every table and view has an entity with exactly its columns, and every entity a table', () => {
    const raw = admin.db.raw;
    const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view')
      AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' AND name NOT LIKE 'clients_fts%' ORDER BY name`).pluck().all() as string[];
    const columnsOf = (t: string) => (raw.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).sort();
    const fromDb = Object.fromEntries(tables.map((t) => [t, columnsOf(t)]));
    const fromEntities = Object.fromEntries(admin.db.ds.entityMetadatas
      .map((m) => [m.tableName, m.columns.map((c) => c.databaseName).sort()]));
    expect(tables.length).toBeGreaterThan(30);
    const diff = (a: Record<string, string[]>, b: Record<string, string[]>) => Object.keys(a)
      .flatMap((t) => (b[t] ? a[t]!.filter((c) => !b[t]!.includes(c)).map((c) => `${t}.${c}`) : [t]));
    expect({ withoutEntity: diff(fromDb, fromEntities), withoutTable: diff(fromEntities, fromDb) }).toEqual({ withoutEntity: [], withoutTable: [] });
  });
});

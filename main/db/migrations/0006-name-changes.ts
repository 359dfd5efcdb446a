import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fuzzy name search matches typos against a cached vocabulary of name words, rebuilt when the
 * clients change. Additions and removals show in count(*) and max(id); a rename does not, so a
 * trigger counts renames (a changed zoeknaam that was not empty: the insert trigger fills it).
 */
export class NameChanges0006 implements MigrationInterface {
  name = 'NameChanges0000000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE client_name_changes (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)`);
    await q.query(`INSERT INTO client_name_changes (id, n) VALUES (1, 0)`);
    await q.query(`CREATE TRIGGER clients_name_changed AFTER UPDATE OF zoeknaam ON clients
        WHEN OLD.zoeknaam <> '' AND NEW.zoeknaam IS NOT OLD.zoeknaam
        BEGIN UPDATE client_name_changes SET n = n + 1 WHERE id = 1; END`);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The werkvoorraad's counts per phase and term for one consultant ("Mijn zaken", the screen's
 * default) from an index that holds every column they read: with only the phase index SQLite
 * looked up each of 13,000 open cases to test its consultant (~7 ms per call at 100,000 clients),
 * now it reads her few hundred index entries. Replaces the consultant-only index, its prefix.
 */
export class WerkvoorraadTelling0022 implements MigrationInterface {
  name = 'WerkvoorraadTelling0000000000022';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX idx_werkvoorraad_stand_consulent_fase ON werkvoorraad_stand(consulent_id, fase, termijn_id, uiterlijk)');
    await q.query('DROP INDEX idx_werkvoorraad_stand_consulent');
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}

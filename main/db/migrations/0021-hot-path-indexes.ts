import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for statements the server bench found scanning a whole table on every call:
 * the next toewijzingnummer at vaststelling (MAX over all indicaties, ~100 ms at 100,000 clients);
 * the werkvoorraad's counts per phase and its default order (nearest term first).
 */
export class HotPathIndexes0021 implements MigrationInterface {
  name = 'HotPathIndexes0000000000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX idx_indicaties_toewijzing ON indicaties(toewijzing_nummer)');
    await q.query('CREATE INDEX idx_werkvoorraad_stand_fase ON werkvoorraad_stand(fase, termijn_id, uiterlijk)');
    await q.query('CREATE INDEX idx_werkvoorraad_stand_uiterlijk ON werkvoorraad_stand((uiterlijk IS NULL), uiterlijk, melding_id)');
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A beëindiging (or wijziging) takes effect on a date: `per_datum`. Once the beschikking is
 * vastgesteld that date is as immutable as the rest of it, so the immutability trigger is renewed
 * to cover the new column.
 */
export class Beeindiging0005 implements MigrationInterface {
  name = 'Beeindiging0000000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE beschikkingen ADD COLUMN per_datum TEXT`);
    await q.query(`DROP TRIGGER beschikkingen_immutable`);
    await q.query(`CREATE TRIGGER beschikkingen_immutable BEFORE UPDATE ON beschikkingen
        WHEN OLD.status IN ('vastgesteld', 'verzonden') AND (
          NEW.soort IS NOT OLD.soort OR NEW.besluit_tekst IS NOT OLD.besluit_tekst
          OR NEW.motivering IS NOT OLD.motivering OR NEW.wettelijke_grondslag IS NOT OLD.wettelijke_grondslag
          OR NEW.aanvraag_id IS NOT OLD.aanvraag_id OR NEW.kenmerk IS NOT OLD.kenmerk
          OR NEW.auteur_id IS NOT OLD.auteur_id OR NEW.accordeur_id IS NOT OLD.accordeur_id
          OR NEW.vastgesteld_op IS NOT OLD.vastgesteld_op OR NEW.vervangt_id IS NOT OLD.vervangt_id
          OR NEW.per_datum IS NOT OLD.per_datum
          OR NEW.status NOT IN ('vastgesteld', 'verzonden'))
        BEGIN SELECT RAISE(ABORT, 'een vastgestelde beschikking is onveranderlijk'); END`);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}

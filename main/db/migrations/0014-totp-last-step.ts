import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TOTP replay protection (RFC 6238 §5.2): the time step of the last accepted code, kept next to
 * the secret, so the same 6 digits are refused a second time within their window.
 */
export class TotpLastStep0014 implements MigrationInterface {
  name = 'TotpLastStep0000000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE user_credentials ADD COLUMN totp_last_step INTEGER');
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}

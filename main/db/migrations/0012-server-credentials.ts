import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team-server mode: users are checked against password verifiers kept inside the encrypted
 * database (no key slot per user), with an optional TOTP second factor and one-time recovery
 * codes (stored hashed). A copy of the database without its key gives none of this away.
 */
export class ServerCredentials0012 implements MigrationInterface {
  name = 'ServerCredentials0000000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE user_credentials (
      user_id INTEGER PRIMARY KEY REFERENCES users(id),
      verifier TEXT NOT NULL,
      totp_secret TEXT,
      totp_confirmed_at TEXT,
      recovery_codes TEXT NOT NULL DEFAULT '[]',
      updated_at TEXT NOT NULL
    )`);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}

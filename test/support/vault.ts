import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KdfParams } from '../../main/db/keyslots';
import { addUser, initVault, unlock, type Session } from '../../main/vault';
import type { Role } from '../../shared/roles';

/** Cheap scrypt for tests only (the floor, KDF_FLOOR): the production default (N=2^17) is set in keyslots.ts. */
export const TEST_KDF: KdfParams = { N: 2 ** 14, r: 8, p: 1 };
export const ADMIN_PASSWORD = 'correct paard batterij niet';
export const USER_PASSWORD = 'een ander lang wachtwoord';

export function tempDir(prefix = 'loket-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The test municipality's pick lists (migration 0015): the wijken and contracted aanbieders the
 * test cases use, as a beheerder would have entered them before the desk starts.
 */
export const TEST_WIJKEN = ['Centrum', 'Noord', 'Oost', 'Zuid'] as const;
export const TEST_AANBIEDERS = [
  ['12345678', 'Thuiszorg De Linde'], ['87654321', 'Jeugdhulp Noord'], ['42420001', 'Aanbieder Een'],
  ['42420002', 'Aanbieder Twee'], ['11111111', 'Hulpmiddelen BV'],
] as const;

/** A fresh encrypted database with a beheerder 'beheer', the test pick lists and the given users (password USER_PASSWORD). */
export async function freshVault(users: { username: string; roles: Role[]; mandaat?: string }[] = []):
  Promise<{ file: string; dir: string; recoveryKey: string; admin: Session }> {
  const dir = tempDir();
  const file = path.join(dir, 'loket.db');
  const { recoveryKey } = await initVault({
    file, gemeente: 'Voorbeeldstad', gemeentecode: '9999', admin: 'beheer', adminName: 'Bea Heerder',
    password: ADMIN_PASSWORD, kdf: TEST_KDF, route: 'test',
  });
  const admin = await unlock({ file, username: 'beheer', password: ADMIN_PASSWORD, route: 'test', kdf: TEST_KDF });
  for (const naam of TEST_WIJKEN) admin.db.raw.prepare('INSERT INTO wijken (naam) VALUES (?)').run(naam);
  for (const [agb, naam] of TEST_AANBIEDERS) admin.db.raw.prepare('INSERT INTO aanbieders (agb_code, naam) VALUES (?, ?)').run(agb, naam);
  for (const u of users) {
    await addUser(admin, { username: u.username, displayName: u.username, roles: u.roles, mandaat: u.mandaat ?? null, password: USER_PASSWORD });
  }
  return { file, dir, recoveryKey, admin };
}

export function login(file: string, username: string, password = USER_PASSWORD): Promise<Session> {
  return unlock({ file, username, password, route: 'test', kdf: TEST_KDF });
}

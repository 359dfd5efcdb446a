import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendLog, verifyLogWithAnchors } from '../../main/auditlog';
import { applyKey } from '../../main/db/database';
import { SettingEntity, UserEntity } from '../../main/db/entities';
import { keysDir, openSlot, writeSlot } from '../../main/db/keyslots';
import { backup, databaseIdOf, initVault, lock, removeUser, restore, unlock } from '../../main/vault';
import { LoketError } from '../../shared/errors';
import { ADMIN_PASSWORD, freshVault, login, TEST_KDF, tempDir, USER_PASSWORD } from '../support/vault';

const annaSlot = (file: string) => path.join(keysDir(file), 'gebruiker-anna.slot');
const bramSlot = (file: string) => path.join(keysDir(file), 'gebruiker-bram.slot');

async function dutchRefusal(p: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(LoketError);
  expect((e as LoketError).code).toBe(code);
  expect((e as LoketError).message).toMatch(message);
}

describe('removing a user', () => {
  it('rotates the key so her old slot and a slot she plants for a colleague open nothing', async () => {
    const { file, dir, admin } = await freshVault([{ username: 'anna', roles: ['consulent'] }, { username: 'bram', roles: ['besluitbevoegd'], mandaat: 'Mandaatbesluit Wmo 2026' }]);
    // What anna takes home while she still works here: her slot file and the database key it opens.
    const keptSlot = readFileSync(annaSlot(file));
    const oldKey = await openSlot(file, 'anna', USER_PASSWORD);
    const annaId = (await admin.db.ds.getRepository(UserEntity).findOneByOrFail({ username: 'anna' })).id;
    await admin.db.write((m) => m.insert(SettingEntity, { key: `concepten.sleutel.${annaId}`, value: 'oude-conceptsleutel' }));

    const removed = await removeUser(admin, 'anna', { backupTo: path.join(dir, 'voor-verwijderen.db') });
    // The verified backup came first and holds no slot of hers.
    expect(removed.backup?.counts.users).toBe(3);
    expect(() => readFileSync(annaSlot(removed.backup!.file))).toThrow();
    expect(await admin.db.ds.getRepository(SettingEntity).findOneBy({ key: `concepten.sleutel.${annaId}` })).toBeNull();

    // The old-slot trick: her kept slot back in place. It still opens (her password), but only the old key.
    writeFileSync(annaSlot(file), keptSlot);
    await dutchRefusal(login(file, 'anna'), 'wachtwoord', /De sleutel van gebruiker anna opent deze database niet \(meer\): de databasesleutel is vervangen/);
    const conn = new Sqlite(file, { readonly: true });
    expect(() => applyKey(conn, oldKey)).toThrow(LoketError);
    conn.close();

    // The planted-slot trick: with the old key, a slot for bram with a password anna chose.
    const realBram = readFileSync(bramSlot(file));
    await writeSlot(file, 'bram', 'anna kiest dit wachtwoord', oldKey, TEST_KDF, { databaseId: databaseIdOf(admin.db.raw) });
    await dutchRefusal(login(file, 'bram', 'anna kiest dit wachtwoord'), 'wachtwoord', /De sleutel van gebruiker bram opent deze database niet \(meer\)/);
    writeFileSync(bramSlot(file), realBram);
    // Bram himself never needed a new password: the new key was sealed to his slot.
    await lock(await login(file, 'bram'));
    await lock(admin);
  });

  it('refuses a slot with weakened scrypt parameters or moved to another user, in Dutch', async () => {
    const { file, admin } = await freshVault([{ username: 'anna', roles: ['consulent'] }, { username: 'bram', roles: ['consulent'] }]);
    await lock(admin);
    const original = readFileSync(annaSlot(file), 'utf8');
    const slot = JSON.parse(original) as Record<string, unknown>;
    writeFileSync(annaSlot(file), JSON.stringify({ ...slot, N: 2 ** 10 }));
    await dutchRefusal(login(file, 'anna'), 'wachtwoord', /De sleutel van gebruiker anna is te zwak beveiligd \(scrypt N=1024, r=8, p=1; minimaal N=16384/);
    // Within the floor but not the parameters it was made with: the GCM tag binds them.
    writeFileSync(annaSlot(file), JSON.stringify({ ...slot, N: 2 ** 15 }));
    await dutchRefusal(login(file, 'anna'), 'wachtwoord', /wachtwoord klopt niet/);
    // Another database id: bound as well.
    writeFileSync(annaSlot(file), JSON.stringify({ ...slot, databaseId: '0'.repeat(32) }));
    await dutchRefusal(login(file, 'anna'), 'wachtwoord', /wachtwoord klopt niet/);
    // Anna's slot renamed to bram's file: the owner is bound.
    writeFileSync(annaSlot(file), original);
    copyFileSync(annaSlot(file), bramSlot(file));
    await dutchRefusal(login(file, 'bram'), 'wachtwoord', /wachtwoord klopt niet/);
    await lock(await login(file, 'anna'));
  });
});

describe('restore', () => {
  async function anchoredVault() {
    const dir = tempDir('loket-herstel-');
    const file = path.join(dir, 'loket.db');
    const anchor = { file: path.join(dir, 'anker', 'loket.anker') };
    await initVault({ file, gemeente: 'Voorbeeldstad', gemeentecode: '9999', admin: 'beheer', password: ADMIN_PASSWORD, kdf: TEST_KDF, route: 'test', anchor });
    const admin = await unlock({ file, username: 'beheer', password: ADMIN_PASSWORD, route: 'test', kdf: TEST_KDF, anchor });
    return { dir, file, anchor, admin };
  }

  it('refuses a removed user with an old backup, and a non-beheerder, in Dutch', async () => {
    const { dir, file, anchor, admin } = await anchoredVault();
    const { addUser } = await import('../../main/vault');
    await addUser(admin, { username: 'anna', displayName: 'Anna', roles: ['beheerder'], password: USER_PASSWORD });
    await addUser(admin, { username: 'bram', displayName: 'Bram', roles: ['consulent'], password: USER_PASSWORD });
    const old = path.join(dir, 'oud.db');
    await backup(admin, old);
    await removeUser(admin, 'anna', { backupTo: path.join(dir, 'voor-verwijderen.db') });
    await lock(admin);
    // Anna was a beheerder in the backup, and her password opens it; the live database does not know her any more.
    await dutchRefusal(restore({ from: old, to: file, username: 'anna', password: USER_PASSWORD, force: true, reason: 'ik wil terug naar vroeger', anchor, kdf: TEST_KDF }),
      'wachtwoord', /Terugzetten op .* kan alleen met het wachtwoord van een beheerder van die database of met de herstelsleutel/);
    await dutchRefusal(restore({ from: old, to: file, username: 'bram', password: USER_PASSWORD, force: true, reason: 'ik wil terug naar vroeger', anchor, kdf: TEST_KDF }),
      'geen_toegang', /Alleen een beheerder van .* \(of de herstelsleutel\) mag een back-up terugzetten; bram is dat niet/);
    // The live database is untouched and anna is still out.
    await dutchRefusal(login(file, 'anna'), 'wachtwoord', /wachtwoord klopt niet/);
  });

  it('refuses a backup of another database and one older than the anchors unless forced with a reason; logs a forced restore', async () => {
    const { dir, file, anchor, admin } = await anchoredVault();
    const { addUser } = await import('../../main/vault');
    await addUser(admin, { username: 'anna', displayName: 'Anna', roles: ['consulent'], password: USER_PASSWORD });
    const old = path.join(dir, 'oud.db');
    await backup(admin, old);
    const oldHead = JSON.parse(readFileSync(`${old}.anker`, 'utf8')) as { seq: number; chain: string };
    expect(oldHead.chain).toBe(databaseIdOf(admin.db.raw));
    for (let i = 0; i < 5; i++) {
      await admin.db.write(async () => { appendLog(admin.db.raw, { actor: 'beheer', action: 'lezen', objectType: 'client', objectId: i, result: 'gelukt', origin: admin.origin }); });
    }
    await removeUser(admin, 'anna', { backupTo: path.join(dir, 'voor-verwijderen.db') });
    await lock(admin);

    const other = await freshVault();
    const foreign = path.join(other.dir, 'ander.db');
    await backup(other.admin, foreign);
    await lock(other.admin);
    await dutchRefusal(restore({ from: foreign, to: file, username: 'beheer', password: ADMIN_PASSWORD, force: true, reason: 'verkeerde back-up gekozen', anchor, kdf: TEST_KDF }),
      'conflict', /De back-up .* hoort bij een andere database \(id [0-9a-f]{32}\) dan .* en wordt niet teruggezet/);

    await dutchRefusal(restore({ from: old, to: file, username: 'beheer', password: ADMIN_PASSWORD, anchor, kdf: TEST_KDF }),
      'conflict', new RegExp(`De back-up is ouder dan het anker van het toegangslog \\(het log is ingekort: .* de database eindigt bij regel ${oldHead.seq}\\)`));
    await dutchRefusal(restore({ from: old, to: file, username: 'beheer', password: ADMIN_PASSWORD, force: true, anchor, kdf: TEST_KDF }),
      'conflict', /doe het alleen met --force en een geschreven --reden/);

    const reason = 'schijf van de werkplek vervangen, test van de terugzetprocedure';
    const res = await restore({ from: old, to: file, username: 'beheer', password: ADMIN_PASSWORD, force: true, reason, anchor, kdf: TEST_KDF });
    expect(res.head.seq).toBe(oldHead.seq + 1);
    const s = await unlock({ file, username: 'beheer', password: ADMIN_PASSWORD, route: 'test', kdf: TEST_KDF, anchor });
    const entry = s.db.raw.prepare('SELECT actor, detail FROM access_log WHERE seq = ?').get(oldHead.seq + 1) as { actor: string; detail: string };
    expect(entry.actor).toBe('beheer');
    expect(entry.detail).toContain(`reden: ${reason}`);
    // Anna is active in the old rows, but the restored database took the live slots: she stays out.
    expect((await s.db.ds.getRepository(UserEntity).findOneByOrFail({ username: 'anna' })).active).toBe(true);
    await dutchRefusal(login(file, 'anna'), 'wachtwoord', /wachtwoord klopt niet/);
    // The anchor records the restore; from there on the log checks out again, and says so.
    const anchorLines = readFileSync(anchor.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; detail: string | null });
    expect(anchorLines.some((l) => l.event === 'herstel' && l.detail?.includes(reason))).toBe(true);
    const check = verifyLogWithAnchors(s.db.raw, databaseIdOf(s.db.raw), [anchor.file]);
    expect(check.ok).toBe(true);
    expect(check.anchors?.restores[0]?.detail).toContain(reason);
    await lock(s);
  });
});

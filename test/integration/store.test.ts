import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendLog, verifyLog } from '../../main/auditlog';
import { applyKey, openDatabase } from '../../main/db/database';
import { ClientEntity, UserEntity } from '../../main/db/entities';
import { openSlot } from '../../main/db/keyslots';
import {
  backup, changePassword, listUsers, lock, rekey, removeUser, resetPassword, restore, unlock,
  unlockWithRecoveryKey,
} from '../../main/vault';
import { LoketError } from '../../shared/errors';
import { ADMIN_PASSWORD, freshVault, login, TEST_KDF, tempDir, USER_PASSWORD } from '../support/vault';

const PEOPLE = [
  { bsn: '999993847', geslachtsnaam: 'Oosterhuis', voornamen: 'Wilhelmina' },
  { bsn: '999993483', geslachtsnaam: 'Zwanenburg', voornamen: 'Cornelis' },
  { bsn: '999990482', geslachtsnaam: 'IJsselmuiden', voornamen: 'Geertruida' },
];

function clientRow(p: (typeof PEOPLE)[number]) {
  const now = new Date().toISOString();
  return {
    ...p, voorletters: null, voorvoegsel: null, partnerVoorvoegsel: null, partnerGeslachtsnaam: null,
    naamgebruik: 'E', geslacht: '2', geboortedatum: '1948-03-02', straat: 'Kerkstraat', huisnummer: 12,
    huisletter: null, huisnummerToevoeging: null, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
    telefoon: null, email: null, wijk: 'Centrum', geheimhouding: false, overleden: false,
    nietIngezetene: false, householdId: null, createdAt: now, updatedAt: now,
  };
}

function filesIn(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function containsAny(file: string, needles: string[]): string[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le')));
}

describe('encrypted store', () => {
  it('keeps names and BSNs out of the database file, its WAL and journal', async () => {
    const { file, admin } = await freshVault();
    await admin.db.write((m) => m.insert(ClientEntity, PEOPLE.map(clientRow)));
    const needles = PEOPLE.flatMap((p) => [p.bsn, p.geslachtsnaam, p.voornamen]);
    // While open, the recent writes sit in the WAL.
    expect(existsSync(`${file}-wal`)).toBe(true);
    for (const suffix of ['', '-wal', '-shm', '-journal']) expect(containsAny(file + suffix, needles)).toEqual([]);
    await lock(admin);
    for (const suffix of ['', '-wal', '-shm', '-journal']) expect(containsAny(file + suffix, needles)).toEqual([]);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // And the rows are really there for the right key.
    const again = await unlock({ file, username: 'beheer', password: ADMIN_PASSWORD, route: 'test' });
    expect(await again.db.ds.getRepository(ClientEntity).count()).toBe(3);
    await lock(again);
  });

  it('refuses a wrong password with a Dutch error and leaves every file byte-identical', async () => {
    const { file, dir, admin } = await freshVault();
    await lock(admin);
    const before = filesIn(dir);
    const err = await unlock({ file, username: 'beheer', password: 'fout wachtwoord van iemand', route: 'test' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoketError);
    expect((err as LoketError).code).toBe('wachtwoord');
    expect((err as LoketError).message).toMatch(/wachtwoord klopt niet/);
    // Nothing of the database or its slots changes; only the failed-login counter beside it (the lockout) appears.
    const { [path.basename(`${file}.aanmeldpogingen`)]: counter, ...after } = filesIn(dir);
    expect(after).toEqual(before);
    expect(counter).toBeDefined();
    const ok = await unlock({ file, username: 'beheer', password: ADMIN_PASSWORD, route: 'test' });
    expect(ok.user.username).toBe('beheer');
    await lock(ok);
  });

  it('lets two users unlock the same database; a removed user no longer can', async () => {
    const { file, admin } = await freshVault([{ username: 'anna', roles: ['consulent'] }, { username: 'bram', roles: ['besluitbevoegd'] }]);
    const anna = await login(file, 'anna');
    await lock(anna);
    const bram = await login(file, 'bram');
    await lock(bram);
    await removeUser(admin, 'anna');
    await expect(login(file, 'anna')).rejects.toMatchObject({ code: 'wachtwoord' });
    expect((await listUsers(admin)).find((u) => u.username === 'anna')?.active).toBe(false);
    const bram2 = await login(file, 'bram');
    await lock(bram2);
    await lock(admin);
  });

  it('opens with the recovery key after every password is lost, and a new password then works', async () => {
    const { file, recoveryKey, admin } = await freshVault();
    await lock(admin);
    // Typed sloppily: lower case, spaces for dashes.
    const rescue = await unlockWithRecoveryKey(file, recoveryKey.toLowerCase().replace(/-/g, ' '), 'test', TEST_KDF);
    await resetPassword(rescue, 'beheer', 'nieuw wachtwoord na verlies');
    await lock(rescue);
    const s = await unlock({ file, username: 'beheer', password: 'nieuw wachtwoord na verlies', route: 'test' });
    await lock(s);
    await expect(unlockWithRecoveryKey(file, 'AAAA-BBBB', 'test')).rejects.toMatchObject({ code: 'wachtwoord' });
  });

  it('changes one password by rewriting one slot', async () => {
    const { file, dir, admin } = await freshVault([{ username: 'anna', roles: ['consulent'] }]);
    const anna = await login(file, 'anna');
    const before = filesIn(path.join(dir, 'loket.db.keys'));
    await expect(changePassword(anna, 'niet het oude wachtwoord', 'x'.repeat(14))).rejects.toMatchObject({ code: 'wachtwoord' });
    await changePassword(anna, USER_PASSWORD, 'mijn nieuwe wachtzin 2026');
    const after = filesIn(path.join(dir, 'loket.db.keys'));
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual(['gebruiker-anna.slot']);
    await lock(anna);
    await expect(login(file, 'anna')).rejects.toMatchObject({ code: 'wachtwoord' });
    await lock(await login(file, 'anna', 'mijn nieuwe wachtzin 2026'));
    await lock(admin);
  });

  it('rotates the database key after a verified backup, sealing the new key to every slot', async () => {
    const { file, dir, admin } = await freshVault([{ username: 'anna', roles: ['consulent'] }]);
    await admin.db.write((m) => m.insert(ClientEntity, PEOPLE.map(clientRow)));
    const oldKey = await openSlot(file, 'beheer', ADMIN_PASSWORD);
    const result = await rekey(admin, { backupTo: path.join(dir, 'voor-rekey.db'), password: ADMIN_PASSWORD });
    expect(result.usersToReset).toEqual([]);
    expect(result.backup.counts.clients).toBe(3);
    await lock(admin);
    const conn = new Sqlite(file, { readonly: true });
    expect(() => applyKey(conn, oldKey)).toThrow(LoketError);
    conn.close();
    const s = await unlock({ file, username: 'beheer', password: ADMIN_PASSWORD, route: 'test' });
    expect(await s.db.ds.getRepository(ClientEntity).count()).toBe(3);
    await lock(s);
    // Anna's slot took the new key without her password (sealed to her public key).
    await lock(await login(file, 'anna'));
    const rescue = await unlockWithRecoveryKey(file, result.recoveryKey, 'test');
    await lock(rescue);
  });
});

describe('crash safety', () => {
  it('keeps every committed transaction after SIGKILL in the middle of a stream of writes', async () => {
    const { file, admin } = await freshVault();
    await lock(admin);
    const key = await openSlot(file, 'beheer', ADMIN_PASSWORD);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../support/writer-child.ts'), file], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.end(key.toString('hex'));
    const committed: number[] = [];
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) if (/^\d+$/.test(l)) committed.push(Number(l));
        if (committed.length >= 300) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended with ${signal}`))));
    });
    const db = await openDatabase(file, key);
    expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = new Set((db.raw.prepare('SELECT id FROM households').all() as { id: number }[]).map((r) => r.id));
    for (const id of committed) expect(ids.has(id)).toBe(true);
    await db.close();
  });
});

describe('migrations', () => {
  function schemaOf(raw: Sqlite.Database): string[] {
    return (raw.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
      .all() as { type: string; name: string; sql: string | null }[])
      .map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`);
  }

  it('migrates a database made at the first migration forward, keeping its rows', async () => {
    const dir = tempDir();
    const key = Buffer.alloc(32, 7);
    const oldFile = path.join(dir, 'oud.db');
    const old = await openDatabase(oldFile, key, { create: true, migrationsUpTo: 1 });
    await old.write((m) => m.insert(ClientEntity, PEOPLE.map(clientRow)));
    expect(old.raw.prepare(`SELECT count(*) n FROM pragma_table_info('clients') WHERE name = 'zoeknaam'`).get()).toEqual({ n: 0 });
    await old.close();

    const upgraded = await openDatabase(oldFile, key);
    const rows = upgraded.raw.prepare('SELECT bsn, geslachtsnaam, zoeknaam FROM clients ORDER BY bsn').all() as
      { bsn: string; geslachtsnaam: string; zoeknaam: string }[];
    expect(rows.map((r) => r.bsn)).toEqual(PEOPLE.map((p) => p.bsn).sort());
    expect(rows.find((r) => r.bsn === '999990482')?.zoeknaam).toContain('ijsselmuiden');
    const fts = upgraded.raw.prepare(`SELECT rowid FROM clients_fts WHERE clients_fts MATCH 'sselm'`).all();
    expect(fts).toHaveLength(1);

    const fresh = await openDatabase(path.join(dir, 'nieuw.db'), key, { create: true });
    // The same schema either way: no migration may only work on an empty database.
    expect(schemaOf(upgraded.raw)).toEqual(schemaOf(fresh.raw));
    expect(schemaOf(fresh.raw)).toMatchSnapshot();
    await upgraded.close();
    await fresh.close();
  });
});

describe('access log', () => {
  it('verifies a real log and names the exact entry after one is altered', async () => {
    const { file, admin } = await freshVault([{ username: 'anna', roles: ['consulent'] }]);
    for (let i = 0; i < 20; i++) {
      appendLog(admin.db.raw, { actor: 'anna', action: 'lezen', objectType: 'client', objectId: i, clientId: i, result: 'gelukt', origin: admin.origin });
    }
    const good = verifyLog(admin.db.raw);
    expect(good.ok).toBe(true);
    expect(good.entries).toBeGreaterThan(20);
    // The triggers refuse edits through SQL...
    expect(() => admin.db.raw.prepare(`UPDATE access_log SET actor = 'x' WHERE seq = 12`).run()).toThrow(/alleen aan te vullen/);
    expect(() => admin.db.raw.prepare(`DELETE FROM access_log WHERE seq = 12`).run()).toThrow(/alleen aan te vullen/);
    // ...so an attacker with the key drops them first; the chain still gives it away.
    admin.db.raw.exec('DROP TRIGGER access_log_no_update');
    admin.db.raw.prepare(`UPDATE access_log SET object_id = '999' WHERE seq = 12`).run();
    expect(verifyLog(admin.db.raw)).toMatchObject({ ok: false, firstBroken: { seq: 12 } });
    admin.db.raw.exec('DROP TRIGGER access_log_no_delete');
    admin.db.raw.prepare(`DELETE FROM access_log WHERE seq = 5`).run();
    expect(verifyLog(admin.db.raw)).toMatchObject({ ok: false, firstBroken: { seq: 5 } });
    await lock(admin);
    void file;
  });
});

describe('backup and restore', () => {
  it('takes a backup while another connection writes, and restores the same users and rows', async () => {
    const { file, dir, admin } = await freshVault([{ username: 'anna', roles: ['consulent'] }]);
    await admin.db.write((m) => m.insert(ClientEntity, PEOPLE.map(clientRow)));
    const key = await openSlot(file, 'beheer', ADMIN_PASSWORD);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../support/writer-child.ts'), file, '2'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.end(key.toString('hex'));
    // Let the other writer get going before the snapshot.
    await new Promise<void>((resolve) => {
      let n = 0;
      child.stdout.on('data', (d: Buffer) => {
        n += d.toString().split('\n').length - 1;
        if (n >= 50) resolve();
      });
    });
    const out = path.join(dir, 'backup', 'loket-backup.db');
    const bak = await backup(admin, out).finally(() => child.kill('SIGKILL'));
    expect(bak.counts.clients).toBe(3);
    expect(bak.counts.households).toBeGreaterThanOrEqual(50);

    const target = path.join(dir, 'teruggezet.db');
    await expect(restore({ from: out, to: target, username: 'beheer', password: 'verkeerd wachtwoord!!' }))
      .rejects.toMatchObject({ code: 'wachtwoord' });
    const restored = await restore({ from: out, to: target, username: 'beheer', password: ADMIN_PASSWORD });
    expect(restored.counts).toEqual(bak.counts);
    const s = await login(target, 'anna');
    expect((await s.db.ds.getRepository(UserEntity).find()).map((u) => u.username).sort()).toEqual(['anna', 'beheer']);
    const bsns = (await s.db.ds.getRepository(ClientEntity).find()).map((c) => c.bsn).sort();
    expect(bsns).toEqual(PEOPLE.map((p) => p.bsn).sort());
    await lock(s);
    await lock(admin);
  });
});

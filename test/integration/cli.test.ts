import { mkdtempSync, existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/commands';
import { runCli } from '../../main/cli/loket';
import { Desk, vastgesteldeToekenning } from '../support/cases';
import { USER_PASSWORD } from '../support/vault';
import { createHash } from 'node:crypto';

/** The `loket` command line, run in-process with scripted environment variables (no TTY, as in CI). */
function io(env: Record<string, string>): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout, stderr, env,
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    prompt: () => Promise.reject(new Error('no prompt in tests')),
  };
}

describe('loket command line', () => {
  it('inits, manages users, verifies the log, backs up and restores', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-cli-'));
    const db = path.join(dir, 'loket.db');
    const admin = { LOKET_USER: 'beheer', LOKET_PASSWORD: 'een heel lang beheerderswachtwoord' };

    const help = io({});
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.stdout.join('')).toMatch(/loket \[--db BESTAND\] OPDRACHT/);

    const init = io(admin);
    expect(await runCli(['--db', db, 'init', '--gemeente', 'Voorbeeldstad', '--gemeentecode', '9999', '--admin', 'beheer'], init)).toBe(0);
    const recovery = /HERSTELSLEUTEL[^\n]*\n\n\s+([A-Z0-9-]+)/.exec(init.stdout.join('\n'))?.[1];
    expect(recovery).toMatch(/^([A-Z0-9]{4}-){12}[A-Z0-9]{4}$/);

    const again = io(admin);
    expect(await runCli(['--db', db, 'init', '--gemeente', 'X', '--gemeentecode', '9999', '--admin', 'beheer'], again)).toBe(1);
    expect(again.stderr.join('')).toMatch(/Er staat al een database/);

    const add = io({ ...admin, LOKET_NEW_PASSWORD: 'anna haar wachtwoord 1' });
    expect(await runCli(['--db', db, 'user', 'add', 'anna', '--naam', 'Anna de Vries', '--rol', 'consulent'], add)).toBe(0);
    const badRole = io({ ...admin, LOKET_NEW_PASSWORD: 'anna haar wachtwoord 1' });
    expect(await runCli(['--db', db, 'user', 'add', 'bob', '--rol', 'koning'], badRole)).toBe(1);
    expect(badRole.stderr.join('')).toMatch(/Fout: .*roles/);

    const list = io(admin);
    expect(await runCli(['--db', db, 'user', 'list'], list)).toBe(0);
    expect(list.stdout.join('\n')).toMatch(/anna\tAnna de Vries\tconsulent\tactief/);

    const wrong = io({ LOKET_USER: 'anna', LOKET_PASSWORD: 'fout wachtwoord' });
    expect(await runCli(['--db', db, 'verify-log'], wrong)).toBe(1);
    expect(wrong.stderr.join('')).toMatch(/wachtwoord klopt niet/);
    expect(wrong.stderr.join('')).not.toMatch(/at .*\.ts/);

    const call = io({ LOKET_USER: 'anna', LOKET_PASSWORD: 'anna haar wachtwoord 1' });
    expect(await runCli(['--db', db, 'call', 'client.create', '--json', JSON.stringify({ bsn: '999993847', voornamen: 'Wil', geslachtsnaam: 'Dijk', geboortedatum: '1941-05-12' })], call)).toBe(0);
    expect(JSON.parse(call.stdout.join(''))).toMatchObject({ ok: true, value: { bsn: '999993847' } });
    const badBsn = io({ LOKET_USER: 'anna', LOKET_PASSWORD: 'anna haar wachtwoord 1' });
    expect(await runCli(['--db', db, 'call', 'client.create', '--json', JSON.stringify({ bsn: '123456789', voornamen: 'A', geslachtsnaam: 'B', geboortedatum: '1950-01-01' })], badBsn)).toBe(1);
    expect(badBsn.stderr.join('')).toMatch(/BSN 123456789 klopt niet: de elfproef faalt/);

    // backup, rekey and user list go through the router: the channel table's roles decide.
    const annaBackup = io({ LOKET_USER: 'anna', LOKET_PASSWORD: 'anna haar wachtwoord 1' });
    expect(await runCli(['--db', db, 'backup', '--out', path.join(dir, 'anna.db')], annaBackup)).toBe(1);
    expect(annaBackup.stderr.join('')).toMatch(/Uw rol \(consulent\) mag dit niet doen \(database\.backup\)/);
    expect(existsSync(path.join(dir, 'anna.db'))).toBe(false);

    const verify = io(admin);
    expect(await runCli(['--db', db, 'verify-log'], verify)).toBe(0);
    expect(verify.stdout.join('')).toMatch(/Toegangslog in orde: \d+ regels/);

    const bak = path.join(dir, 'backup.db');
    expect(await runCli(['--db', db, 'backup', '--out', bak], io(admin))).toBe(0);
    expect(existsSync(bak) && existsSync(`${bak}.keys`)).toBe(true);
    expect(readFileSync(bak).includes(Buffer.from('Dijk'))).toBe(false);

    const restored = path.join(dir, 'terug.db');
    expect(await runCli(['--db', restored, 'restore', '--from', bak], io(admin))).toBe(0);
    const list2 = io(admin);
    expect(await runCli(['--db', restored, 'user', 'list'], list2)).toBe(0);
    expect(list2.stdout.join('\n')).toMatch(/anna/);

    const rm = io(admin);
    expect(await runCli(['--db', db, 'user', 'remove', 'anna'], rm)).toBe(0);
    expect(await runCli(['--db', db, 'verify-log'], io({ LOKET_USER: 'anna', LOKET_PASSWORD: 'anna haar wachtwoord 1' }))).toBe(1);

    const rec = io({ LOKET_RECOVERY_KEY: recovery!, LOKET_NEW_PASSWORD: 'nieuw na verlies van alles' });
    expect(await runCli(['--db', db, 'recover', '--user', 'beheer'], rec)).toBe(0);
    expect(await runCli(['--db', db, 'verify-log'], io({ LOKET_USER: 'beheer', LOKET_PASSWORD: 'nieuw na verlies van alles' }))).toBe(0);

    const rekey = io({ LOKET_USER: 'beheer', LOKET_PASSWORD: 'nieuw na verlies van alles' });
    expect(await runCli(['--db', db, 'rekey', '--backup', path.join(dir, 'voor-rekey.db')], rekey)).toBe(0);
    expect(rekey.stdout.join('\n')).toMatch(/Databasesleutel vervangen\. Back-up vooraf: .*voor-rekey\.db/);
    expect(/NIEUWE HERSTELSLEUTEL[^\n]*\n\n\s+([A-Z0-9-]+)/.exec(rekey.stdout.join('\n'))?.[1]).not.toBe(recovery);
    expect(await runCli(['--db', db, 'verify-log'], io({ LOKET_USER: 'beheer', LOKET_PASSWORD: 'nieuw na verlies van alles' }))).toBe(0);
  });

  it('prints the queue as one PDF and writes a sent letter back byte for byte', async () => {
    const desk = await Desk.open();
    const ids = await vastgesteldeToekenning(desk, { bsn: '999991905', voornamen: 'Klaas', geslachtsnaam: 'Vos' });
    await desk.close();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-cli-print-'));
    const carla = { LOKET_USER: 'carla', LOKET_PASSWORD: USER_PASSWORD };
    const batch = io(carla);
    expect(await runCli(['--db', desk.dbFile, 'print-batch', '--out', path.join(dir, 'batch.pdf')], batch)).toBe(0);
    expect(batch.stdout.join('')).toMatch(/1 brieven verzonden/);
    const letter = io(carla);
    expect(await runCli(['--db', desk.dbFile, 'letter', '--beschikking', String(ids.beschikkingId), '--out', path.join(dir, 'brief.pdf')], letter)).toBe(0);
    const sha = /sha256 ([0-9a-f]{64})/.exec(letter.stdout.join(''))![1];
    expect(createHash('sha256').update(readFileSync(path.join(dir, 'brief.pdf'))).digest('hex')).toBe(sha);
    expect(letter.stdout.join('')).toMatch(/Verzonden brief/);
    // Personal data on disk: owner only, and never silently overwritten.
    expect(statSync(path.join(dir, 'brief.pdf')).mode & 0o777).toBe(0o600);
    const again = io(carla);
    expect(await runCli(['--db', desk.dbFile, 'letter', '--beschikking', String(ids.beschikkingId), '--out', path.join(dir, 'brief.pdf')], again)).toBe(1);
    expect(again.stderr.join('')).toMatch(/Er staat al een bestand op .*brief\.pdf\. Kies een andere naam/);
    expect(createHash('sha256').update(readFileSync(path.join(dir, 'brief.pdf'))).digest('hex')).toBe(sha);
    const empty = io(carla);
    expect(await runCli(['--db', desk.dbFile, 'print-batch', '--out', path.join(dir, 'leeg.pdf')], empty)).toBe(0);
    expect(empty.stdout.join('')).toMatch(/printwachtrij is leeg/);
  });
});

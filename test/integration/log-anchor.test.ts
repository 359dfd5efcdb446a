import dgram from 'node:dgram';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendLog, entryHash, GENESIS_HASH, verifyLog, type StoredLogEntry } from '../../main/auditlog';
import type { CliIo } from '../../main/cli/commands';
import { runCli } from '../../main/cli/loket';
import { applyKey, READ_LOG_SYNC_MS } from '../../main/db/database';
import { openSlot } from '../../main/db/keyslots';
import { addUser, initVault, lock, unlock, type Session } from '../../main/vault';
import type { AnchorConfig } from '../../main/anchor';
import { ADMIN_PASSWORD, TEST_KDF, tempDir, USER_PASSWORD } from '../support/vault';

function io(env: Record<string, string>): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (s) => stdout.push(s), err: (s) => stderr.push(s), prompt: () => Promise.reject(new Error('no prompt in tests')) };
}

/** A database whose log is anchored to a file (and optionally syslog), with 40 committed entries by anna. */
async function anchoredVault(extra: Partial<AnchorConfig> = {}) {
  const dir = tempDir('loket-anker-');
  const file = path.join(dir, 'loket.db');
  const anchorFile = path.join(dir, 'ander-volume', 'loket.anker');
  const anchor: AnchorConfig = { file: anchorFile, ...extra };
  await initVault({ file, gemeente: 'Voorbeeldstad', gemeentecode: '9999', admin: 'beheer', password: ADMIN_PASSWORD, kdf: TEST_KDF, route: 'test', anchor });
  const admin = await unlock({ file, username: 'beheer', password: ADMIN_PASSWORD, route: 'test', kdf: TEST_KDF, anchor });
  await addUser(admin, { username: 'anna', displayName: 'Anna', roles: ['consulent'], password: USER_PASSWORD });
  await lock(admin);
  const anna = await unlock({ file, username: 'anna', password: USER_PASSWORD, route: 'test', kdf: TEST_KDF, anchor });
  await readClients(anna, 40);
  await lock(anna);
  return { dir, file, anchorFile, anchor };
}

/** Each read is its own committed write batch, as the router makes it. */
async function readClients(s: Session, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await s.db.write(async () => {
      appendLog(s.db.raw, { actor: s.user.username, action: 'lezen', objectType: 'client', objectId: i, clientId: i, result: 'gelukt', origin: s.origin });
    });
  }
}

/** The attack of the review: with one user's password, rebuild the log around the triggers. */
function withTriggersDropped(file: string, key: Buffer, fn: (conn: Sqlite.Database) => void): void {
  const conn = new Sqlite(file);
  applyKey(conn, key);
  const triggers = conn.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'access_log'`).pluck().all() as string[];
  expect(triggers.length).toBe(2);
  conn.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');
  conn.transaction(() => fn(conn))();
  for (const sql of triggers) conn.exec(sql);
  conn.close();
}

function deleteAndRehash(conn: Sqlite.Database, from: number, count: number): void {
  conn.prepare('DELETE FROM access_log WHERE seq >= ? AND seq < ?').run(from, from + count);
  const rows = conn.prepare('SELECT * FROM access_log ORDER BY seq').all() as StoredLogEntry[];
  conn.exec('DELETE FROM access_log');
  const insert = conn.prepare(`INSERT INTO access_log (seq, ts, actor, on_behalf_of, role, action, object_type, object_id,
      client_id, result, origin, detail, prev_hash, hash) VALUES (@seq, @ts, @actor, @on_behalf_of, @role, @action, @object_type,
      @object_id, @client_id, @result, @origin, @detail, @prev_hash, @hash)`);
  let prev = GENESIS_HASH;
  rows.forEach((r, i) => {
    const row = { ...r, seq: i + 1, prev_hash: prev };
    const { hash: _old, ...rest } = row;
    void _old;
    const hash = entryHash(rest);
    insert.run({ ...row, hash });
    prev = hash;
  });
}

describe('access log anchored outside the database', () => {
  it('names a rewrite in the middle that the chain alone no longer shows', async () => {
    const { file, anchorFile } = await anchoredVault();
    const key = await openSlot(file, 'anna', USER_PASSWORD);
    withTriggersDropped(file, key, (conn) => deleteAndRehash(conn, 20, 9));
    // The chain inside the database is consistent again: this is what passed before.
    const conn = new Sqlite(file, { readonly: true });
    applyKey(conn, key);
    expect(verifyLog(conn).ok).toBe(true);
    conn.close();

    const out = io({ LOKET_USER: 'beheer', LOKET_PASSWORD: ADMIN_PASSWORD, LOKET_ANKER_BESTAND: anchorFile });
    expect(await runCli(['--db', file, 'verify-log'], out)).toBe(1);
    const message = out.stderr.join('\n');
    expect(message).toMatch(/Toegangslog NIET in orde: het log is herschreven: regel 20 verschilt van het anker/);
    expect(message).toMatch(/tot en met regel 19 klopt het nog/);
  });

  it('names a cut tail, even though a cut needs no re-hashing', async () => {
    const { file, anchorFile } = await anchoredVault();
    const key = await openSlot(file, 'anna', USER_PASSWORD);
    let end = 0;
    withTriggersDropped(file, key, (conn) => {
      end = conn.prepare('SELECT max(seq) FROM access_log').pluck().get() as number;
      conn.prepare('DELETE FROM access_log WHERE seq > ?').run(end - 12);
    });
    const out = io({ LOKET_USER: 'beheer', LOKET_PASSWORD: ADMIN_PASSWORD, LOKET_ANKER_BESTAND: anchorFile });
    expect(await runCli(['--db', file, 'verify-log'], out)).toBe(1);
    // The anchor written at anna's lock knows entry `end`; the database now stops 12 earlier
    // (11 after the beheerder's own login entry, which lands where a cut entry was).
    expect(out.stderr.join('\n')).toMatch(new RegExp(`het log is ingekort: het anker van \\S+ kent regel ${end}, de database eindigt bij regel ${end - 11}`));
  });

  it('passes an untouched log and says how far the anchors reach', async () => {
    const { file, anchorFile } = await anchoredVault();
    const lines = readFileSync(anchorFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; seq: number });
    // One anchor per write batch, plus lock.
    expect(lines.filter((l) => l.event === 'schrijven').length).toBeGreaterThanOrEqual(40);
    expect(lines.some((l) => l.event === 'vergrendelen')).toBe(true);
    const out = io({ LOKET_USER: 'beheer', LOKET_PASSWORD: ADMIN_PASSWORD, LOKET_ANKER_BESTAND: anchorFile });
    expect(await runCli(['--db', file, 'verify-log'], out)).toBe(0);
    expect(out.stdout.join('\n')).toMatch(/Toegangslog in orde: \d+ regels, keten ongeschonden\.\nAnkers: \d+ vergeleken \(tot regel \d+\), alle in orde\./);
  });

  it('sends RFC 5424 anchors to syslog over UDP and TCP; an extract of them catches a rewrite as well', async () => {
    const udp = dgram.createSocket('udp4');
    const udpMessages: string[] = [];
    udp.on('message', (m) => udpMessages.push(m.toString('utf8')));
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    const tcpData: Buffer[] = [];
    const tcp = net.createServer((sock) => sock.on('data', (d) => tcpData.push(d)));
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    try {
      const udpPort = udp.address().port;
      const { dir, file } = await anchoredVault({ syslog: `udp://127.0.0.1:${udpPort}` });
      await new Promise((r) => setTimeout(r, 200));
      expect(udpMessages.length).toBeGreaterThanOrEqual(40);
      expect(udpMessages[0]).toMatch(/^<86>1 \d{4}-\d\d-\d\dT\S+Z \S+ sociaal-loket \d+ anker \[anker@32473 keten="[0-9a-f]{32}" seq="\d+" head="[0-9a-f]{64}" gebeurtenis="\w+"\] \{"loketAnker":1/);

      // TCP uses octet counting (RFC 6587): "<length> <message>".
      const tcpPort = (tcp.address() as net.AddressInfo).port;
      const s = await unlock({ file, username: 'beheer', password: ADMIN_PASSWORD, route: 'test', kdf: TEST_KDF, anchor: { syslog: `tcp://127.0.0.1:${tcpPort}` } });
      await lock(s);
      await new Promise((r) => setTimeout(r, 200));
      const stream = Buffer.concat(tcpData).toString('utf8');
      const framed = /^(\d+) (<86>1 [^]*)$/.exec(stream);
      expect(framed).not.toBeNull();
      expect(Buffer.byteLength(framed![2]!.slice(0, Number(framed![1])), 'utf8')).toBe(Number(framed![1]));

      // The syslog server's file is an anchor too: rewrite the log and check it against that file alone.
      const extract = path.join(dir, 'syslog-uittreksel.log');
      writeFileSync(extract, udpMessages.map((m) => `Nov 30 12:00:00 syslog-host ${m}`).join('\n') + '\n');
      const key = await openSlot(file, 'anna', USER_PASSWORD);
      withTriggersDropped(file, key, (conn) => deleteAndRehash(conn, 10, 3));
      const out = io({ LOKET_USER: 'beheer', LOKET_PASSWORD: ADMIN_PASSWORD });
      expect(await runCli(['--db', file, 'verify-log', '--anker', extract], out)).toBe(1);
      expect(out.stderr.join('\n')).toMatch(/het log is herschreven: regel 10 verschilt/);
    } finally {
      udp.close();
      tcp.close();
    }
  });

  it('reaches the local syslog socket through logger (RFC 5424, authpriv.info)', async () => {
    const dir = tempDir('loket-sock-');
    const socket = path.join(dir, 'log.sock');
    const received: string[] = [];
    const server = net.createServer((sock) => sock.on('data', (d) => received.push(d.toString('utf8'))));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const file = path.join(dir, 'loket.db');
      await initVault({ file, gemeente: 'Voorbeeldstad', gemeentecode: '9999', admin: 'beheer', password: ADMIN_PASSWORD, kdf: TEST_KDF, route: 'test', anchor: { syslog: `local:${socket}` } });
      for (let i = 0; i < 50 && !received.join('').includes('"event":"start"'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(received.join('')).toMatch(/^<86>1 \S+ \S+ sociaal-loket - - \[[^\]]*\] \{"loketAnker":1,"chain":"[0-9a-f]{32}","seq":\d+,"head":"[0-9a-f]{64}".*"event":"start"/m);
    } finally {
      server.close();
    }
  });

  it('without an anchor, says plainly that a rewrite cannot be seen', async () => {
    const { file } = await anchoredVault();
    const out = io({ LOKET_USER: 'beheer', LOKET_PASSWORD: ADMIN_PASSWORD });
    expect(await runCli(['--db', file, 'verify-log'], out)).toBe(0);
    expect(out.stdout.join('\n')).toMatch(/geen anker ingesteld/);
  });

  it('anchors a change at once and the log entries of a read within READ_LOG_SYNC_MS, on disk first', async () => {
    const { file, anchorFile, anchor } = await anchoredVault();
    const anna = await unlock({ file, username: 'anna', password: USER_PASSWORD, route: 'test', kdf: TEST_KDF, anchor });
    const lastAnchoredSeq = () => (JSON.parse(readFileSync(anchorFile, 'utf8').trim().split('\n').at(-1)!) as { seq: number }).seq;
    const head = () => anna.db.raw.prepare('SELECT max(seq) FROM access_log').pluck().get() as number;
    try {
      // A change: its commit waits for the disk, and the anchor names its head right after.
      await anna.db.write(async () => {
        appendLog(anna.db.raw, { actor: 'anna', action: 'wijzigen', objectType: 'client', objectId: 1, clientId: 1, result: 'gelukt', origin: anna.origin });
      });
      expect(lastAnchoredSeq()).toBe(head());
      // A read: committed (visible at once) without waiting for the disk; not anchored yet.
      await anna.db.write(async () => {
        appendLog(anna.db.raw, { actor: 'anna', action: 'lezen', objectType: 'client', objectId: 1, clientId: 1, result: 'gelukt', origin: anna.origin });
      }, { durable: false });
      expect(anna.db.raw.pragma('synchronous', { simple: true })).toBe(2); // back to FULL for the next change
      expect(lastAnchoredSeq()).toBe(head() - 1);
      // Within READ_LOG_SYNC_MS the WAL is synced and the head anchored.
      await new Promise((r) => setTimeout(r, READ_LOG_SYNC_MS + 300));
      expect(lastAnchoredSeq()).toBe(head());
    } finally {
      await lock(anna);
    }
  });
});

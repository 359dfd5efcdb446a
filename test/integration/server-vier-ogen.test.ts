import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../main/router';
import { lock } from '../../main/vault';
import { LETTERHEAD } from '../support/cases';
import { ApiClient, conceptOverApi, makeCert, request } from '../support/https';
import { Authenticator } from '../support/totp';
import { ADMIN_PASSWORD, freshVault, TEST_KDF, USER_PASSWORD } from '../support/vault';

/**
 * `loket serve` as its own process on 127.0.0.1 with a certificate made here, and three desks
 * (three clients, three workstations) doing the four-eyes flow; the auditor checks the server's
 * access log through the API and finds every step with the workstation it came from.
 */

const ROOT = path.resolve(__dirname, '..', '..');
let server: ChildProcess;
let base: string;
let ca: string;
const clients: ApiClient[] = [];

function desk(werkplek: string): ApiClient {
  const c = new ApiClient(base, ca, werkplek);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  const v = await freshVault([
    { username: 'consulent01', roles: ['consulent'] },
    { username: 'besluit1', roles: ['besluitbevoegd'], mandaat: 'Mandaatbesluit sociaal domein 2026' },
    { username: 'admin1', roles: ['administratie'] },
    { username: 'auditor1', roles: ['auditor'] },
  ]);
  await lock(v.admin);
  // The letterhead, set once on the workstation before the database goes under the server.
  const local = createRouter({ dbFile: v.file, route: 'test', kdf: TEST_KDF });
  expect((await local.call('session.unlock', { username: 'beheer', password: ADMIN_PASSWORD })).ok).toBe(true);
  expect((await local.call('settings.update', LETTERHEAD)).ok).toBe(true);
  await local.close();

  const tls = makeCert(v.dir);
  ca = tls.cert;
  server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main', 'cli', 'loket.ts'), '--db', v.file, 'serve',
    '--listen', '127.0.0.1:0', '--cert', tls.certFile, '--key', tls.keyFile],
  { cwd: ROOT, env: { ...process.env, LOKET_USER: 'beheer', LOKET_PASSWORD: ADMIN_PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /luistert op (https:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    server.on('exit', (code) => reject(new Error(`loket serve stopte (${code}): ${err}`)));
  });
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
});

describe('two and three clients of one server: the four-eyes flow', () => {
  it('consulent01 submits, besluit1 (with TOTP) approves, admin1 prints; the log names each workstation', async () => {
    expect((await request(base, ca, 'GET', '/api/health')).body).toEqual({ status: 'ok' });

    const consulent = desk('werkplek-wijk-noord');
    expect((await consulent.login('consulent01', USER_PASSWORD)).status).toBe(200);
    const { beschikkingId } = await conceptOverApi(consulent);
    const b = { id: beschikkingId };
    await consulent.ok('beschikking.submit', { id: b.id });

    // The besluitbevoegde: first login asks for the second factor, nothing else works until then.
    const enroll = desk('werkplek-stadhuis-2');
    const first = await enroll.login('besluit1', USER_PASSWORD);
    expect(first.body.totp).toEqual({ enrolled: false, required: true });
    expect((await enroll.raw('beschikking.approve', { id: b.id })).status).toBe(403);
    const begun = await enroll.ok('totp.begin');
    const app = new Authenticator(begun.secret);
    await enroll.ok('totp.confirm', { code: await app.next() });
    await enroll.ok('session.lock');

    const besluit = desk('werkplek-stadhuis-2');
    expect((await besluit.login('besluit1', USER_PASSWORD)).status).toBe(401);
    expect((await besluit.login('besluit1', USER_PASSWORD, await app.next())).status).toBe(200);
    const queue = await besluit.ok('accordering.queue');
    expect(queue.items.map((x: { id: number }) => x.id)).toContain(b.id);
    const approved = await besluit.ok('beschikking.approve', { id: b.id });
    expect(approved.status).toBe('vastgesteld');

    const admin = desk('werkplek-postkamer');
    expect((await admin.login('admin1', USER_PASSWORD)).status).toBe(200);
    const gen = await admin.ok('print.generate', { beschikkingIds: [b.id] });
    expect(gen.failures).toEqual([]);
    const printed = await admin.ok('print.confirm', { id: gen.batch.id });
    expect(printed.printed.map((p: { beschikkingId: number }) => p.beschikkingId)).toEqual([b.id]);

    // The consultant's poll brings the news (and no call of hers is still running).
    const events = await request(base, ca, 'POST', '/api/events', { json: {}, headers: { authorization: `Bearer ${consulent.token}` } });
    expect(events.status).toBe(200);
    expect(events.body.running).toEqual([]);
    expect(events.body.notificaties.items.map((n: { soort: string }) => n.soort)).toContain('vastgesteld');

    // The auditor reads the server's log through the API: intact, each step with its origin.
    const auditor = desk('werkplek-audit');
    expect((await auditor.login('auditor1', USER_PASSWORD)).status).toBe(200);
    expect((await auditor.ok('audit.verify')).ok).toBe(true);
    const { entries } = await auditor.ok('audit.list', { limit: 500 });
    const step = (actor: string, detail: RegExp) => entries.find((e: { actor: string; detail: string | null }) => e.actor === actor && detail.test(e.detail ?? ''));
    expect(step('consulent01', /ter accordering aangeboden/)?.origin).toBe('werkplek-wijk-noord@127.0.0.1');
    expect(step('besluit1', /vastgesteld/)?.origin).toBe('werkplek-stadhuis-2@127.0.0.1');
    expect(step('besluit1', /tweestapsverificatie nog niet ingesteld/)?.result).toBe('geweigerd');
    expect(step('besluit1', /met tweestapsverificatie/)?.action).toBe('inloggen');
    expect(step('admin1', /brief verzonden/)?.origin).toBe('werkplek-postkamer@127.0.0.1');
  });
});

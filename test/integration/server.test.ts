import { chmodSync, copyFileSync, cpSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysDir, listSlots, openSlot } from '../../main/db/keyslots';
import { buildServer, type LoketServer } from '../../main/server/app';
import { unsealWithKeyFile, unsealWithPassword, unsealWithRecoveryKey, writeKeyFile, type Unsealed } from '../../main/server/seal';
import { lock, unlock } from '../../main/vault';
import { ApiClient, makeCert, request } from '../support/https';
import { Authenticator, codeForStep, stepOf } from '../support/totp';
import { ADMIN_PASSWORD, freshVault, TEST_KDF, USER_PASSWORD } from '../support/vault';

/** The team server in this process (a fake clock for timeouts), over real HTTPS with a test certificate. */

let dir: string;
let file: string;
let recoveryKey: string;
let tls: { cert: string; key: string };
let server: LoketServer;
let base: string;
let clock = Date.now();
const IDLE_MS = 15 * 60_000;

async function start(options: { maxLoginFailures?: number; kdf?: typeof TEST_KDF; unsealed?: Unsealed } = {}): Promise<{ server: LoketServer; base: string }> {
  const s = await buildServer({
    dbFile: file, tls, kdf: options.kdf ?? TEST_KDF, now: () => clock, maxLoginFailures: options.maxLoginFailures,
    timeouts: { idleMs: IDLE_MS, absoluteMs: 8 * 3600_000 }, rendererDir: null, unsealed: options.unsealed,
  });
  const address = await s.app.listen({ host: '127.0.0.1', port: 0 });
  return { server: s, base: address.replace(/^http:/, 'https:') };
}

function client(werkplek = 'werkplek-test'): ApiClient {
  return new ApiClient(base, tls.cert, werkplek);
}

/** Enrolls TOTP for a logged-in client; returns her authenticator app. */
async function enrollTotp(c: ApiClient): Promise<Authenticator> {
  const begun = await c.ok('totp.begin');
  expect(begun.qrDataUrl).toMatch(/^data:image\/png;base64,/);
  const app = new Authenticator(begun.secret);
  const confirmed = await c.ok('totp.confirm', { code: await app.next() });
  expect(confirmed.recoveryCodes).toHaveLength(10);
  return app;
}

beforeAll(async () => {
  const v = await freshVault([
    { username: 'consulent01', roles: ['consulent'] },
    { username: 'consulent02', roles: ['consulent'] },
    { username: 'besluit1', roles: ['besluitbevoegd'], mandaat: 'Mandaatbesluit sociaal domein 2026' },
  ]);
  await lock(v.admin);
  dir = v.dir;
  file = v.file;
  recoveryKey = v.recoveryKey;
  tls = makeCert(dir);
  ({ server, base } = await start());
});

afterAll(async () => {
  await server?.close();
});

describe('loket serve: sealed, then unsealed by a beheerder, which converts the database', () => {
  it('is sealed until a beheerder unseals it; health says so without a session', async () => {
    expect((await request(base, tls.cert, 'GET', '/api/health')).status).toBe(503);
    const login = await client().login('consulent01', USER_PASSWORD);
    expect(login.status).toBe(503);
    const wrong = await request(base, tls.cert, 'POST', '/api/unseal', { json: { username: 'consulent01', password: USER_PASSWORD } });
    expect(wrong.status).toBe(401);
    const ok = await request(base, tls.cert, 'POST', '/api/unseal', { json: { username: 'beheer', password: ADMIN_PASSWORD } });
    expect(ok.status).toBe(200);
    const health = await request(base, tls.cert, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
  });

  it('leaves no slot for any consultant, and a copy of the database plus a consultant password opens nothing', async () => {
    expect(await listSlots(file)).toEqual(['#herstelsleutel', 'beheer']);
    const copy = path.join(dir, 'kopie.db');
    copyFileSync(file, copy);
    cpSync(keysDir(file), keysDir(copy), { recursive: true });
    await expect(openSlot(copy, 'consulent01', USER_PASSWORD)).rejects.toThrow(/klopt niet/);
    await expect(unlock({ file: copy, username: 'consulent01', password: USER_PASSWORD, kdf: TEST_KDF })).rejects.toThrow(/klopt niet/);
    await expect(unlock({ file, username: 'consulent01', password: USER_PASSWORD, kdf: TEST_KDF })).rejects.toThrow(/klopt niet/);
    // The consultant still logs in to the server with the same password (her verifier is in the database).
    const c = client();
    expect((await c.login('consulent01', USER_PASSWORD)).status).toBe(200);
  });
});

describe('the outbox on the server', () => {
  it('runs in the session of someone logged in who may export, and not without one', async () => {
    clock += 30 * 60_000;
    expect(await server.runOutboxNow()).toBeNull();
    const c = client();
    expect((await c.login('consulent01', USER_PASSWORD)).status).toBe(200);
    const run = await server.runOutboxNow() as { ok: boolean; value: { skipped: { reason: string }[] } };
    expect(run.ok).toBe(true);
    // No zaaksysteem configured in this test: the run says so instead of sending.
    expect(run.value.skipped.map((x) => x.reason).join(' ')).toMatch(/Niet ingesteld/);
    await c.ok('session.lock');
  });
});

describe('scheduled backup', () => {
  it('writes an encrypted, verified copy into the backup folder, with only the unseal slots beside it', async () => {
    const res = await server.backupNow(path.join(dir, 'back-ups'));
    expect(path.dirname(res.file)).toBe(path.join(dir, 'back-ups'));
    expect(res.counts.users).toBe(4);
    expect(await listSlots(res.file)).toEqual(['#herstelsleutel', 'beheer']);
    await expect(unlock({ file: res.file, username: 'consulent01', password: USER_PASSWORD, kdf: TEST_KDF })).rejects.toThrow(/klopt niet/);
  });
});

describe('unattended unseal', () => {
  it('opens with a key file only when it is readable by its owner alone, and with the recovery key', async () => {
    const keyFile = path.join(dir, 'loket.sleutel');
    await writeKeyFile(keyFile, server.state!.key);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    chmodSync(keyFile, 0o644);
    await expect(unsealWithKeyFile(file, keyFile)).rejects.toThrow(/chmod 600/);
    chmodSync(keyFile, 0o600);
    const viaFile = await unsealWithKeyFile(file, keyFile);
    expect(viaFile.databaseId).toBe(server.state!.databaseId);
    await viaFile.db.close();
    await expect(unsealWithRecoveryKey(file, 'AAAA-BBBB-CCCC')).rejects.toThrow(/herstelsleutel klopt niet/);
    const viaRecovery = await unsealWithRecoveryKey(file, recoveryKey);
    await viaRecovery.db.close();
  });
});

describe('refusals', () => {
  it('answers 401 to a call without a session or with a made-up token', async () => {
    const anon = client();
    const res = await anon.raw('client.search', { query: 'Dijk' });
    expect(res.status).toBe(401);
    expect(res.body.ok).toBe(false);
    anon.token = 'bm90LWEtcmVhbC10b2tlbg';
    expect((await anon.raw('werkvoorraad.page', {})).status).toBe(401);
  });

  it('answers a wrong password and an unknown user with the same 401 and message', async () => {
    clock += 5 * 60_000;
    const wrong = await client().login('consulent01', 'niet het goede wachtwoord');
    const unknown = await client().login('niemand', 'niet het goede wachtwoord');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toContain('klopt niet');
  });

  it('refuses the 6th failed login in a minute with 429 and a wait, even with the right password', async () => {
    clock += 5 * 60_000;
    for (let i = 0; i < 5; i++) expect((await client().login('consulent02', `fout wachtwoord ${i}`)).status).toBe(401);
    const sixth = await client().login('consulent02', USER_PASSWORD);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(sixth.body.error.message).toMatch(/Wacht \d+ seconden/);
    clock += 2 * 60_000;
    expect((await client().login('consulent02', USER_PASSWORD)).status).toBe(200);
  });

  it('ends an idle session: after the idle timeout the next call is 401', async () => {
    clock += 30 * 60_000;
    const c = client();
    expect((await c.login('consulent01', USER_PASSWORD)).status).toBe(200);
    clock += IDLE_MS - 1000;
    expect((await c.raw('werkvoorraad.page', {})).status).toBe(200);
    clock += IDLE_MS + 1000;
    expect((await c.raw('werkvoorraad.page', {})).status).toBe(401);
  });

  it('does not count the progress poll as activity', async () => {
    clock += 30 * 60_000;
    const c = client();
    expect((await c.login('consulent01', USER_PASSWORD)).status).toBe(200);
    clock += IDLE_MS - 1000;
    const poll = await request(base, tls.cert, 'POST', '/api/events', { json: {}, headers: { authorization: `Bearer ${c.token}` } });
    expect(poll.status).toBe(200);
    expect(poll.body.running).toEqual([]);
    clock += 2000;
    expect((await c.raw('werkvoorraad.page', {})).status).toBe(401);
  });

  it('refuses a removed user on her next call, although her session was live', async () => {
    const c = client();
    expect((await c.login('consulent02', USER_PASSWORD)).status).toBe(200);
    expect((await c.raw('werkvoorraad.page', {})).status).toBe(200);
    const beheer = client('beheer-pc');
    expect((await beheer.login('beheer', ADMIN_PASSWORD)).status).toBe(200);
    // A beheerder without a second factor may only set one up.
    const early = await beheer.raw('user.remove', { username: 'consulent02' });
    expect(early.status).toBe(403);
    expect(early.body.error.message).toContain('tweestapsverificatie');
    const app = await enrollTotp(beheer);
    await beheer.ok('user.remove', { username: 'consulent02' });
    const after = await c.raw('werkvoorraad.page', {});
    expect(after.status).toBe(401);
    // The next login of the beheerder needs the code.
    const noCode = await client().login('beheer', ADMIN_PASSWORD);
    expect(noCode.status).toBe(401);
    expect(noCode.body.error.field).toBe('totp');
    expect((await client().login('beheer', ADMIN_PASSWORD, await app.next())).status).toBe(200);
  });

  it('keeps a besluitbevoegde without TOTP from approving', async () => {
    const b = client();
    const login = await b.login('besluit1', USER_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.totp).toEqual({ enrolled: false, required: true });
    const res = await b.raw('beschikking.approve', { id: 1 });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('geen_toegang');
  });

  it('accepts a TOTP code once (RFC 6238 §5.2): a replay is refused, the next step\'s code works; a recovery code works once', async () => {
    // Start early in a 30-second step, so each code below stays within the server's one step of drift.
    if (Date.now() % 30_000 > 24_000) await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 100));
    const s = stepOf();
    const b = client('besluit-pc');
    expect((await b.login('besluit1', USER_PASSWORD)).status).toBe(200);
    const { secret } = await b.ok('totp.begin');
    const { recoveryCodes } = await b.ok('totp.confirm', { code: codeForStep(secret, s - 1) });
    const reused = 'Deze code is al gebruikt. Wacht op de volgende code van uw app.';
    // The code that confirmed the enrollment was used: it cannot log in.
    const confirming = await client().login('besluit1', USER_PASSWORD, codeForStep(secret, s - 1));
    expect(confirming.status).toBe(401);
    expect(confirming.body.error).toMatchObject({ field: 'totp', message: reused });
    const code = codeForStep(secret, s);
    expect((await client().login('besluit1', USER_PASSWORD, code)).status).toBe(200);
    const replay = await client('andere-pc').login('besluit1', USER_PASSWORD, code);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toMatchObject({ field: 'totp', message: reused });
    expect(replay.body.token).toBeUndefined();
    expect((await client().login('besluit1', USER_PASSWORD, codeForStep(secret, s + 1))).status).toBe(200);
    // Recovery codes stay one-time.
    expect((await client().login('besluit1', USER_PASSWORD, recoveryCodes[0])).status).toBe(200);
    const again = await client().login('besluit1', USER_PASSWORD, recoveryCodes[0]);
    expect(again.status).toBe(401);
    expect(again.body.error.message).toMatch(/^De code klopt niet/);
  });

  it('gives a browser an HttpOnly, Secure, SameSite=Strict cookie and refuses a cross-site POST without the CSRF header', async () => {
    const login = await request(base, tls.cert, 'POST', '/api/login', { json: { username: 'consulent01', password: USER_PASSWORD, client: 'browser' } });
    expect(login.status).toBe(200);
    expect(login.body.token).toBeUndefined();
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-loket=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const json = { channel: 'werkvoorraad.page', input: {} };
    const crossSite = await request(base, tls.cert, 'POST', '/api/call', { json, headers: { cookie, 'sec-fetch-site': 'cross-site', origin: 'https://elders.example' } });
    expect(crossSite.status).toBe(403);
    const noHeader = await request(base, tls.cert, 'POST', '/api/call', { json, headers: { cookie } });
    expect(noHeader.status).toBe(403);
    const wrongHeader = await request(base, tls.cert, 'POST', '/api/call', { json, headers: { cookie, 'x-loket-csrf': 'geraden' } });
    expect(wrongHeader.status).toBe(403);
    const same = await request(base, tls.cert, 'POST', '/api/call', { json, headers: { cookie, 'x-loket-csrf': login.body.csrf, 'sec-fetch-site': 'same-origin' } });
    expect(same.status).toBe(200);
    expect(same.body.ok).toBe(true);
  });

  it('gives plain HTTP no answer at all', async () => {
    const port = new URL(base).port;
    const outcome = await new Promise<string>((resolve) => {
      const req = http.get(`http://127.0.0.1:${port}/api/health`, (res) => resolve(`answered ${res.statusCode}`));
      req.on('error', (e) => resolve(`no answer: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      req.setTimeout(5000, () => req.destroy(new Error('timeout')));
    });
    expect(outcome).toMatch(/^no answer/);
  });

  it('sends strict security headers: CSP without framing, HSTS, no-store on the API', async () => {
    const res = await request(base, tls.cert, 'GET', '/api/health');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('login timing', () => {
  it('takes as long for an unknown user as for a known user with a wrong password (within 10%)', async () => {
    // Its own server without the lockout, and a KDF costly enough to measure above the noise.
    const kdf = { N: 2 ** 14, r: 8, p: 1 };
    const timing = await start({ maxLoginFailures: 10_000, kdf, unsealed: await unsealWithPassword(file, 'beheer', ADMIN_PASSWORD, { kdf }) });
    try {
      const c = new ApiClient(timing.base, tls.cert, 'timing');
      // Warm up (the dummy verifier is made on first use) and give consulent01 a verifier at this cost.
      await c.login('niemand', 'x');
      const login = await c.login('consulent01', USER_PASSWORD);
      expect(login.status).toBe(200);
      await c.ok('session.changePassword', { oldPassword: USER_PASSWORD, newPassword: 'een nieuw lang wachtwoord' });
      // Pairs measured back to back, the order alternating; the median pair decides, so a
      // scheduling hiccup on a shared machine does not.
      const ratios: number[] = [];
      const time = async (name: string) => {
        const t0 = performance.now();
        const res = await c.login(name, 'fout wachtwoord');
        expect(res.status).toBe(401);
        return performance.now() - t0;
      };
      for (let i = 0; i < 24; i++) {
        const [k, u] = i % 2 ? [await time('consulent01'), await time('onbekend')] : [await time('onbekend'), await time('consulent01')].reverse() as [number, number];
        ratios.push(u! / k!);
      }
      c.close();
      const ratio = [...ratios].sort((x, y) => x - y)[ratios.length / 2]!;
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.1);
    } finally {
      await timing.server.close();
    }
  });
});

describe('loket serve --help', () => {
  it('lists every option the command accepts', async () => {
    const { runCli } = await import('../../main/cli/loket');
    const { SERVE_COMMANDS } = await import('../../main/cli/serve');
    let out = '';
    const code = await runCli(['serve', '--help'], { out: (s) => { out += s; }, err: () => undefined, env: {}, prompt: async () => '' });
    expect(code).toBe(0);
    for (const option of Object.keys(SERVE_COMMANDS[0]!.options)) expect(out).toContain(`--${option}`);
    expect(out).toContain('nooit gewoon HTTP');
  });
});

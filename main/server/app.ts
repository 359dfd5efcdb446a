import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { LoketError } from '../../shared/errors';
import { CHANNELS, isChannel } from '../../shared/ipc/channels';
import type { AnchorConfig } from '../anchor';
import { appendLog } from '../auditlog';
import { UserEntity, type UserRow } from '../db/entities';
import { activeUserId } from '../db/sqlite/session';
import { CSP } from '../electron/csp';
import { STRONG_KDF, type KdfParams } from '../db/keyslots';
import {
  checkDummy, checkVerifier, credentialsOf, isLegacyVerifier, makeVerifier, storeVerifier, VERIFIER_STORE, WRONG_PASSWORD,
} from '../db/verifiers';
import { todayIso } from '../../shared/today';
import { createRouter } from '../router';
import { GEBRUIKER_INGETROKKEN, rereadSessionUser } from '../session-guard';
import { readSettings, userInfo } from '../services/admin';
import { checkSecondFactor, isTotpEnrolled, TOTP_REUSED, totpRequired } from '../auth/totp';
import { backup as backupVault, usernameProblem, type Session } from '../vault';
import { unsealWithPassword, unsealWithRecoveryKey, type Unsealed } from './seal';
import { DEFAULT_TIMEOUTS, sameSecret, SessionStore, type ServerSession, type SessionTimeouts } from './sessions';
import { LoginThrottle } from './throttle';

/**
 * `loket serve`: the same router over HTTPS, for a team. Fastify, because it is well kept, fast,
 * schema-minded and has first-party plugins for exactly what a service like this needs: helmet
 * (CSP, HSTS, no framing), rate limiting and signed-free cookies. One door stays one door: every
 * call goes through `Router.call` with a session the server keeps; the client holds only a token.
 */

export interface ServerOptions {
  dbFile: string;
  tls: { cert: string | Buffer; key: string | Buffer; ca?: string | Buffer };
  /** Already unsealed (key file, or unsealed at the prompt); otherwise the server starts sealed. */
  unsealed?: Unsealed;
  kdf?: KdfParams;
  timeouts?: SessionTimeouts;
  /** Failed logins allowed per minute before 429 (per username and per address). */
  maxLoginFailures?: number;
  /** The built renderer (dist/renderer), served to browsers; null for an API-only server. */
  rendererDir?: string | null;
  now?: () => number;
  today?: () => string;
  /** Where the access log's head is anchored (used when unsealing through the API). */
  anchor?: AnchorConfig;
  /** Scheduled encrypted backup, verified after writing (BIO 8.13). */
  backup?: { dir: string; everyHours: number };
}

export const SESSION_COOKIE = '__Host-loket';
export const CSRF_HEADER = 'x-loket-csrf';
export const WORKSTATION_HEADER = 'x-loket-werkplek';

/** The renderer's one policy (main/electron/csp.ts), as helmet's directives. */
export const SERVER_CSP: Record<string, string[]> = Object.fromEntries(CSP.split(';').map((d) => {
  const [name, ...values] = d.trim().split(/\s+/);
  return [name!, values];
}));

/** Channels a session may use while its second factor still has to be set up. */
const ENROLLING_ALLOWED = new Set(['session.current', 'session.lock', 'totp.status', 'totp.begin', 'totp.confirm']);

const LoginSchema = z.object({
  username: z.string().max(100),
  password: z.string().max(1000),
  totp: z.string().max(100).optional(),
  /** 'browser': the token goes into an HttpOnly cookie, never into script's reach. */
  client: z.enum(['browser', 'desktop']).default('desktop'),
});

const CallSchema = z.object({ channel: z.string().max(100), input: z.unknown().optional() });

const UnsealSchema = z.union([
  z.object({ username: z.string().max(100), password: z.string().max(1000) }),
  z.object({ recoveryKey: z.string().max(200) }),
]);

interface ErrorBody { ok: false; error: { code: string; message: string; field?: string } }

function refusal(code: string, message: string, field?: string): ErrorBody {
  return { ok: false, error: { code, message, ...(field ? { field } : {}) } };
}

const NO_SESSION = refusal('vergrendeld', 'U bent niet ingelogd of uw sessie is verlopen. Log opnieuw in.');

export interface LoketServer {
  app: FastifyInstance;
  sessions: SessionStore;
  /** The unsealed store, or null while sealed. */
  readonly state: Unsealed | null;
  unseal(u: Unsealed): void;
  /**
   * The same router in this process, for a user by name, without HTTP or a password: the
   * benchmark compares the transport's cost against it. Null while sealed or for an unknown user.
   */
  inProcess(username: string): ((channel: string, input: unknown) => Promise<unknown>) | null;
  /**
   * One run of the outbox now (the timer calls the same every minute): in the session of someone
   * logged in who may export, as the desktop app did (the ZGW token names that person). Null when
   * nobody who may export is logged in.
   */
  runOutboxNow(): Promise<unknown | null>;
  /** One scheduled backup now (the timer calls the same). */
  backupNow(dir: string): Promise<{ file: string; counts: Record<string, number> }>;
  close(): Promise<void>;
}

export async function buildServer(o: ServerOptions): Promise<LoketServer> {
  const now = o.now ?? Date.now;
  const kdf = o.kdf ?? STRONG_KDF;
  const sessions = new SessionStore(o.timeouts ?? DEFAULT_TIMEOUTS, now);
  const throttle = new LoginThrottle(o.maxLoginFailures ?? 5, 60_000, now);
  let state: Unsealed | null = o.unsealed ?? null;
  let callSeq = 0;
  // One router for every client; each server session is a slot on it.
  const router = createRouter({
    dbFile: o.dbFile, route: 'app', kdf, today: o.today ?? (() => todayIso(new Date(now()))), clock: now, sharedDatabase: true,
    openSession: async () => {
      throw new LoketError('conflict', 'Log bij de teamserver in via het inlogscherm.');
    },
  });
  const sessionFor = (u: Unsealed, user: UserRow, origin: string): Session =>
    ({ db: u.db, user, origin, key: u.key, kdf, passwords: VERIFIER_STORE, databaseId: u.databaseId, anchor: u.anchor });

  const app = Fastify({
    https: { cert: o.tls.cert, key: o.tls.key, ...(o.tls.ca ? { ca: o.tls.ca, requestCert: true, rejectUnauthorized: true } : {}) },
    // No request logging: URLs and bodies may carry personal data.
    logger: false,
    bodyLimit: 32 * 1024 * 1024,
    trustProxy: false,
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: SERVER_CSP },
    hsts: { maxAge: 31536000, includeSubDomains: true },
    frameguard: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie);
  // A flood guard per session (or address); failed logins have their own, stricter back-off.
  await app.register(fastifyRateLimit, {
    max: 6000, timeWindow: '1 minute',
    // Keyed by a hash of the token, so the limiter's table holds no usable session token.
    keyGenerator: (req) => {
      const token = bearer(req) ?? req.cookies?.[SESSION_COOKIE];
      return token ? createHash('sha256').update(token).digest('base64url') : req.ip;
    },
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, ...refusal('geen_toegang', `Te veel verzoeken. Wacht ${Math.ceil(ctx.ttl / 1000)} seconden.`) }),
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  const originOf = (req: FastifyRequest): string => {
    const raw = String(req.headers[WORKSTATION_HEADER] ?? '');
    const werkplek = /^[A-Za-z0-9._-]{1,64}$/.test(raw) ? raw : 'browser';
    return `${werkplek}@${req.ip}`;
  };

  const log = (db: Unsealed['db'], actor: string, role: string | null, action: 'inloggen' | 'uitloggen', result: 'gelukt' | 'geweigerd', origin: string, detail: string | null) =>
    db.write(async () => {
      appendLog(db.raw, { actor, role, action, objectType: 'sessie', result, origin, detail });
    });

  const sealed = (reply: FastifyReply) =>
    reply.code(503).send(refusal('opslag', 'De server is verzegeld: een beheerder moet hem eerst ontsluiten.'));

  app.get('/api/health', async (_req, reply) => {
    if (!state) return reply.code(503).send({ status: 'verzegeld' });
    return { status: 'ok' };
  });

  app.post('/api/unseal', async (req, reply) => {
    if (state) return reply.code(409).send(refusal('conflict', 'De server is al ontsloten.'));
    const wait = throttle.retryAfter([`ip:${req.ip}`, 'unseal']);
    if (wait > 0) return reply.code(429).header('retry-after', wait).send(refusal('geen_toegang', `Te veel mislukte pogingen. Wacht ${wait} seconden.`));
    const body = UnsealSchema.safeParse(req.body);
    if (!body.success) return reply.code(400).send(refusal('invoer', 'Geef een beheerder met wachtwoord, of de herstelsleutel.'));
    try {
      state = 'recoveryKey' in body.data
        ? await unsealWithRecoveryKey(o.dbFile, body.data.recoveryKey, { kdf, anchor: o.anchor })
        : await unsealWithPassword(o.dbFile, body.data.username.trim().toLowerCase(), body.data.password, { kdf, anchor: o.anchor });
      return { status: 'ok' };
    } catch (e) {
      throttle.fail([`ip:${req.ip}`, 'unseal']);
      const err = e instanceof LoketError ? e : new LoketError('intern', 'Ontsluiten mislukt.');
      return reply.code(err.code === 'wachtwoord' ? 401 : 500).send(refusal(err.code, err.message));
    }
  });

  app.post('/api/login', async (req, reply) => {
    if (!state) return sealed(reply);
    const db = state.db;
    const body = LoginSchema.safeParse(req.body);
    if (!body.success) return reply.code(400).send(refusal('invoer', 'Vul uw gebruikersnaam en wachtwoord in.'));
    const username = body.data.username.trim().toLowerCase();
    const keys = [`ip:${req.ip}`, `user:${username}`];
    const wait = throttle.retryAfter(keys);
    if (wait > 0) {
      return reply.code(429).header('retry-after', wait)
        .send(refusal('geen_toegang', `Te veel mislukte pogingen. Wacht ${wait} seconden en probeer het opnieuw.`));
    }
    const origin = originOf(req);
    // Unknown and known users cost the same: one verifier check and one log entry either way.
    const user = usernameProblem(username) ? null : await db.ds.getRepository(UserEntity).findOneBy({ username, active: true });
    const cred = user ? credentialsOf(db, user.id) : undefined;
    const passwordOk = user && cred ? await checkVerifier(cred.verifier, user.username, body.data.password) : await checkDummy(body.data.password, kdf);
    if (!user || !cred || !passwordOk) {
      throttle.fail(keys);
      await log(db, user ? user.username : '(onbekend)', null, 'inloggen', 'geweigerd', origin, 'wachtwoord klopt niet');
      return reply.code(401).send(refusal('wachtwoord', WRONG_PASSWORD));
    }
    if (isLegacyVerifier(cred.verifier)) {
      const fresh = await makeVerifier(body.data.password, kdf);
      await db.write(async () => storeVerifier(db, user.id, fresh));
    }
    const enrolled = isTotpEnrolled(db, user.id);
    if (enrolled) {
      if (!body.data.totp) return reply.code(401).send(refusal('wachtwoord', 'Typ de code uit uw authenticator-app (of een herstelcode).', 'totp'));
      // Wall-clock time, as in the authenticator app (the `now` option drives session timeouts).
      const second = await checkSecondFactor(db, user.id, body.data.totp);
      if (second !== 'ok') {
        // A replayed code may have been read over someone's shoulder: it counts as a failure too.
        throttle.fail(keys);
        const reused = second === 'reused';
        await log(db, user.username, user.roles.join(','), 'inloggen', 'geweigerd', origin, reused ? 'code tweestapsverificatie al gebruikt' : 'code tweestapsverificatie klopt niet');
        return reply.code(401).send(refusal('wachtwoord', reused ? TOTP_REUSED : 'De code klopt niet. Typ de 6 cijfers die de app nu toont, of een herstelcode.', 'totp'));
      }
    }
    throttle.succeed(`user:${username}`);
    const enrolling = !enrolled && totpRequired(user.roles);
    const { token, session } = sessions.create(sessionFor(state, user, origin), enrolling);
    await log(db, user.username, user.roles.join(','), 'inloggen', 'gelukt', origin, enrolled ? 'met tweestapsverificatie' : enrolling ? 'tweestapsverificatie nog in te stellen' : null);
    if (body.data.client === 'browser') {
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
    }
    const settings = await db.write((m) => readSettings({ m }));
    const draftKey = await router.call('session.current', {}, { slot: session.slot });
    return {
      ...(body.data.client === 'browser' ? {} : { token }),
      csrf: session.csrf,
      user: userInfo(user),
      gemeenteNaam: settings.gemeenteNaam,
      draftKey: draftKey.ok ? (draftKey.value as { draftKey: string | null }).draftKey : null,
      totp: { enrolled, required: totpRequired(user.roles) },
    };
  });

  /** The session a request carries: a bearer token, or the cookie plus its CSRF header. */
  function authenticate(req: FastifyRequest, touch = true): { token: string; session: ServerSession } | { status: number; body: ErrorBody } {
    const b = bearer(req);
    if (b) {
      const session = sessions.use(b, touch);
      return session ? { token: b, session } : { status: 401, body: NO_SESSION };
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return { status: 401, body: NO_SESSION };
    const fetchSite = req.headers['sec-fetch-site'];
    const csrf = req.headers[CSRF_HEADER];
    if ((fetchSite && fetchSite !== 'same-origin') || typeof csrf !== 'string') {
      return { status: 403, body: refusal('geen_toegang', 'Dit verzoek komt niet van Sociaal Loket zelf en is geweigerd.') };
    }
    const session = sessions.use(cookie, touch);
    if (!session) return { status: 401, body: NO_SESSION };
    if (!sameSecret(csrf, session.csrf)) {
      return { status: 403, body: refusal('geen_toegang', 'Dit verzoek komt niet van Sociaal Loket zelf en is geweigerd.') };
    }
    return { token: cookie, session };
  }

  /** Every call re-reads the user (as the router does): a removed user, or changed roles, take effect at once. */
  function currentUser(s: ServerSession): UserRow | null {
    return state ? rereadSessionUser({ db: state.db, user: { id: s.userId, username: s.username } as UserRow }) : null;
  }

  const endSession = async (token: string, s: ServerSession, user: UserRow | null, reply: FastifyReply) => {
    sessions.end(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
    if (state) await log(state.db, s.username, user?.roles.join(',') ?? null, 'uitloggen', 'gelukt', s.origin, null);
  };

  app.post('/api/call', async (req, reply) => {
    if (!state) return sealed(reply);
    const auth = authenticate(req);
    if ('status' in auth) return reply.code(auth.status).send(auth.body);
    const { token, session } = auth;
    const body = CallSchema.safeParse(req.body);
    if (!body.success || !isChannel(body.data.channel)) {
      return reply.code(400).send(refusal('invoer', `Onbekende opdracht '${body.success ? body.data.channel : ''}'.`));
    }
    const channel = body.data.channel;
    const user = currentUser(session);
    if (!user || !session.slot.session) {
      sessions.end(token);
      return reply.code(401).send(refusal('vergrendeld', GEBRUIKER_INGETROKKEN));
    }
    if (channel === 'session.unlock') {
      return refusal('conflict', 'U bent al ingelogd bij de teamserver. Log uit om als iemand anders in te loggen.');
    }
    if (channel === 'session.lock') {
      await endSession(token, session, user, reply);
      return { ok: true, value: { ok: true } };
    }
    if (session.enrolling && !ENROLLING_ALLOWED.has(channel)) {
      await state.db.write(async () => {
        appendLog(state!.db.raw, { actor: user.username, role: user.roles.join(','), action: 'lezen', objectType: channel, result: 'geweigerd', origin: session.origin, detail: 'tweestapsverificatie nog niet ingesteld' });
      });
      return reply.code(403).send(refusal('geen_toegang', 'Stel eerst tweestapsverificatie in: uw rol vraagt om een code uit een authenticator-app bij het inloggen.'));
    }
    const callId = ++callSeq;
    session.running.set(callId, { channel, since: now() });
    let res;
    try {
      res = await router.call(channel, body.data.input, { slot: session.slot });
    } finally {
      session.running.delete(callId);
    }
    if (!session.slot.session) {
      // The router ended it (the user was removed or disabled meanwhile).
      sessions.end(token);
      return reply.code(401).send(res);
    }
    if (res.ok && channel === 'totp.confirm') session.enrolling = false;
    if (res.ok && (channel === 'user.remove' || channel === 'user.resetPassword')) {
      const target = await state.db.ds.getRepository(UserEntity).findOneBy({ username: (body.data.input as { username: string }).username });
      if (target && target.id !== user.id) sessions.endUser(target.id);
    }
    return res;
  });

  /**
   * The poll for progress and notifications: which of this session's calls are still running
   * (batch printing, export) and the person's messages. Polling does not count as activity.
   */
  app.post('/api/events', async (req, reply) => {
    if (!state) return sealed(reply);
    const auth = authenticate(req, false);
    if ('status' in auth) return reply.code(auth.status).send(auth.body);
    const { session } = auth;
    const running = [...session.running.values()].map((r) => ({ channel: r.channel, seconds: Math.round((now() - r.since) / 1000) }));
    if (session.enrolling) return { running, notificaties: null };
    const n = await router.call('notificatie.list', {}, { slot: session.slot, background: true });
    return { running, notificaties: n.ok ? n.value : null };
  });

  app.post('/api/logout', async (req, reply) => {
    if (!state) return sealed(reply);
    const auth = authenticate(req);
    if ('status' in auth) return reply.code(auth.status).send(auth.body);
    await endSession(auth.token, auth.session, currentUser(auth.session), reply);
    return { ok: true };
  });

  /** A browser after a reload: who am I, and the CSRF token for this cookie session. */
  app.get('/api/session', async (req, reply) => {
    if (!state) return sealed(reply);
    const session = sessions.use(req.cookies[SESSION_COOKIE] ?? bearer(req));
    const user = session ? currentUser(session) : null;
    if (!session || !user) return reply.code(401).send(NO_SESSION);
    const cur = await router.call('session.current', {}, { slot: session.slot });
    return { csrf: session.csrf, enrolling: session.enrolling, ...(cur.ok ? cur.value as object : {}) };
  });

  /** The server itself, as the actor of its scheduled jobs. */
  const serviceSession = (u: Unsealed): Session => sessionFor(u,
    { id: 0, username: '#server', displayName: 'teamserver', roles: ['beheerder'], mandaat: null, active: true, createdAt: new Date(0).toISOString() },
    `${os.hostname()}/server`);
  const exporters = CHANNELS['export.run'].roles as readonly string[];
  let outboxBusy = false;
  const runOutboxNow = async () => {
    const s = [...sessions.live()].find((x) => !x.enrolling && x.slot.session?.user.roles.some((r) => exporters.includes(r)));
    if (!state || !s || outboxBusy) return null;
    outboxBusy = true;
    try {
      return await router.call('export.run', { maxJobs: 10 }, { slot: s.slot, background: true });
    } finally {
      outboxBusy = false;
    }
  };
  const outboxTimer = setInterval(() => void runOutboxNow().catch(() => undefined), 60_000);
  outboxTimer.unref();
  let backupTimer: NodeJS.Timeout | null = null;
  if (o.backup) {
    const { dir, everyHours } = o.backup;
    backupTimer = setInterval(() => {
      if (state) void scheduledBackup(serviceSession(state), dir, new Date(now())).catch(() => undefined);
    }, everyHours * 3600_000);
    backupTimer.unref();
  }

  if (o.rendererDir && existsSync(o.rendererDir)) {
    await app.register(fastifyStatic, { root: o.rendererDir, prefix: '/', index: 'index.html' });
  }

  return {
    app,
    sessions,
    get state() {
      return state;
    },
    unseal(u: Unsealed) {
      state = u;
    },
    inProcess(username: string) {
      if (!state) return null;
      const id = activeUserId(state.db.raw, username);
      const user = id !== undefined ? rereadSessionUser({ db: state.db, user: { id, username } as UserRow }) : null;
      if (!user) return null;
      const slot = { session: sessionFor(state, user, `${os.hostname()}/in-process`), lastActivity: now() };
      return (channel: string, input: unknown) => router.call(channel, input, { slot });
    },
    runOutboxNow,
    async backupNow(dir: string) {
      if (!state) throw new LoketError('opslag', 'De server is verzegeld.');
      return scheduledBackup(serviceSession(state), dir, new Date(now()));
    },
    async close() {
      if (backupTimer) clearInterval(backupTimer);
      clearInterval(outboxTimer);
      await app.close();
      const s = state;
      state = null;
      if (s) {
        await s.db.close();
        s.key.fill(0);
      }
    },
  };
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/** A timestamped backup file in `dir`, written and verified (integrity, row counts) by vault.backup. */
function scheduledBackup(s: Session, dir: string, at: Date) {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return backupVault(s, path.join(dir, `loket-${stamp}.db`));
}

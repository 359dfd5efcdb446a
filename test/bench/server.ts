// The team server under load: simulated desk users over HTTPS (keep-alive, as the desktop app),
// a realistic mix, calls per second and p50/p95/p99 per kind, beside the same mix through the
// same router in-process (the transport's cost as a ratio). Run from bench.ts, or on its own:
//   npx tsx test/bench/server.ts --clients 2000 --seconds 10
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { STRONG_KDF } from '../../main/db/keyslots';
import { createDemoDatabase } from '../../main/demo/setup';
import { buildServer } from '../../main/server/app';
import { unsealWithPassword } from '../../main/server/seal';
import { mulberry32 } from '../../main/demo/prng';
import { ApiClient, makeCert } from '../support/https';
import { Authenticator } from '../support/totp';

export type Kind = 'zoeken (typen)' | 'cliënt openen' | 'werkvoorraad' | 'verslag opslaan' | 'indienen' | 'accorderen';
export const INTERACTIVE: Kind[] = ['zoeken (typen)', 'cliënt openen', 'werkvoorraad', 'verslag opslaan', 'indienen', 'accorderen'];

export interface MixResult {
  users: number;
  transport: 'https' | 'in-process';
  seconds: number;
  calls: number;
  /** CPU the simulated desks themselves used per call (TLS, JSON), on the same two cores as the server. */
  loadCpuMsPerCall?: number;
  /** Failed calls by kind and error code ("indienen: conflict"), so a failure is explained, not only counted. */
  errors: Record<string, number>;
  perKind: Record<string, { n: number; p50: number; p95: number; p99: number }>;
}

type Call = (channel: string, input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

function pct(samples: number[], p: number): number {
  if (samples.length === 0) return 0;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** The day of the simulated conversations: a melding of a later date cannot have had it (the router refuses). */
const VERSLAG_DATUM = '2026-03-10';

const SURNAMES = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters'];

export interface Desk {
  call: Call;
  role: 'consulent' | 'besluit';
  /** The desk user's id: the werkvoorraad opens on her own cases ("Mijn zaken"), as the screen does. */
  userId: number;
  /** Work this desk can do: its meldingen in onderzoek, its concepts, others' beschikkingen to approve. */
  meldingen: number[];
  concepts: number[];
  toApprove: number[];
}

/**
 * One simulated desk user: a think time of 200–600 ms between actions (a person at a desk, not a
 * load generator), and the mix: search as you type (3–5 calls), open a client (get and timeline at once),
 * the werkvoorraad (or accordering queue), save a verslag, submit a concept, approve.
 */
export async function deskLoop(d: Desk, until: number, seed: number, record: (k: Kind, ms: number, error: string | null) => void): Promise<void> {
  const prng = mulberry32(seed);
  const rng = () => prng.next();
  const timed = async (k: Kind, fn: () => Promise<{ ok: boolean; error?: { code: string } }>) => {
    const t = performance.now();
    let error: string | null = 'transport';
    try {
      const res = await fn();
      error = res.ok ? null : res.error?.code ?? 'onbekend';
    } catch { /* counted as a transport error */ }
    record(k, performance.now() - t, error);
  };
  // People do not start in the same millisecond: each desk begins within one think time.
  await sleep(rng() * 600);
  while (performance.now() < until) {
    const r = rng();
    if (r < 0.4) {
      const name = SURNAMES[Math.floor(rng() * SURNAMES.length)]!.replace(/^(de|van) /, '');
      const steps = 3 + Math.floor(rng() * 3);
      for (let i = 0; i < steps && performance.now() < until; i++) {
        const query = name.slice(0, Math.min(name.length, 2 + i));
        await timed('zoeken (typen)', () => d.call('client.search', { query }));
        await sleep(60 + rng() * 80);
      }
    } else if (r < 0.6) {
      const id = 1 + Math.floor(rng() * 2000);
      // As the client screen does (ClientPage: two loads at once): open = both answers in.
      await timed('cliënt openen', async () => {
        const [a, b] = await Promise.all([d.call('client.get', { id }), d.call('client.timeline', { id })]);
        return a.ok ? b : a;
      });
    } else if (r < 0.78) {
      // The screen opens on "Mijn zaken"; one look in four is at the whole team's.
      const mine = rng() < 0.75 ? { consulentId: d.userId } : {};
      await timed('werkvoorraad', () => d.role === 'besluit' ? d.call('accordering.queue', {}) : d.call('werkvoorraad.page', { pagina: 1 + Math.floor(rng() * 3), ...mine }));
    } else if (r < 0.9 && d.role === 'consulent' && d.meldingen.length) {
      const meldingId = d.meldingen[Math.floor(rng() * d.meldingen.length)]!;
      await timed('verslag opslaan', () => d.call('onderzoek.save', {
        meldingId, datum: VERSLAG_DATUM, aanwezigen: 'cliënt en consulent', behoeften: 'Zelfstandig thuis blijven wonen.',
        eigenKracht: 'Licht werk lukt zelf.', netwerk: 'Buren helpen soms.', mantelzorgOndersteuning: 'Besproken.',
        algemeneVoorzieningen: 'Geen passende.', benodigdeOndersteuning: 'Hulp bij het huishouden.', pgbUitgelegd: true,
        bijdrageUitgelegd: true, conclusies: 'Maatwerkvoorziening nodig.',
      }));
    } else if (d.role === 'consulent' && d.concepts.length) {
      const id = d.concepts.pop()!;
      await timed('indienen', () => d.call('beschikking.submit', { id }));
    } else if (d.role === 'besluit' && d.toApprove.length) {
      const id = d.toApprove.pop()!;
      await timed('accorderen', () => d.call('beschikking.approve', { id }));
    }
    await sleep(200 + rng() * 400);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the desks until the time is up; samples per kind. */
export async function runDesks(desks: Desk[], seconds: number, seed: number): Promise<{ samples: Record<string, number[]>; errors: Record<string, number>; seconds: number }> {
  const samples: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(desks.map((d, i) => deskLoop(d, until, seed + i, (k, ms, error) => {
    if (error) errors[`${k}: ${error}`] = (errors[`${k}: ${error}`] ?? 0) + 1;
    (samples[k] ??= []).push(ms);
  })));
  return { samples, errors, seconds: (performance.now() - start) / 1000 };
}

export interface LoadPlan {
  base: string;
  ca: string;
  password: string;
  seconds: number;
  seed: number;
  /** totp: this run's code for the desk's user (one login per such user, see server-load.ts). */
  desks: (Omit<Desk, 'call'> & { username: string; werkplek: string; totp: string | null })[];
}

/** The HTTPS desks in a child process (test/bench/server-load.ts): plan on stdin, samples on stdout. */
function runLoadProcess(plan: LoadPlan): Promise<{ samples: Record<string, number[]>; errors: Record<string, number>; seconds: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'server-load.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load process exited with ${code}`))));
    child.stdin.end(JSON.stringify(plan));
  });
}

export interface ServerBenchOptions {
  file: string;
  adminUser: string;
  adminPassword: string;
  demoPassword: string;
  seconds: number;
  users: number[];
  dir: string;
}

/** Puts the demo database under a server (this converts it: run it last) and runs each load twice. */
export async function benchServer(o: ServerBenchOptions): Promise<MixResult[]> {
  const tls = makeCert(o.dir);
  const unsealed = await unsealWithPassword(o.file, o.adminUser, o.adminPassword, { kdf: STRONG_KDF });
  const server = await buildServer({ dbFile: o.file, tls, unsealed, rendererDir: null, maxLoginFailures: 1000 });
  const base = (await server.app.listen({ host: '127.0.0.1', port: 0 })).replace(/^http:/, 'https:');
  const raw = unsealed.db.raw;
  const results: MixResult[] = [];
  try {
    // A team: one besluitbevoegde to four consultants, the consultants spread over every
    // consultant of the demo (each has only her own few concept beschikkingen to submit).
    const consulenten = (raw.prepare(`SELECT username FROM users WHERE active = 1 AND roles = '["consulent"]' ORDER BY username`).pluck().all() as string[]);
    const besluit = ['besluit1', 'besluit2', 'besluit3'];
    const deskUser = (i: number) => (i % 5 === 4 ? besluit[Math.floor(i / 5) % besluit.length]! : consulenten[(i - Math.floor(i / 5)) % consulenten.length]!);
    const demoUsers = [...new Set(Array.from({ length: Math.max(...o.users) }, (_, i) => deskUser(i)))];
    // The demo gives only some consultants a password; the beheerder sets one for the others.
    const beheer = server.inProcess(o.adminUser)!;
    for (const u of demoUsers.filter((x) => !x.startsWith('besluit'))) {
      const res = await beheer('user.resetPassword', { username: u, password: o.demoPassword }) as { ok: boolean };
      if (!res.ok) throw new Error(`wachtwoord voor ${u}: ${JSON.stringify(res)}`);
    }
    // The besluitbevoegden set up TOTP once, as they would at their first login.
    const apps = new Map<string, Authenticator>();
    for (const u of demoUsers.filter((x) => x.startsWith('besluit'))) {
      const c = new ApiClient(base, tls.cert, 'bench-inschrijven');
      await c.login(u, o.demoPassword);
      apps.set(u, new Authenticator((await c.ok('totp.begin')).secret));
      await c.ok('totp.confirm', { code: await apps.get(u)!.next() });
      await c.ok('session.lock');
      c.close();
    }
    const userId = (u: string) => (raw.prepare('SELECT id FROM users WHERE username = ?').get(u) as { id: number }).id;
    const work = (u: string, n: number, role: Desk['role']) => {
      const id = userId(u);
      const pick = (sql: string) => (raw.prepare(sql).all(id) as { id: number }[]).map((x) => x.id);
      return role === 'consulent'
        ? {
          meldingen: pick(`SELECT m.id FROM meldingen m LEFT JOIN onderzoeken o ON o.melding_id = m.id
            WHERE m.consulent_id = ? AND m.status = 'open' AND (o.id IS NULL OR o.verslag_verzonden_op IS NULL) AND m.datum <= '${VERSLAG_DATUM}' LIMIT 50`),
          concepts: pick(`SELECT id FROM beschikkingen WHERE status = 'concept' AND auteur_id = ? LIMIT ${n}`),
          toApprove: [],
        }
        : { meldingen: [], concepts: [], toApprove: pick(`SELECT id FROM beschikkingen WHERE status = 'ter_accordering' AND auteur_id <> ? LIMIT ${n}`) };
    };
    for (const n of o.users) {
      for (const transport of ['https', 'in-process'] as const) {
        const taken = new Set<number>();
        const takenMeldingen = new Set<number>();
        // A code is accepted once (RFC 6238 §5.2): one fresh code per TOTP user for this run.
        const codes = new Map<string, string>();
        if (transport === 'https') for (const [u, app] of apps) codes.set(u, await app.next());
        const plan = Array.from({ length: n }, (_, i) => {
          const username = deskUser(i);
          const role: Desk['role'] = username.startsWith('besluit') ? 'besluit' : 'consulent';
          // Each desk gets its own meldingen, concepts and beschikkingen to approve, none shared
          // (two desks saving one verslag would rightly meet a conflict).
          const w = work(username, 400, role);
          // The first k not yet given to another desk (only those are marked taken).
          const own = (xs: number[], k = 8, seen = taken) => {
            const out: number[] = [];
            for (const x of xs) {
              if (out.length >= k) break;
              if (!seen.has(x)) { seen.add(x); out.push(x); }
            }
            return out;
          };
          return { username, role, userId: userId(username), werkplek: `bench-${i}`, totp: codes.get(username) ?? null, meldingen: own(w.meldingen, 10, takenMeldingen),
            concepts: own(w.concepts), toApprove: own(w.toApprove, 20) };
        });
        let out: { samples: Record<string, number[]>; errors: Record<string, number>; seconds: number; cpuMs?: number };
        if (transport === 'https') {
          // The desks are other computers: their TLS and JSON work runs in a process of its own,
          // not in the server's event loop.
          out = await runLoadProcess({ base, ca: tls.cert, password: o.demoPassword, seconds: o.seconds, seed: 1000 * n, desks: plan });
        } else {
          const desks: Desk[] = plan.map((p) => ({ ...p, call: server.inProcess(p.username) as Call }));
          out = await runDesks(desks, o.seconds, 1000 * n);
        }
        const calls = Object.values(out.samples).reduce((a, x) => a + x.length, 0);
        results.push({
          users: n, transport, seconds: out.seconds, calls, errors: out.errors,
          ...(out.cpuMs === undefined ? {} : { loadCpuMsPerCall: out.cpuMs / Math.max(1, calls) }),
          perKind: Object.fromEntries(Object.entries(out.samples).map(([k, x]) => [k, { n: x.length, p50: pct(x, 50), p95: pct(x, 95), p99: pct(x, 99) }])),
        });
      }
    }
  } finally {
    await server.close();
  }
  return results;
}

/** Rows for bench.ts's table: per load and transport, calls/s, then p50/p95/p99 per kind with the https/in-process p95 ratio. */
export function serverRows(results: MixResult[], row: (metric: string, value: string, target?: string, pass?: boolean) => void): void {
  const f = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)}`;
  for (const r of results.filter((x) => x.transport === 'https')) {
    const local = results.find((x) => x.users === r.users && x.transport === 'in-process');
    const failed = (x: MixResult | undefined) => (x ? Object.values(x.errors).reduce((a, n) => a + n, 0) : '-');
    row(`server ${r.users} users: calls/s https | in-process [failed calls]`, `${(r.calls / r.seconds).toFixed(0)} | ${local ? (local.calls / local.seconds).toFixed(0) : '-'} [${failed(r)} | ${failed(local)}]`);
    if (r.loadCpuMsPerCall !== undefined) row(`server ${r.users} users: the desks' own CPU per call (load process, same 2 cores)`, `${r.loadCpuMsPerCall.toFixed(2)} ms`);
    const why = Object.entries(r.errors).map(([k, n]) => `${k} ×${n}`).join(', ');
    if (why) row(`server ${r.users} users: failed calls (https) by kind: code`, why);
    for (const k of INTERACTIVE) {
      const h = r.perKind[k];
      if (!h) continue;
      const l = local?.perKind[k];
      const ratio = l && l.p95 > 0 ? ` (${(h.p95 / l.p95).toFixed(1)}× in-process p95 ${f(l.p95)})` : '';
      row(`server ${r.users} users: ${k} p50/p95/p99 ms [n=${h.n}]`, `${f(h.p50)} / ${f(h.p95)} / ${f(h.p99)}${ratio}`,
        r.users === 50 ? 'p95 < 50 ms' : '', r.users === 50 ? h.p95 < 50 : undefined);
    }
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { clients: { type: 'string' }, seconds: { type: 'string' }, users: { type: 'string' } } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-bench-server-'));
  const file = path.join(dir, 'bench.db');
  (async () => {
    const pw = { admin: 'bench beheer wachtwoord', demo: 'bench demo wachtwoord' };
    await createDemoDatabase({
      file, clients: Number(values.clients ?? 2000), seed: 2026, today: '2026-03-16', admin: 'beheer', adminPassword: pw.admin,
      demoPassword: pw.demo, kdf: STRONG_KDF, route: 'test', allowNonBsnIds: Number(values.clients ?? 2000) > 9091, letters: 0,
    });
    const results = await benchServer({
      file, adminUser: 'beheer', adminPassword: pw.admin, demoPassword: pw.demo, dir,
      seconds: Number(values.seconds ?? 10), users: (values.users ?? '25,50').split(',').map(Number),
    });
    serverRows(results, (m, v, t = '', p) => console.log(`${m.padEnd(70)} ${v.padEnd(40)} ${t} ${p === undefined ? '' : p ? 'PASS' : 'FAIL'}`));
  })().finally(() => rmSync(dir, { recursive: true, force: true })).then(() => process.exit(0), (e) => {
    console.error(e);
    process.exit(1);
  });
}

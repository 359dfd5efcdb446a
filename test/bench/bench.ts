// Sociaal Loket benchmark: demo data generation, search, werkvoorraad, unlock, encrypted vs
// plain, letters, ZGW export, the team server under 25 and 50 desk users, peak memory. Prints one
// table and writes JSON.
//   npm run bench                      100k clients (~1.2M records)
//   npm run bench -- --quick           10k clients
//   npm run bench -- --json out.json --clients 50000
// Targets are checked here (PASS/FAIL column), never by timed assertions in tests.
import 'reflect-metadata';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { DataSource } from 'typeorm';
import { applyKey, configureConnection, openDatabase, type Db } from '../../main/db/database';
import { ENTITIES, UserEntity } from '../../main/db/entities';
import { openSlot, STRONG_KDF } from '../../main/db/keyslots';
import { fuzzySearchRaw } from '../../main/services/fuzzy';
import { mulberry32 } from '../../main/demo/prng';
import { createDemoDatabase } from '../../main/demo/setup';
import { createZgwClient } from '../../main/export/zgw/client';
import { runCaseExport } from '../../main/export/zgw/caseExport';
import { createRouter, type Router } from '../../main/router';
import { accorderingQueue, printQueue } from '../../main/services/beschikkingen';
import { searchClients, searchClientsRaw } from '../../main/services/clients';
import { werkvoorraadPage } from '../../main/services/werkvoorraadPage';
import type { TxContext } from '../../main/services/context';
import type { Session } from '../../main/vault';
import { WerkvoorraadPageQuerySchema } from '../../shared/ipc/desk-channels';
import { foldForSearch } from '../../shared/names';
import { makePlan, ZGW_CLIENT_ID, ZGW_SECRET, ZGW_USER } from '../support/zgw-fixtures';
import { startZgwServer } from '../support/zgw-server';
import { benchLettersInChild } from './letters';
import { benchWerkvoorraadUi } from './werkvoorraad-ui';
import { benchServer, serverRows } from './server';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' }, json: { type: 'string' }, clients: { type: 'string' }, seed: { type: 'string' },
    keep: { type: 'boolean' }, 'server-seconds': { type: 'string' }, 'zoeknaam-mode': { type: 'string' }, letters: { type: 'string' }, exports: { type: 'string' },
    // `--only werkvoorraad-ui`: only the werkvoorraad at 2,000 clients in Chromium (its own database).
    only: { type: 'string' },
  },
});
const QUICK = args.quick === true;
const CLIENTS = Number(args.clients ?? (QUICK ? 10_000 : 100_000));
const SEED = Number(args.seed ?? 2026);
const TODAY = '2026-03-16';
const QUERIES = 200;
const ADMIN_PW = 'bench beheer wachtwoord';
const DEMO_PW = 'bench demo wachtwoord';

interface Row { metric: string; value: string; target: string; result: string }
const rows: Row[] = [];
const json: Record<string, unknown> = { clients: CLIENTS, seed: SEED, quick: QUICK, cores: os.availableParallelism(), node: process.version };
const log = (s: string) => process.stderr.write(`${s}\n`);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
function row(metric: string, value: string, target = '', pass?: boolean) {
  rows.push({ metric, value, target, result: pass === undefined ? '' : pass ? 'PASS' : 'FAIL' });
}
function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
async function timeAll<T>(items: T[], fn: (x: T) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (const x of items) {
    const t = performance.now();
    await fn(x);
    out.push(performance.now() - t);
  }
  return out;
}

/** Opens a plaintext copy with the same entities and the loket_fold function, as a Db. */
async function openPlain(file: string): Promise<Db> {
  const ds = new DataSource({
    type: 'better-sqlite3', driver: Sqlite, database: file, fileMustExist: true, entities: ENTITIES, synchronize: false, logging: false,
    // The same connection settings as the encrypted store, only without a key.
    prepareDatabase: (conn: Sqlite.Database) => configureConnection(conn),
  });
  await ds.initialize();
  const raw = (ds.driver as unknown as { databaseConnection: Sqlite.Database }).databaseConnection;
  raw.pragma('optimize = 0x10002');
  return {
    file, ds, raw, onCommit: null, quietWork: null,
    write: (fn) => ds.transaction((m) => fn(m)),
    close: async () => { await ds.destroy(); },
  };
}

function typo(word: string, rng: ReturnType<typeof mulberry32>): string {
  if (word.length < 4) return word;
  const i = rng.int(1, word.length - 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** The werkvoorraad at 2,000 clients (a demo municipality of its own), router and Chromium; with the load average, as the machine may be shared. */
async function werkvoorraadUi(): Promise<void> {
  log('  werkvoorraad at 2,000 clients (router and Chromium)');
  const load0 = os.loadavg()[0]!;
  const wvUi = await benchWerkvoorraadUi(TODAY);
  json.werkvoorraadUi = { ...wvUi, loadavg: [load0, os.loadavg()[0]!] };
  if (wvUi.skipped) row('werkvoorraad.page at 2,000 clients', `overgeslagen: ${wvUi.skipped}`);
  else {
    row(`werkvoorraad.page (router) at 2,000 clients p50 / p95 [${wvUi.openCases} open]`, `${ms(pct(wvUi.router, 50))} / ${ms(pct(wvUi.router, 95))}`, 'p95 < 50 ms', pct(wvUi.router, 95) < 50);
    row(`werkvoorraad page in Chromium: click → rows painted p50 / p95 [${wvUi.clicks.length} clicks]`, `${ms(pct(wvUi.clicks, 50))} / ${ms(pct(wvUi.clicks, 95))}`, 'p95 < 300 ms', pct(wvUi.clicks, 95) < 300);
    row('load average (1 min) before / after the werkvoorraad section', `${load0.toFixed(2)} / ${os.loadavg()[0]!.toFixed(2)}`);
  }
}

function printRows(title: string): void {
  json.rows = rows;
  const out = path.resolve(args.json ?? 'bench-results.json');
  writeFileSync(out, JSON.stringify(json, null, 2) + '\n');
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((x) => Object.values(x)[i]!.length), ['metric', 'value', 'target', 'result'][i]!.length));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i]!)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(['metric', 'value', 'target', 'result']));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const x of rows) console.log(line([x.metric, x.value, x.target, x.result]));
  console.log(`\nJSON: ${out}`);
}

async function main() {
  if (args.only === 'werkvoorraad-ui') {
    await werkvoorraadUi();
    printRows(`Sociaal Loket bench — werkvoorraad at 2,000 clients only, ${os.availableParallelism()} cores, ${process.version}`);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-bench-'));
  const file = path.join(dir, 'bench.db');
  log(`bench: ${CLIENTS} clients in ${dir}`);
  try {
    // ---------------------------------------------------------------- generation / import
    const t0 = performance.now();
    const demo = await createDemoDatabase({
      file, clients: CLIENTS, seed: SEED, today: TODAY, admin: 'beheer', adminPassword: ADMIN_PW, demoPassword: DEMO_PW,
      kdf: STRONG_KDF, route: 'test', allowNonBsnIds: CLIENTS > 9091, letters: 4,
      zoeknaamMode: (args['zoeknaam-mode'] as 'rebuild' | 'triggers' | undefined) ?? 'rebuild',
      onProgress: (d, n) => { if (d % 20_000 === 0 || d === n) log(`  ${d}/${n} clients`); },
    });
    const totalMs = performance.now() - t0;
    const rate = demo.records / (demo.timings.importMs / 1000);
    json.generation = { records: demo.records, counts: demo.counts, totalMs, ...demo.timings, recordsPerSec: rate };
    row('demo: records generated + imported', `${demo.records} (${demo.counts.clients} clients)`);
    row('demo: import time (generate+insert+FTS)', `${(demo.timings.importMs / 1000).toFixed(1)} s = ${Math.round(rate)} rec/s`,
      CLIENTS >= 100_000 ? '< 120 s' : '', CLIENTS >= 100_000 ? demo.timings.importMs < 120_000 : undefined);
    row('demo: total incl. init, 8 key slots, letters', `${(totalMs / 1000).toFixed(1)} s`);

    // ---------------------------------------------------------------- unlock + open
    // Router unlock = scrypt (deliberate) + open; the open part is also timed on its own.
    const scrypt: number[] = [];
    const unlockTimes: number[] = [];
    const openTimes: number[] = [];
    let router: Router | null = null;
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      const key = await openSlot(file, 'consulent01', DEMO_PW);
      scrypt.push(performance.now() - t);
      t = performance.now();
      const db = await openDatabase(file, key);
      await db.ds.getRepository(UserEntity).findOneBy({ username: 'consulent01', active: true });
      openTimes.push(performance.now() - t);
      await db.close();
      if (router) await router.close();
      router = createRouter({ dbFile: file, route: 'test', today: () => TODAY });
      t = performance.now();
      const res = await router.call('session.unlock', { username: 'consulent01', password: DEMO_PW });
      unlockTimes.push(performance.now() - t);
      if (!res.ok) throw new Error(res.error.message);
    }
    const kdfMs = pct(scrypt, 50);
    const openMs = pct(openTimes, 50);
    json.unlock = { unlockMs: unlockTimes, scryptMs: scrypt, openMs: openTimes };
    row('unlock: scrypt key derivation (deliberate, N=2^17)', ms(kdfMs));
    row('unlock: router session.unlock total', ms(pct(unlockTimes, 50)));
    row('unlock: open beyond key derivation', ms(openMs), '< 1000 ms', openMs < 1000);
    const r = router!;
    const session = r.session!;

    // ---------------------------------------------------------------- workload
    const rng = mulberry32(SEED + 1);
    const maxId = (session.db.raw.prepare('SELECT max(id) AS n FROM clients').get() as { n: number }).n;
    const sample = Array.from({ length: QUERIES }, () => session.db.raw.prepare(
      'SELECT bsn, voornamen, geslachtsnaam, voorvoegsel, straat, postcode, huisnummer FROM clients WHERE id = ?').get(rng.int(1, maxId)) as
      { bsn: string; voornamen: string; geslachtsnaam: string; voorvoegsel: string | null; straat: string; postcode: string; huisnummer: number });
    const work = {
      bsn: sample.map((c) => c.bsn),
      naam: sample.map((c) => { const f = foldForSearch(c.geslachtsnaam); return f.slice(0, Math.max(3, Math.min(f.length, rng.int(3, 8)))); }),
      postcode: sample.map((c) => `${c.postcode} ${c.huisnummer}`),
      adres: sample.map((c) => `${c.straat} ${c.huisnummer}`),
      // "Anna van Vliet": voornaam first, the way people say it (every word must start a name word).
      voornaamNaam: sample.map((c) => [c.voornamen.split(' ')[0], c.voorvoegsel, c.geslachtsnaam].filter(Boolean).join(' ')),
      fuzzy: sample.map((c) => typo(foldForSearch(c.geslachtsnaam).split(' ')[0]!, rng)),
    };
    const kinds = [['bsn', 'bsn'], ['naam', 'naam'], ['postcode', 'postcode'], ['adres', 'adres'], ['voornaamNaam', 'naam']] as const;
    const search: Record<string, unknown> = {};
    let searchPass = true;
    for (const [label, kind] of kinds) {
      const queries = work[label];
      await timeAll(queries.slice(0, 20), (q) => r.call('client.search', { query: q, kind, limit: 25 })); // warm-up
      const viaRouter = await timeAll(queries, async (q) => {
        const res = await r.call('client.search', { query: q, kind, limit: 25 });
        if (!res.ok) throw new Error(res.error.message);
      });
      const viaRaw = await timeAll(queries, (q) => searchClientsRaw(session.db.raw, q, kind, 25));
      search[label] = { router: { p50: pct(viaRouter, 50), p95: pct(viaRouter, 95) }, raw: { p50: pct(viaRaw, 50), p95: pct(viaRaw, 95) } };
      const p95 = pct(viaRouter, 95);
      searchPass &&= p95 < 20;
      row(`search ${label}: router client.search p50 / p95`, `${ms(pct(viaRouter, 50))} / ${ms(p95)}`, 'p95 < 20 ms', p95 < 20);
      row(`search ${label}: searchClientsRaw p50 / p95`, `${ms(pct(viaRaw, 50))} / ${ms(pct(viaRaw, 95))}`);
    }
    fuzzySearchRaw(session.db.raw, 'warm', 25);
    const fz = await timeAll(work.fuzzy, (q) => fuzzySearchRaw(session.db.raw, q, 25));
    const fuzzyFound = work.fuzzy.filter((q, i) => fuzzySearchRaw(session.db.raw, q, 100).some((h) => h.zoeknaam.startsWith(foldForSearch(sample[i]!.geslachtsnaam)))).length;
    search.fuzzy = { raw: { p50: pct(fz, 50), p95: pct(fz, 95) }, recall: fuzzyFound / QUERIES };
    row('search fuzzy (typo): fuzzySearchRaw p50 / p95', `${ms(pct(fz, 50))} / ${ms(pct(fz, 95))}`, 'p95 < 20 ms', pct(fz, 95) < 20);
    row('search fuzzy: intended surname among hits', `${((fuzzyFound / QUERIES) * 100).toFixed(0)} %`);
    const fzRouter = await timeAll(work.fuzzy, async (q) => {
      const res = await r.call('client.search', { query: q, kind: 'fuzzy', limit: 25 });
      if (!res.ok) throw new Error(res.error.message);
    });
    (search.fuzzy as Record<string, unknown>).router = { p50: pct(fzRouter, 50), p95: pct(fzRouter, 95) };
    searchPass &&= pct(fzRouter, 95) < 20;
    row('search fuzzy: router client.search p50 / p95', `${ms(pct(fzRouter, 50))} / ${ms(pct(fzRouter, 95))}`, 'p95 < 20 ms', pct(fzRouter, 95) < 20);

    json.search = search;

    const consulentIds = (session.db.raw.prepare(`SELECT id FROM users WHERE roles LIKE '%consulent%'`).all() as { id: number }[]).map((x) => x.id);
    // The werkvoorraad as the desk opens it: all open cases, one consulent's, the overdue ones, by page.
    const wvInputs = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? { pagina: 1 + (i % 4) } : i % 3 === 1 ? { consulentId: consulentIds[i % consulentIds.length] } : { termijn: 'verlopen' as const }));
    await timeAll(wvInputs.slice(0, 6), (input) => r.call('werkvoorraad.page', input));
    const wv = await timeAll(wvInputs, async (input) => {
      const res = await r.call('werkvoorraad.page', input);
      if (!res.ok) throw new Error(res.error.message);
    });
    const wvAll = await r.call('werkvoorraad.page', {});
    json.werkvoorraad = { p50: pct(wv, 50), p95: pct(wv, 95), open: wvAll.ok ? wvAll.value.totaal : null };
    row(`werkvoorraad.page (router) p50 / p95 [${wvAll.ok ? wvAll.value.totaal : '?'} open cases]`, `${ms(pct(wv, 50))} / ${ms(pct(wv, 95))}`, 'p95 < 50 ms', pct(wv, 95) < 50);

    // ---------------------------------------------------------------- queues (the accordering queue's first page of 20; print queue up to 500 rows)
    {
      // The operation in a transaction of its own, as its handler runs it.
      const run = (op: (tx: TxContext) => Promise<{ items: unknown[] }>) =>
        session.db.write((m) => op({ m, raw: session.db.raw, session, today: () => TODAY }));
      const firstPage = (tx: TxContext) => accorderingQueue(tx, { pagina: 1, perPagina: 20 });
      for (const [label, list] of [['accordering.queue', firstPage], ['print.queue', printQueue]] as const) {
        await run(list);
        const times = await timeAll(Array.from({ length: QUICK ? 10 : 20 }), () => run(list));
        const n = (await run(list)).items.length;
        json[label] = { p50: pct(times, 50), p95: pct(times, 95), items: n };
        row(`${label} (service) p50 / p95 [${n} items]`, `${ms(pct(times, 50))} / ${ms(pct(times, 95))}`);
      }
    }

    // ---------------------------------------------------------------- encrypted vs plain
    const plainFile = path.join(dir, 'plain.db');
    session.db.raw.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(file, plainFile);
    {
      const key = session.key;
      const conn = new Sqlite(plainFile);
      applyKey(conn, key);
      conn.pragma('journal_mode = DELETE');
      conn.pragma(`rekey = ''`);
      conn.close();
    }
    const plain = await openPlain(plainFile);
    // Each operation in a transaction of its own on the given database, as its handler runs it.
    const inTx = <T>(db: Db, op: (tx: TxContext) => Promise<T>) =>
      db.write((m) => op({ m, raw: db.raw, session: { ...session, db } as Session, today: () => TODAY }));
    const workload = async (db: Db) => {
      const t = performance.now();
      for (const [label, kind] of kinds) for (const q of work[label]) await inTx(db, (tx) => searchClients(tx, { query: q, kind, limit: 25 }));
      for (const input of wvInputs) await inTx(db, (tx) => werkvoorraadPage(tx, WerkvoorraadPageQuerySchema.parse(input)));
      return performance.now() - t;
    };
    await workload(plain);
    await workload(session.db);
    const enc: number[] = [];
    const pln: number[] = [];
    for (let i = 0; i < 3; i++) { enc.push(await workload(session.db)); pln.push(await workload(plain)); }
    const ratio = pct(enc, 50) / pct(pln, 50);
    json.encryption = { encryptedMs: enc, plainMs: pln, ratio };
    row('workload (600 searches + 60 werkvoorraad), encrypted', ms(pct(enc, 50)));
    row('same workload, plaintext copy', ms(pct(pln, 50)));
    row('encrypted / plain ratio', ratio.toFixed(2), '≤ 1.25', ratio <= 1.25);
    await plain.close();

    // ---------------------------------------------------------------- ZGW export
    const server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
    try {
      const client = createZgwClient({
        zakenUrl: server.zakenUrl, documentenUrl: server.documentenUrl, besluitenUrl: server.besluitenUrl,
        clientId: ZGW_CLIENT_ID, secret: ZGW_SECRET, user: ZGW_USER, timeoutMs: 10_000,
      });
      const nExports = Number(args.exports ?? (QUICK ? 20 : 50));
      const cases = session.db.raw.prepare(`SELECT b.kenmerk, c.bsn, c.geslachtsnaam, c.voorvoegsel, c.geboortedatum
        FROM beschikkingen b JOIN aanvragen a ON a.id = b.aanvraag_id JOIN meldingen m ON m.id = a.melding_id JOIN clients c ON c.id = m.client_id
        WHERE b.status = 'verzonden' AND b.soort = 'toekenning' AND c.bsn BETWEEN '999900006' AND '999999990' ORDER BY b.id LIMIT ?`).all(nExports) as
        { kenmerk: string; bsn: string; geslachtsnaam: string; voorvoegsel: string | null; geboortedatum: string }[];
      const plans = cases.map((c) => {
        const p = makePlan(`SL-${c.kenmerk}`);
        p.rol.natuurlijkPersoon = { ...p.rol.natuurlijkPersoon, inpBsn: c.bsn, geslachtsnaam: c.geslachtsnaam, voorvoegsel: c.voorvoegsel ?? undefined, geboortedatum: c.geboortedatum };
        return p;
      });
      const t = performance.now();
      for (const plan of plans) await runCaseExport(plan, {}, { client, saveStep: async () => undefined });
      const perSec = plans.length / ((performance.now() - t) / 1000);
      json.export = { jobs: plans.length, jobsPerSec: perSec };
      row(`ZGW case export (${plans.length} jobs, validating server)`, `${perSec.toFixed(1)} jobs/s`);
    } finally {
      await server.close();
    }
    await r.close();

    // ---------------------------------------------------------------- werkvoorraad in the browser
    // At 2,000 clients (a demo municipality of its own): the router's page query and, in Chromium,
    // click → new rows painted for paging, sorting and the phase filter.
    await werkvoorraadUi();

    // ---------------------------------------------------------------- letters
    // The target is set for a batch of 1000, so --quick prints 1000 letters too (about 20 s).
    const nLetters = Number(args.letters ?? 1000);
    log(`  letters: ${nLetters}`);
    const letters = await benchLettersInChild(nLetters);
    json.letters = { n: nLetters, ...letters };
    row('letters single (shared fonts, 1 core, own process)', `${letters.singlePerSec} /s`);
    row(`letters batch of ${nLetters} (workers, combined PDF)`, `${letters.batchPerSec} /s`);
    row('letters naive pdfmake loop', `${letters.naivePerSec} /s`);
    const speedup = letters.batchPerSec / letters.naivePerSec;
    row('batch / naive', `${speedup.toFixed(1)}×`, '≥ 4×', speedup >= 4);

    // ---------------------------------------------------------------- team server (last: it converts the database)
    const serverSeconds = Number(args['server-seconds'] ?? (QUICK ? 15 : 60));
    log(`  team server: 25 and 50 desk users over HTTPS and in-process, ${serverSeconds} s each`);
    const teamServer = await benchServer({ file, adminUser: 'beheer', adminPassword: ADMIN_PW, demoPassword: DEMO_PW, seconds: serverSeconds, users: [25, 50], dir });
    json.server = teamServer;
    serverRows(teamServer, row);

    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    json.maxRssMb = maxRssMb;
    row('peak memory (maxRSS, this process)', `${maxRssMb.toFixed(0)} MiB`);
    row('peak memory (maxRSS, letters process incl. workers)', `${letters.maxRssMb} MiB`);
    json.allSearchPass = searchPass;
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
  printRows(`Sociaal Loket bench — ${CLIENTS} clients, seed ${SEED}, ${os.availableParallelism()} cores, ${process.version}`);
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/commands';
import { runCli } from '../../main/cli/loket';
import { openDatabase } from '../../main/db/database';
import { openSlot } from '../../main/db/keyslots';
import { createRouter, type Router } from '../../main/router';
import { startZgwServer, type ZgwTestServer } from '../support/zgw-server';
import { exportSettings, ZGW_CLIENT_ID, ZGW_SECRET } from '../support/zgw-fixtures';

/**
 * The README's order of first use: `loket init`, then `loket demo` on the same file. The demo
 * must fill that database (with a letterhead where init left none) and be consistent with
 * itself: every sent beschikking has its stored letter, so a ZGW export of it has no failures.
 */

const ADMIN = { LOKET_USER: 'beheer', LOKET_PASSWORD: 'een heel lang beheerderswachtwoord' };
const DEMO_PW = 'demo wachtwoord voor de test';
const TODAY = '2026-11-16';

function io(env: Record<string, string>): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (s) => stdout.push(s), err: (s) => stderr.push(s), prompt: () => Promise.reject(new Error('no prompt in tests')) };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-demo-init-'));
const dbFile = path.join(dir, 'loket.db');
let server: ZgwTestServer | undefined;
const routers: Router[] = [];
afterAll(async () => {
  for (const r of routers) await r.close();
  await server?.close();
});

async function login(username: string, password: string): Promise<Router> {
  const r = createRouter({ dbFile, route: 'test', today: () => TODAY });
  routers.push(r);
  const res = await r.call('session.unlock', { username, password });
  if (!res.ok) throw new Error(res.error.message);
  return r;
}

describe('loket init, then loket demo on the same file', () => {
  it('fills the database, writes the demo letterhead where init left it empty and says so', async () => {
    const init = io(ADMIN);
    expect(await runCli(['--db', dbFile, 'init', '--gemeente', 'Voorbeeldstad', '--gemeentecode', '9999', '--admin', 'beheer'], init)).toBe(0);

    const demo = io({ ...ADMIN, LOKET_DEMO_PASSWORD: DEMO_PW });
    const code = await runCli(['--db', dbFile, 'demo', '--clients', '120', '--seed', '7', '--vandaag', TODAY], demo);
    const all = [...demo.stdout, ...demo.stderr].join('\n');
    expect(all).not.toMatch(/onverwachts/);
    expect(code).toBe(0);
    expect(all).toMatch(/Briefhoofd aangevuld met demogegevens \(deze velden waren leeg\): adres van de gemeente, .*bezwaaradres/);
    expect(all).toMatch(/Demogegevens geladen in loket\.db .*120 cliënten/);
  }, 240_000);

  it('every sent beschikking has its stored letter', async () => {
    const db = await openDatabase(dbFile, await openSlot(dbFile, 'beheer', ADMIN.LOKET_PASSWORD));
    try {
      const sent = db.raw.prepare(`SELECT count(*) AS n FROM beschikkingen WHERE status = 'verzonden'`).get() as { n: number };
      const without = db.raw.prepare(`SELECT count(*) AS n FROM beschikkingen b WHERE b.status = 'verzonden'
        AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.beschikking_id = b.id)`).get() as { n: number };
      const soorten = db.raw.prepare(`SELECT DISTINCT b.soort FROM beschikkingen b JOIN letters l ON l.beschikking_id = b.id ORDER BY 1`).all() as { soort: string }[];
      expect(sent.n).toBeGreaterThan(50);
      expect(without.n).toBe(0);
      // Letters of every kind the demo sends, the beëindiging (with its ended voorziening) included.
      expect(soorten.map((s) => s.soort)).toEqual(expect.arrayContaining(['afwijzing', 'beeindiging', 'buiten_behandeling', 'toekenning', 'wijziging']));
    } finally {
      await db.close();
    }
  });

  it('a demo exported to the validating ZGW test server gives zero failed jobs', async () => {
    server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
    const beheer = await login('beheer', ADMIN.LOKET_PASSWORD);
    const settings = await beheer.call('settings.update', exportSettings(server));
    expect(settings.ok).toBe(true);
    expect((await beheer.call('export.setSecret', { secret: ZGW_SECRET })).ok).toBe(true);

    const admin = await login('admin1', DEMO_PW);
    let klaar = 0;
    let fout = 0;
    const errors: string[] = [];
    for (let round = 0; round < 100; round++) {
      const run = await admin.call('export.run', { kind: 'zgw', maxJobs: 200 });
      if (!run.ok) throw new Error(run.error.message);
      klaar += run.value.klaar;
      fout += run.value.fout + run.value.wachtend;
      for (const j of run.value.jobs) if (j.error) errors.push(j.error.message);
      if (run.value.taken === 0) break;
    }
    expect(errors).toEqual([]);
    expect(fout).toBe(0);
    const db = await openDatabase(dbFile, await openSlot(dbFile, 'beheer', ADMIN.LOKET_PASSWORD));
    try {
      const sent = db.raw.prepare(`SELECT count(*) AS n FROM beschikkingen WHERE status = 'verzonden'`).get() as { n: number };
      // One job per sent beschikking, each done; one zaak per melding with a sent beschikking.
      expect(klaar).toBe(sent.n);
      expect(server.counts().besluiten).toBe(sent.n);
    } finally {
      await db.close();
    }
  }, 300_000);
});

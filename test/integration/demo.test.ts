import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database';
import { openSlot } from '../../main/db/keyslots';
import { bsnPool, validTestBsns, zoeknaamOf, TEST_BSN_CAPACITY } from '../../main/demo/generate';
import { fuzzySearchRaw } from '../../main/services/fuzzy';
import { mulberry32 } from '../../main/demo/prng';
import { createDemoDatabase } from '../../main/demo/setup';
import { createRouter, type Router } from '../../main/router';
import { isTestBsn, passesElfproef } from '../../shared/bsn';
import { productcategorieen } from '../../shared/codelists';
import { isValidPostcode } from '../../shared/postcode';
import { tempDir, TEST_KDF } from '../support/vault';

const ADMIN_PW = 'demo beheer wachtwoord';
const DEMO_PW = 'demo gebruiker wachtwoord';
const TODAY = '2026-03-16';
const TABLES = ['users', 'settings', 'households', 'clients', 'representatives', 'meldingen', 'onderzoeken', 'aanvragen',
  'indicaties', 'beschikkingen', 'beschikking_indicaties', 'termijnen'];

async function makeDemo(seed: number) {
  const file = path.join(tempDir('loket-demo-'), 'demo.db');
  const res = await createDemoDatabase({
    file, clients: 200, seed, today: TODAY, admin: 'beheer', adminPassword: ADMIN_PW, demoPassword: DEMO_PW, kdf: TEST_KDF, route: 'test', letters: 2,
  });
  return { file, res };
}

/** Hash of every row of the case tables (the access log has wall-clock timestamps, so it is left out). */
async function canonicalHash(file: string): Promise<string> {
  const db = await openDatabase(file, await openSlot(file, 'beheer', ADMIN_PW));
  try {
    const h = createHash('sha256');
    for (const t of TABLES) {
      const order = t === 'settings' ? 'key' : t === 'beschikking_indicaties' ? 'beschikking_id, indicatie_id' : 'id';
      for (const row of db.raw.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).iterate() as Iterable<Record<string, unknown>>) {
        // initVault stamps the beheerder with the wall clock; everything the generator writes is seeded.
        if (t === 'users' && row.username === 'beheer') delete row.created_at;
        // The database id (migration 0011) is random per database by design.
        if (t === 'settings' && row.key === 'database.id') continue;
        h.update(`${t}:${JSON.stringify(row)}\n`);
      }
    }
    for (const row of db.raw.prepare('SELECT id, soort, beschikking_id, sha256 FROM letters ORDER BY id').iterate()) h.update(`letters:${JSON.stringify(row)}\n`);
    return h.digest('hex');
  } finally {
    await db.close();
  }
}

describe('loket demo', () => {
  let a: Awaited<ReturnType<typeof makeDemo>>;
  let router: Router | undefined;
  beforeAll(async () => {
    a = await makeDemo(42);
  }, 120_000);
  afterAll(async () => {
    await router?.close();
  });

  it('the test range holds exactly the valid test BSNs', () => {
    const all = validTestBsns();
    expect(all.length).toBe(TEST_BSN_CAPACITY);
    expect(all[0]).toBe('999900006');
    expect(all[all.length - 1]).toBe('999999990');
    expect(() => bsnPool(mulberry32(1), TEST_BSN_CAPACITY + 1, false)).toThrow(/testreeks/);
    const extra = bsnPool(mulberry32(1), TEST_BSN_CAPACITY + 500, true).filter((b) => !isTestBsn(b));
    expect(extra).toHaveLength(500);
    expect(extra.every((b) => !passesElfproef(b))).toBe(true);
  });

  it('same seed gives identical data; another seed does not', async () => {
    const b = await makeDemo(42);
    const c = await makeDemo(43);
    const [ha, hb, hc] = await Promise.all([canonicalHash(a.file), canonicalHash(b.file), canonicalHash(c.file)]);
    expect(hb).toBe(ha);
    expect(hc).not.toBe(ha);
    expect(b.res.counts).toEqual(a.res.counts);
  }, 120_000);

  it('generates valid, consistent data', async () => {
    expect(a.res.counts.clients).toBe(200);
    const db = await openDatabase(a.file, await openSlot(a.file, 'beheer', ADMIN_PW));
    try {
      const clients = db.raw.prepare('SELECT * FROM clients').all() as Record<string, string | null>[];
      for (const c of clients) {
        expect(passesElfproef(c.bsn!), c.bsn!).toBe(true);
        expect(isTestBsn(c.bsn!), c.bsn!).toBe(true);
        expect(isValidPostcode(c.postcode!), c.postcode!).toBe(true);
        expect(c.zoeknaam).toBe(zoeknaamOf(c as never));
      }
      expect(new Set(clients.map((c) => c.naamgebruik))).toEqual(new Set(['E', 'P', 'V', 'N']));
      expect(clients.some((c) => c.voorvoegsel)).toBe(true);
      for (const i of db.raw.prepare('SELECT wet, productcategorie, leveringsvorm FROM indicaties').all() as { wet: 'wmo' | 'jeugdwet'; productcategorie: string; leveringsvorm: string }[]) {
        expect(productcategorieen(i.wet).map((c) => c.code), `${i.wet} ${i.productcategorie}`).toContain(i.productcategorie);
        expect(['ZIN', 'PGB']).toContain(i.leveringsvorm);
      }
      const statuses = (db.raw.prepare('SELECT DISTINCT status FROM beschikkingen').pluck().all() as string[]).sort();
      expect(statuses).toContain('verzonden');
      expect(db.raw.pragma('foreign_key_check')).toEqual([]);
      expect((db.raw.prepare(`SELECT count(*) FROM letters`).pluck().get() as number)).toBe(2);
      // The FTS index matches the table (rebuilt after the bulk load) and the trigger is back.
      expect(db.raw.prepare(`SELECT count(*) FROM clients_fts WHERE clients_fts MATCH ?`).pluck().get(`"${clients[0]!.zoeknaam!.slice(0, 5)}"`)).toBeGreaterThan(0);
      expect(db.raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'clients_zoeknaam_insert'`).pluck().get()).toBe(1);
      // One access-log entry per import batch, not per row.
      expect((db.raw.prepare(`SELECT count(*) FROM access_log WHERE object_type = 'demogegevens'`).pluck().get() as number)).toBeLessThanOrEqual(3);
    } finally {
      await db.close();
    }
  });

  it('opens through the router; client.search finds a generated name, fuzzy search a typo', async () => {
    router = createRouter({ dbFile: a.file, route: 'test', kdf: TEST_KDF, today: () => TODAY });
    const u = await router.call('session.unlock', { username: 'consulent01', password: DEMO_PW });
    expect(u.ok).toBe(true);
    const s = router.session!;
    const c = s.db.raw.prepare('SELECT id, bsn, geslachtsnaam, postcode, huisnummer FROM clients ORDER BY id LIMIT 1 OFFSET 17').get() as
      { id: number; bsn: string; geslachtsnaam: string; postcode: string; huisnummer: number };
    const byName = await router.call('client.search', { query: c.geslachtsnaam, limit: 100 });
    expect(byName.ok && byName.value.results.some((r) => r.id === c.id)).toBe(true);
    const byBsn = await router.call('client.search', { query: c.bsn });
    expect(byBsn.ok && byBsn.value.results.map((r) => r.id)).toEqual([c.id]);
    const byAdres = await router.call('client.search', { query: `${c.postcode} ${c.huisnummer}` });
    expect(byAdres.ok && byAdres.value.results.some((r) => r.id === c.id)).toBe(true);
    const wv = await router.call('werkvoorraad.page', {});
    expect(wv.ok && wv.value.items.length).toBeGreaterThan(0);
    const hits = fuzzySearchRaw(s.db.raw, 'Vreis', 50);
    expect(hits.length === 0 || hits[0]!.zoeknaam.includes('vries')).toBe(true);
  });
});

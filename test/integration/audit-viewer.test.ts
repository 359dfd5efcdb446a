import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { appendLog } from '../../main/auditlog';
import { applyKey } from '../../main/db/database';
import { amsterdamMidnight } from '../../main/services/auditLogView';
import { Desk, ok, refused, vastgesteldeToekenning, type CaseIds } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';

/** Issue 16 item 9: the auditor's log viewer names people and objects and filters in main. */

let desk: Desk;
let bakker: CaseIds;
let jansen: CaseIds;
beforeAll(async () => {
  desk = await Desk.open();
  bakker = await vastgesteldeToekenning(desk, { bsn: '999990056', voornamen: 'Trijntje', geslachtsnaam: 'Bakker' });
  jansen = await vastgesteldeToekenning(desk, { bsn: '999990068', voornamen: 'Piet', geslachtsnaam: 'Jansen' });
}, 90_000);
afterAll(() => desk.close());

const vandaag = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

describe('audit.list for the auditor', () => {
  it('finds a client by name or BSN, never by internal id, and names client, kenmerk and user', async () => {
    const dirk = await desk.as('dirk');
    const anna = await desk.as('anna');
    const kenmerk = (await ok(anna, 'beschikking.get', { id: bakker.beschikkingId })).kenmerk;

    const byName = await ok(dirk, 'audit.list', { client: 'Bakker', limit: 500 });
    expect(byName.clientsGevonden).toBe(1);
    expect(byName.entries.length).toBeGreaterThan(3);
    expect(byName.entries.every((e) => e.clientId === bakker.clientId)).toBe(true);
    expect(byName.entries.every((e) => e.clientNaam === 'T. Bakker' || /Bakker/.test(e.clientNaam ?? ''))).toBe(true);
    const beschikkingRegel = byName.entries.find((e) => e.objectType === 'beschikking' && e.objectId === String(bakker.beschikkingId));
    expect(beschikkingRegel?.kenmerk).toBe(kenmerk);
    const meldingRegel = byName.entries.find((e) => e.objectType === 'melding' && e.objectId === String(bakker.meldingId));
    expect(meldingRegel?.kenmerk).toMatch(new RegExp(`^WMO-2026-0*${bakker.meldingId}$`));

    // The same lines by BSN, typed with spaces as people read it out.
    const byBsn = await ok(dirk, 'audit.list', { client: '999 990 056', limit: 500 });
    // Equal up to the line the name search itself added (it names the one client it matched).
    const newest = byName.entries[0]!.seq;
    expect(byBsn.entries.filter((e) => e.seq <= newest).map((e) => e.seq)).toEqual(byName.entries.map((e) => e.seq));
    expect(byBsn.entries.find((e) => e.seq > newest)).toMatchObject({ objectType: 'toegangslog', actor: 'dirk' });
    expect(byBsn.entries.every((e) => e.clientId === bakker.clientId)).toBe(true);
    expect(byBsn.entries.some((e) => e.clientId === jansen.clientId)).toBe(false);
    // Nobody by that name: nothing, not everything.
    const niemand = await ok(dirk, 'audit.list', { client: 'Zwartewaal', limit: 500 });
    expect(niemand).toMatchObject({ clientsGevonden: 0, entries: [] });

    // The viewer's own log line says which filters were used, never the BSN or name typed.
    const eigen = dirk.session!.db.raw.prepare(`SELECT detail FROM access_log WHERE actor = 'dirk' AND object_type = 'toegangslog' ORDER BY seq DESC LIMIT 2`).pluck().all() as string[];
    expect(eigen.join(' ')).toMatch(/gefilterd op cliënt/);
    expect(eigen.join(' ')).not.toMatch(/999|Zwartewaal|Bakker/);

    // The user's display name, and the user filter.
    const beheer = await ok(dirk, 'audit.list', { actor: 'beheer', limit: 500 });
    expect(beheer.entries.length).toBeGreaterThan(0);
    expect(beheer.entries.every((e) => e.actor === 'beheer' && e.actorNaam === 'Bea Heerder')).toBe(true);
    expect(byName.gebruikers).toEqual(expect.arrayContaining([{ username: 'beheer', displayName: 'Bea Heerder' }, { username: 'anna', displayName: 'anna' }]));
    expect(byName.acties).toEqual(expect.arrayContaining(['aanmaken', 'lezen']));
    // The filter lists are kept as the log is written: exactly what occurs in it, a new user's first step included.
    await ok(await desk.as('carla'), 'print.queue', {});
    const raw = dirk.session!.db.raw;
    const distinct = (column: string) => raw.prepare(`SELECT DISTINCT ${column} FROM access_log ORDER BY ${column}`).pluck().all();
    const latest = await ok(dirk, 'audit.list', { limit: 1 });
    expect(latest.gebruikers!.map((g) => g.username)).toContain('carla');
    expect(latest.gebruikers!.map((g) => g.username)).toEqual(distinct('actor'));
    expect(latest.acties).toEqual(distinct('action'));
  }, 60_000);

  it('filters on action and date range in main, combined with the other filters', async () => {
    const dirk = await desk.as('dirk');
    const alles = await ok(dirk, 'audit.list', { limit: 500 });
    const aangemaakt = await ok(dirk, 'audit.list', { action: 'aanmaken', actor: 'anna', client: 'Jansen', limit: 500 });
    expect(aangemaakt.entries.length).toBeGreaterThan(0);
    expect(aangemaakt.entries.every((e) => e.action === 'aanmaken' && e.actor === 'anna' && e.clientId === jansen.clientId)).toBe(true);
    expect(aangemaakt.entries.some((e) => e.objectType === 'beschikking' && e.objectId === String(jansen.beschikkingId))).toBe(true);
    expect(aangemaakt.entries.length).toBe(alles.entries.filter((e) => e.action === 'aanmaken' && e.actor === 'anna' && e.clientId === jansen.clientId).length);

    // Today (a Dutch day) holds the whole log of this test; a day long past and a day to come hold nothing.
    const vandaagOnly = await ok(dirk, 'audit.list', { van: vandaag(), tot: vandaag(), limit: 500 });
    expect(vandaagOnly.entries.length).toBeGreaterThanOrEqual(alles.entries.length);
    expect((await ok(dirk, 'audit.list', { van: '2020-01-01', tot: '2020-12-31', limit: 500 })).entries).toEqual([]);
    expect((await ok(dirk, 'audit.list', { van: '2099-01-01', limit: 500 })).entries).toEqual([]);
    expect((await ok(dirk, 'audit.list', { tot: '2020-01-01', limit: 500 })).entries).toEqual([]);

    const omgedraaid = await refused(dirk, 'audit.list', { van: '2026-05-02', tot: '2026-05-01' });
    expect(omgedraaid.field).toBe('tot');
    expect(omgedraaid.message).toMatch(/vóór de datum "van"/);
    expect((await refused(dirk, 'audit.list', { van: '2026-02-30' })).field).toBe('van');
    // Consultants do not read the log.
    expect((await refused(await desk.as('anna'), 'audit.list', { client: 'Bakker' })).code).toBe('geen_toegang');
  }, 60_000);

  it('a Dutch day starts at midnight in Amsterdam, summer and winter', () => {
    expect(amsterdamMidnight('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(amsterdamMidnight('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(amsterdamMidnight('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
  });
});

describe("the store's long jobs run on a worker thread", () => {
  it('checks the chain on a worker thread: another call is answered meanwhile, and the result is logged', async () => {
    const dirk = await desk.as('dirk');
    const anna = await desk.as('anna');
    const raw = dirk.session!.db.raw;
    // A long log: 40,000 more entries, appended as the app does.
    await dirk.session!.db.write(async () => {
      for (let i = 0; i < 40_000; i++) {
        appendLog(raw, { actor: 'anna', role: 'consulent', action: 'lezen', objectType: 'client', objectId: bakker.clientId, clientId: bakker.clientId, result: 'gelukt', origin: 'test/lang' });
      }
    });
    const order: string[] = [];
    const verify = dirk.call('audit.verify', {}).then((r) => { order.push('controle'); return r; });
    // On the main thread the check would hold this call back until it had hashed every entry.
    await ok(anna, 'werkvoorraad.page', {});
    order.push('werkvoorraad');
    const result = await verify;
    expect(result.ok ? result.value : result.error).toMatchObject({ ok: true });
    expect(result.ok && result.value.entries).toBeGreaterThan(40_000);
    expect(order).toEqual(['werkvoorraad', 'controle']);
    const logged = raw.prepare(`SELECT detail FROM access_log WHERE actor = 'dirk' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(logged).toMatch(/^controle geslaagd \(\d+ regels\)$/);
  }, 60_000);

  it('a backup of the (now longer) database: another call is answered meanwhile, and the copy holds every row', async () => {
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    const anna = await desk.as('anna');
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'loket-backup-')), 'kopie.db');
    const order: string[] = [];
    const made = beheer.call('database.backup', { out }).then((r) => { order.push('back-up'); return r; });
    await ok(anna, 'werkvoorraad.page', {});
    order.push('werkvoorraad');
    const result = await made;
    expect(result.ok ? 'gelukt' : result.error.message).toBe('gelukt');
    expect(order).toEqual(['werkvoorraad', 'back-up']);
    const raw = beheer.session!.db.raw;
    expect(result.ok && result.value.clients).toBe(raw.prepare('SELECT count(*) FROM clients').pluck().get());
    // Read back with the database's key: the long log is in it.
    const kopie = new Sqlite(out, { readonly: true });
    applyKey(kopie, beheer.session!.key);
    expect(kopie.prepare('SELECT count(*) FROM access_log').pluck().get()).toBeGreaterThan(40_000);
    kopie.close();
    expect(statSync(out).mode & 0o777).toBe(0o600);
  }, 60_000);
});

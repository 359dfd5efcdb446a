import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyZgwJwt } from '../../main/export/zgw/jwt';
import { runOutbox } from '../../main/export/outbox';
import type { Router } from '../../main/router';
import { Desk, ok, vastgesteldeToekenning } from '../support/cases';
import { startZgwServer, type FaultMode, type ZgwTestServer } from '../support/zgw-server';
import { EIND_STATUSTYPE, exportSettings, ZGW_CLIENT_ID, ZGW_SECRET } from '../support/zgw-fixtures';

/** ZGW export through the outbox: real router, real encrypted database, validating ZGW server. */

const EXPECTED = {
  zaken: 1, rollen: 1, statussen: 3, enkelvoudiginformatieobjecten: 2, zaakinformatieobjecten: 2,
  besluiten: 1, besluitinformatieobjecten: 1, resultaten: 1,
};
const times = (n: number) => Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, v * n]));


let desk: Desk;
let server: ZgwTestServer | undefined;
const beschikkingen: number[] = [];

async function configure(s: ZgwTestServer, on: Desk = desk) {
  const beheer = await on.as('beheer', '2026-04-20', 'correct paard batterij niet');
  await ok(beheer, 'settings.update', exportSettings(s));
  await ok(beheer, 'export.setSecret', { secret: ZGW_SECRET });
  return beheer;
}

async function newCase(bsn: string, geslachtsnaam: string): Promise<number> {
  const ids = await vastgesteldeToekenning(desk, { bsn, voornamen: 'Wilhelmina', geslachtsnaam, voorvoegsel: 'van' });
  const carla = await desk.as('carla', '2026-04-21');
  const sent = await ok(carla, 'print.send', { beschikkingIds: [ids.beschikkingId] });
  expect(sent.printed).toHaveLength(1);
  return ids.beschikkingId;
}

function resetOutbox(r: Router) {
  r.session!.db.raw.prepare('DELETE FROM export_outbox').run();
}

beforeAll(async () => {
  desk = await Desk.open();
  beschikkingen.push(await newCase('999993847', 'Dijk'));
  beschikkingen.push(await newCase('999993653', 'Vries'));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

afterAll(async () => {
  await desk.close();
});

describe('settings: the ZGW secret is write-only', () => {
  it('settings.get masks the secret; a form cannot write one through settings.update', async () => {
    server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
    const beheer = await configure(server);
    const got = await ok(beheer, 'settings.get', {});
    expect(got.export.secret).toBe('••••••••');
    expect(JSON.stringify(got)).not.toContain(ZGW_SECRET);
    const res = await beheer.call('settings.update', { ...exportSettings(server), export: { ...exportSettings(server).export, secret: 'lek' } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.field).toBe('export.secret');
  });
});

describe('ZGW export through the outbox', () => {
  it('a case ending in print.send → export.run → exactly one zaak, one document per letter, one besluit', async () => {
    server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
    const beheer = await configure(server);
    resetOutbox(beheer);
    const anna = await desk.as('anna', '2026-04-22');
    const run = await ok(anna, 'export.run', {});
    expect(run.skipped.filter((s) => s.kind === 'zgw')).toEqual([]);
    expect(run.jobs.filter((j) => j.kind === 'zgw').map((j) => j.status)).toEqual(['klaar', 'klaar']);
    expect(server.counts()).toEqual(times(2));

    const zaken = server.objects('zaken') as any[];
    expect(zaken.map((z) => z.identificatie).sort()).toEqual(['WMO-2026-000001', 'WMO-2026-000002']);
    for (const z of zaken) {
      expect(z).toMatchObject({ bronorganisatie: '001234567', startdatum: '2026-03-02', uiterlijkeEinddatumAfdoening: '2026-04-28' });
      expect(z.status).toBeTruthy();
      expect(z.resultaat).toBeTruthy();
    }
    const besluiten = server.objects('besluiten') as any[];
    // verzonden 2026-04-21 → bezwaar 6 weeks later, 2026-06-02
    expect(besluiten.map((b) => b.uiterlijkeReactiedatum)).toEqual(['2026-06-02', '2026-06-02']);
    const eios = server.objects('enkelvoudiginformatieobjecten') as any[];
    expect(eios.map((e) => e.identificatie).sort()).toEqual(['BES-2026-000001', 'BES-2026-000002', 'WMO-2026-000001-GV', 'WMO-2026-000002-GV']);
    // the beschikking document is byte for byte the stored letter
    const letter = await ok(anna, 'beschikking.get', { id: beschikkingen[0]! });
    const stored = await ok(anna, 'letter.get', { id: letter.letterId! });
    const posted = server.requests.find((q) => q.method === 'POST' && (q.body as any)?.identificatie === 'BES-2026-000001')!;
    expect((posted.body as any).inhoud).toBe(stored.pdfBase64);
    const rollen = server.objects('rollen') as any[];
    expect(rollen.map((r) => r.betrokkeneIdentificatie.inpBsn).sort()).toEqual(['999993653', '999993847']);

    // the JWT carries the consultant who ran the export
    const jwt = verifyZgwJwt(String(server.requests[0]!.headers.authorization).slice(7), ZGW_SECRET)!;
    expect(jwt.payload).toMatchObject({ client_id: ZGW_CLIENT_ID, user_id: 'anna', user_representation: 'anna' });

    // access log: one 'exporteren' per case with the client id; the chain holds
    const log = anna.session!.db.raw.prepare(`SELECT actor, client_id, result FROM access_log WHERE action = 'exporteren' AND object_type = 'zgw-zaak'`).all() as any[];
    expect(log).toHaveLength(2);
    expect(log.every((l) => l.actor === 'anna' && l.client_id !== null && l.result === 'gelukt')).toBe(true);
    expect((await ok(await desk.as('dirk'), 'audit.verify', {})).ok).toBe(true);

    // status without BSN; a second run sends nothing
    const status = await ok(anna, 'export.status', { kind: 'zgw' });
    expect(status.jobs.map((j) => j.status)).toEqual(['klaar', 'klaar']);
    expect(JSON.stringify(status)).not.toMatch(/999993847|999993653/);
    const n = server.requests.length;
    const again = await ok(anna, 'export.run', { kind: 'zgw' });
    expect(again.taken).toBe(0);
    expect(server.requests.length).toBe(n);
  });

  it('a beëindiging in a zaak the first beschikking closed: the export reopens the zaak, adds letter and besluit, closes it again', async () => {
    server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID, eindStatustypen: [EIND_STATUSTYPE] });
    const own = await Desk.open(); // a zaak of its own: the other tests count theirs
    try {
    await configure(server, own);
    const ids = await vastgesteldeToekenning(own, { bsn: '999990020', voornamen: 'Gerrit', geslachtsnaam: 'Hoekstra' });
    await ok(await own.as('carla', '2026-04-21'), 'print.send', { beschikkingIds: [ids.beschikkingId] });
    const anna = await own.as('anna', '2026-04-22');
    expect((await ok(anna, 'export.run', { kind: 'zgw' })).jobs.map((j) => j.status)).toEqual(['klaar']);
    const zaak = () => (server!.objects('zaken') as any[])[0]!;
    expect(zaak().einddatum).toBe('2026-04-21');

    const stop = await ok(anna, 'beschikking.create', {
      aanvraagId: ids.aanvraagId, soort: 'beeindiging', vervangtId: ids.beschikkingId, indicatieIds: [ids.indicatieId], perDatum: '2026-09-30',
      besluitTekst: 'Uw hulp bij het huishouden stopt.', motivering: 'U bent hersteld en kunt het huishouden weer zelf doen.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.10'],
    });
    await ok(anna, 'beschikking.submit', { id: stop.id });
    await ok(await own.as('bram', '2026-04-21'), 'beschikking.approve', { id: stop.id });
    // sent the same day as the toekenning: the order of the statussen must still hold
    await ok(await own.as('carla', '2026-04-21'), 'print.send', { beschikkingIds: [stop.id] });
    const run = await ok(anna, 'export.run', { kind: 'zgw' });
    expect(run.jobs.map((j) => [j.status, j.error?.message])).toEqual([['klaar', undefined]]);

    expect(zaak().einddatum).toBe('2026-04-21');
    expect(server.counts()).toMatchObject({ zaken: 1, statussen: 5, enkelvoudiginformatieobjecten: 3, zaakinformatieobjecten: 3, besluiten: 2, resultaten: 1 });
    const statussen = (server.objects('statussen') as any[]).sort((a, b) => Date.parse(a.datumStatusGezet) - Date.parse(b.datumStatusGezet));
    expect(statussen.map((s) => s.statustoelichting)).toEqual([
      'Melding ontvangen', 'Aanvraag ontvangen', 'Beschikking BES-2026-000001 verzonden',
      'Heropend voor beschikking BES-2026-000002', 'Beschikking BES-2026-000002 verzonden',
    ]);
    expect(statussen.at(-1)!.indicatieLaatstGezetteStatus).toBe(true);
    expect(statussen.at(-1)!.statustype).toBe(EIND_STATUSTYPE);
    } finally {
      await own.close();
    }
  });

  for (const fault of ['500', 'drop', 'timeout', 'drop-after-commit'] as const satisfies readonly FaultMode[]) {
    it(`fault '${fault}' on the first try of every step: each case ends exported exactly once`, async () => {
      server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID, failFirstAttemptOfEachStep: fault });
      const beheer = await configure(server);
      resetOutbox(beheer);
      const anna = await desk.as('anna', '2026-04-22');
      let clock = Date.now();
      let rounds = 0;
      for (;;) {
        rounds++;
        const r = await runOutbox(anna.session!.db, anna.session!, {
          kinds: ['zgw'], now: () => new Date(clock), today: () => '2026-04-22', timeoutMs: fault === 'timeout' ? 400 : 5_000,
          retry: { attempts: 1 }, backoff: { baseMs: 1_000, maxMs: 60_000 },
        });
        expect(r.fout).toBe(0);
        const rows = anna.session!.db.raw.prepare(`SELECT status, next_attempt_at FROM export_outbox WHERE kind = 'zgw'`).all() as { status: string; next_attempt_at: string | null }[];
        if (rows.every((x) => x.status === 'klaar')) break;
        // a transient failure is put back with a backoff in the future
        expect(rows.filter((x) => x.status === 'wachtend').every((x) => x.next_attempt_at && Date.parse(x.next_attempt_at) > clock)).toBe(true);
        clock += 3_600_000;
        expect(rounds).toBeLessThan(60);
      }
      expect(server.counts()).toEqual(times(2));
      expect(server.requests.filter((q) => q.fault === fault).length).toBe(2 * 12);
    });
  }

  it('an export interrupted after N steps resumes with a new router and runner, without duplicates', async () => {
    server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
    const beheer = await configure(server);
    resetOutbox(beheer);
    const anna = await desk.as('anna', '2026-04-22');
    const ac = new AbortController();
    let saved = 0;
    const first = await runOutbox(anna.session!.db, anna.session!, {
      kinds: ['zgw'], maxJobs: 1, signal: ac.signal,
      onStepSaved: () => { if (++saved === 5) ac.abort(new Error('afsluiten')); },
    });
    expect(first.aborted).toBe(true);
    const row = anna.session!.db.raw.prepare(`SELECT id, status, steps FROM export_outbox WHERE kind = 'zgw' ORDER BY id LIMIT 1`).get() as { id: number; status: string; steps: string };
    expect(Object.keys(JSON.parse(row.steps))).toHaveLength(5);
    expect(server.counts().zaken).toBe(1);

    // A crash would leave it 'bezig' with a lease: make it so, with the lease run out.
    anna.session!.db.raw.prepare(`UPDATE export_outbox SET status = 'bezig', next_attempt_at = ? WHERE id = ?`).run(new Date(Date.now() - 1000).toISOString(), row.id);
    await anna.close();

    const anna2 = await desk.as('anna', '2026-04-22');
    const requestsBefore = server.requests.length;
    const resumed = await ok(anna2, 'export.run', { kind: 'zgw' });
    expect(resumed.jobs.map((j) => j.status)).toEqual(['klaar', 'klaar']);
    expect(server.counts()).toEqual(times(2));
    // the resumed job did not touch the five steps it had saved: no POST /zaken for it again
    const zakenPosts = server.requests.slice(requestsBefore).filter((q) => q.method === 'POST' && q.path === '/api/v1/zaken');
    expect(zakenPosts).toHaveLength(1); // only the second case's zaak
  });

  it("a refusal (4xx) stops the job with the server's Dutch message and field in export.status; retry after the fix", async () => {
    server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
    const beheer = await configure(server);
    resetOutbox(beheer);
    const raw = beheer.session!.db.raw;
    const clientId = (raw.prepare(`SELECT m.client_id AS id FROM beschikkingen b JOIN aanvragen a ON a.id = b.aanvraag_id JOIN meldingen m ON m.id = a.melding_id WHERE b.id = ?`).get(beschikkingen[0]!) as { id: number }).id;
    // legacy data the zaaksysteem refuses: voorletters longer than 20 characters
    raw.prepare(`UPDATE clients SET voorletters = 'A.B.C.D.E.F.G.H.I.J.K.L.' WHERE id = ?`).run(clientId);
    const anna = await desk.as('anna', '2026-04-22');
    const run = await ok(anna, 'export.run', { kind: 'zgw' });
    expect(run.fout).toBe(1);
    const status = await ok(anna, 'export.status', { status: 'fout' });
    expect(status.jobs).toHaveLength(1);
    const job = status.jobs[0]!;
    expect(job.lastError!.message).toMatch(/^Het zaaksysteem weigert veld 'betrokkeneIdentificatie\.voorletters': /);
    expect(job.lastError!.field).toBe('betrokkeneIdentificatie.voorletters');
    expect(job.clientId).toBe(clientId);
    const failed = raw.prepare(`SELECT result FROM access_log WHERE action = 'exporteren' AND client_id = ? ORDER BY seq DESC LIMIT 1`).get(clientId) as { result: string };
    expect(failed.result).toBe('mislukt');

    // no retry until a person says so; then it finishes where it stopped
    expect((await ok(anna, 'export.run', { kind: 'zgw' })).taken).toBe(0);
    raw.prepare(`UPDATE clients SET voorletters = 'W.' WHERE id = ?`).run(clientId);
    expect((await ok(anna, 'export.retry', { id: job.id })).status).toBe('wachtend');
    const again = await ok(anna, 'export.run', { kind: 'zgw' });
    expect(again.klaar).toBe(1);
    expect(server.counts()).toEqual(times(2));
    // the auditor may look, not start or retry
    const dirk = await desk.as('dirk');
    expect((await dirk.call('export.run', {})).ok).toBe(false);
    expect((await ok(dirk, 'export.status', {})).jobs.length).toBeGreaterThan(0);
  });

  it('dry-run shows what would be sent and changes nothing', async () => {
    server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
    const beheer = await configure(server);
    resetOutbox(beheer);
    const anna = await desk.as('anna', '2026-04-22');
    const dry = await ok(anna, 'export.run', { kind: 'zgw', dryRun: true });
    expect(dry.planned).toHaveLength(2);
    expect(dry.planned[0]!.wat.join('\n')).toMatch(/zaak WMO-2026-000001/);
    expect(JSON.stringify(dry)).not.toMatch(/999993847/);
    expect(server.requests).toHaveLength(0);
    expect((anna.session!.db.raw.prepare('SELECT count(*) AS n FROM export_outbox').get() as { n: number }).n).toBe(0);
  });

  it('print.send queues the export in the same transaction once the export is configured', async () => {
    server ??= await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
    await configure(server);
    const id = await newCase('999994669', 'Horst');
    const anna = await desk.as('anna', '2026-04-22');
    const jobs = (await ok(anna, 'export.status', {})).jobs;
    expect(jobs.filter((j) => j.kind === 'zgw' && j.subjectId === id).map((j) => j.status)).toEqual(['wachtend']);
  });

});

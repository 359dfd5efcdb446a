import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specPath } from '../../specs/path.cjs';
import { verifyLog } from '../../main/auditlog';
import { applyKey } from '../../main/db/database';
import { addIsoDuration } from '../../main/beheer/retention';
import type { Router } from '../../main/router';
import type { ChannelInput, ChannelName } from '../../shared/ipc/channels';
import { CaseBuilder } from '../support/beheer-cases';
import { decryptDbFile, decryptWalFile } from '../support/sqlcipher-pages';
import { Desk, ok } from '../support/cases';
import { ADMIN_PASSWORD, tempDir } from '../support/vault';

/**
 * Retention and destruction on a real encrypted database: closing with a selectielijst result,
 * the destruction list, vier-ogen, destruction on request, and proof that nothing of a destroyed
 * case survives in a fully decrypted copy of the file (free pages included) or in the WAL.
 */

const fixture = JSON.parse(readFileSync(specPath('selectielijst-2020', 'resultaten.json'), 'utf8')) as
  { fields: { uuid: string; bewaartermijn: string } }[];
const termOf = (uuid: string) => fixture.find((r) => r.fields.uuid === uuid)!.fields.bewaartermijn;

let desk: Desk;
let cb: CaseBuilder;

async function refused<C extends ChannelName>(r: Router, channel: C, input: ChannelInput<C>) {
  const res = await r.call(channel, input);
  if (res.ok) throw new Error(`${channel} should have been refused`);
  return res.error;
}

/** Rekeys a copy of the database to an empty key and returns its plaintext bytes, free pages and all. */
function decryptedCopy(file: string, key: Buffer, withWal: boolean): Buffer {
  const copy = path.join(tempDir('loket-plain-'), 'copy.db');
  copyFileSync(file, copy);
  if (withWal && existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  const conn = new Sqlite(copy);
  applyKey(conn, key);
  conn.pragma('journal_mode = DELETE');
  conn.pragma(`rekey=''`);
  conn.close();
  const bytes = readFileSync(copy);
  expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  return bytes;
}

function found(bytes: Buffer, needles: (string | Buffer)[]): string[] {
  return needles.filter((n) => {
    const b = typeof n === 'string' ? Buffer.from(n, 'utf8') : n;
    return bytes.includes(b) || (typeof n === 'string' && bytes.includes(Buffer.from(n, 'utf16le')));
  }).map((n) => (typeof n === 'string' ? n : `<${n.length} bytes of the letter>`));
}

const PHILOMENA = { bsn: '999990019', voornamen: 'Philomena', geslachtsnaam: 'Zwartendijk' };
const HULPVRAAG = 'Mijn trapleuning is losgeraakt en ik val bijna dagelijks';
const ONDERZOEK = 'Heupprothese sinds najaar, loopt met rollator';
const BESLUIT = 'U krijgt een traplift in uw woning aan de Zonnebloemhof.';

beforeAll(async () => {
  desk = await Desk.open();
  cb = new CaseBuilder(desk, '2026-04-20');
});
afterAll(async () => { await desk.close(); });

describe('closing a case with its Selectielijst 2020 result', () => {
  it('sets the archiefactiedatum from the term in the shipped JSON, per class', async () => {
    const q = await cb.client({ bsn: '999990020', voornamen: 'Quirina', geslachtsnaam: 'Bolkestein', wijk: 'Noord' });
    const r = await cb.client({ bsn: '999990032', voornamen: 'Rutger', geslachtsnaam: 'Hoogeveen', geboortedatum: '2014-03-01', wijk: 'Zuid' });
    const cases = {
      wmoVerstrekt: await cb.build({ clientId: q, wet: 'wmo', melding: '2026-03-02', onderzoek: '2026-03-20', aanvraag: '2026-03-23',
        indicaties: [{ productcategorie: '01', leveringsvorm: 'ZIN', ingangsdatum: '2026-04-01', einddatum: '2027-03-31' }],
        beschikking: { soort: 'toekenning', vastgesteld: '2026-04-01' } }),
      jeugdVerstrekt: await cb.build({ clientId: r, wet: 'jeugdwet', melding: '2026-02-02', onderzoek: '2026-02-20', aanvraag: '2026-02-23',
        indicaties: [{ productcategorie: '45', leveringsvorm: 'ZIN', ingangsdatum: '2026-04-01', einddatum: '2026-12-31' }],
        beschikking: { soort: 'toekenning', vastgesteld: '2026-04-02' } }),
      geweigerd: await cb.build({ clientId: q, wet: 'wmo', melding: '2026-03-03', onderzoek: '2026-03-20', aanvraag: '2026-03-24',
        beschikking: { soort: 'afwijzing', vastgesteld: '2026-04-01' } }),
      afgebroken: await cb.build({ clientId: r, wet: 'jeugdwet', melding: '2026-03-05' }),
    };
    const anna = await cb.as('anna', '2026-04-20');
    // The resultaat must fit the besluit; an open case cannot close twice.
    expect((await refused(anna, 'zaak.afsluiten', { meldingId: cases.geweigerd.meldingId, resultaat: 'verstrekt' })).field).toBe('resultaat');
    const expected = [
      [cases.wmoVerstrekt, 'verstrekt', '8.1.1', 'd97defa2-764f-402c-b3d7-b8db60ae340b', '2041-04-20'],
      [cases.jeugdVerstrekt, 'verstrekt', '8.1.2', '194e611f-3cfd-4e94-88c8-0b7e50824925', '2046-04-20'],
      [cases.geweigerd, 'geweigerd', '8.2', 'e2068367-1012-4795-984e-72901180ff80', '2031-04-20'],
      [cases.afgebroken, 'afgebroken', '8.4.1', '8064f4fd-0741-4837-bfe7-c722c178c809', '2026-06-01'],
    ] as const;
    for (const [c, resultaat, nummer, uuid, datum] of expected) {
      const a = await ok(anna, 'zaak.afsluiten', { meldingId: c.meldingId, resultaat });
      expect(a.selectielijst).toMatchObject({ volledigNummer: nummer, uuid, bewaartermijn: termOf(uuid) });
      expect(a.afsluitdatum).toBe('2026-04-20');
      expect(a.archiefactiedatum).toBe(addIsoDuration('2026-04-20', termOf(uuid)));
      expect(a.archiefactiedatum).toBe(datum);
      expect(await ok(anna, 'zaak.archief', { meldingId: c.meldingId })).toEqual({ archief: a });
    }
    expect((await refused(anna, 'zaak.afsluiten', { meldingId: cases.afgebroken.meldingId, resultaat: 'afgebroken' })).code).toBe('conflict');
    // A closed melding refuses further work through the core services.
    expect((await refused(anna, 'aanvraag.create', { meldingId: cases.afgebroken.meldingId, ontvangenOp: '2026-04-20', omschrijving: 'Nog een aanvraag' })).message).toMatch(/afgesloten/);
  });
});

describe('destruction', () => {
  it('destroys on request (vier-ogen) and after the term; nothing of the case survives in a decrypted copy or the WAL', async () => {
    // Philomena: a full Wmo case with a representative, a household, a printed letter.
    const anna = await cb.as('anna', '2026-04-20');
    const p = (await ok(anna, 'client.create', {
      ...PHILOMENA, geboortedatum: '1938-07-14', straat: 'Zonnebloemhof', huisnummer: 7, postcode: '1234 AB', woonplaats: 'Voorbeeldstad', wijk: 'Centrum',
      vertegenwoordigers: [{ soort: 'bewindvoerder', naam: 'Theodorus Vlasblom', adresregels: ['Postbus 77'], ontvangtPost: true }],
    })).id;
    await ok(anna, 'household.create', { naam: 'Huishouden Zwartendijk', regisseurId: null, memberIds: [p] });
    const pc = await cb.build({ clientId: p, wet: 'wmo', melding: '2026-03-02', hulpvraag: HULPVRAAG, mantelzorger: 'Gijsbertus Overdiep',
      onderzoek: '2026-03-20', onderzoekTekst: ONDERZOEK, aanvraag: '2026-03-23',
      indicaties: [{ productcategorie: '05', leveringsvorm: 'PGB', budgetCents: 875000, ingangsdatum: '2026-04-01', einddatum: '2026-12-31' }],
      beschikking: { soort: 'toekenning', vastgesteld: '2026-04-01', besluitTekst: BESLUIT } });
    const printed = await ok(await cb.as('carla', '2026-04-02'), 'print.send', { beschikkingIds: [pc.beschikkingId!] });
    expect(printed.failures).toEqual([]);
    const beheer0 = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    const letterPdf = beheer0.session!.db.raw.prepare('SELECT pdf FROM letters WHERE beschikking_id = ?').pluck().get(pc.beschikkingId) as Buffer;
    const letterSlice = letterPdf.subarray(Math.floor(letterPdf.length / 2), Math.floor(letterPdf.length / 2) + 48);
    await ok(anna, 'zaak.afsluiten', { meldingId: pc.meldingId, resultaat: 'verstrekt' });
    await beheer0.session!.db.write(async () => {
      beheer0.session!.db.raw.prepare(`INSERT INTO export_outbox (kind, subject_id, status, steps, created_by, created_at, updated_at)
        VALUES ('zgw', ?, 'klaar', '{}', 1, '2026-04-20', '2026-04-20'), ('iwmo', ?, 'klaar', '{}', 1, '2026-04-20', '2026-04-20')`).run(pc.beschikkingId, pc.beschikkingId);
    });

    const needles: (string | Buffer)[] = [PHILOMENA.bsn, 'Philomena', 'Zwartendijk', 'zwartendijk', 'Vlasblom', 'Overdiep', 'Zonnebloemhof',
      HULPVRAAG, ONDERZOEK, BESLUIT, letterSlice];
    const key = beheer0.session!.key;
    // Positive control: the method finds every needle while the case exists.
    const labels = needles.map((n) => (typeof n === 'string' ? n : `<${n.length} bytes of the letter>`));
    expect(found(decryptedCopy(desk.dbFile, key, true), needles)).toEqual(labels);
    // The page-level decryption sees them too (in the file or in WAL frames not yet checkpointed).
    expect(found(Buffer.concat([decryptDbFile(desk.dbFile, key), decryptWalFile(`${desk.dbFile}-wal`, key)]), needles)).toEqual(labels);

    // The request: recorded, decided by a besluitbevoegde, which proposes the destruction.
    const verzoek = await ok(anna, 'rechten.verzoek', { clientId: p, soort: 'vernietiging', ontvangenOp: '2026-04-20', toelichting: 'Mevrouw wil dat haar dossier wordt vernietigd.' });
    expect(verzoek).toMatchObject({ status: 'ontvangen', uiterlijkOp: '2026-07-20' });
    const bram = await cb.as('bram', '2026-04-21');
    const besluit = await ok(bram, 'rechten.besluit', { verzoekId: verzoek.id, besluit: 'toegewezen', reden: 'Geen wettelijk of derdenbelang verzet zich ertegen.' });
    expect(besluit.status).toBe('toegewezen');
    const voorstelId = besluit.voorstelId!;
    // Vier-ogen: the proposer cannot approve; a besluitbevoegde is no approver; nothing runs before approval.
    expect((await refused(bram, 'vernietiging.goedkeuren', { voorstelId, akkoord: true })).code).toBe('geen_toegang');
    const beheer = await desk.as('beheer', '2026-04-22', ADMIN_PASSWORD);
    expect((await refused(beheer, 'vernietiging.uitvoeren', { voorstelId })).message).toMatch(/nog niet goedgekeurd/);
    const lijst = await ok(beheer, 'vernietiging.lijst', {});
    expect(lijst.items.find((i) => i.meldingId === pc.meldingId)).toMatchObject({ verzoekId: verzoek.id, voorstelId });
    expect(JSON.stringify(lijst)).not.toMatch(/Zwartendijk|Philomena|999990019/);
    const dirk = await cb.as('dirk', '2026-04-22');
    expect(await ok(dirk, 'vernietiging.goedkeuren', { voorstelId, akkoord: true })).toMatchObject({ status: 'goedgekeurd', beoordeeldDoor: 'dirk' });
    expect((await refused(dirk, 'vernietiging.uitvoeren', { voorstelId })).code).toBe('geen_toegang');

    const seqBefore = beheer.session!.db.raw.prepare('SELECT max(seq) FROM access_log').pluck().get() as number;
    const draftKeyBefore = (await ok(anna, 'session.current', {})).draftKey;
    const done = await ok(beheer, 'vernietiging.uitvoeren', { voorstelId });
    expect(done).toMatchObject({ vernietigdeZaken: 1, vernietigdeClienten: 1, opgeruimd: true, voorstel: { status: 'uitgevoerd' } });
    // Drafts of the destroyed case in anna's renderer storage no longer decrypt: her draft key is new.
    const draftKeyAfter = (await ok(anna, 'session.current', {})).draftKey;
    expect(draftKeyBefore).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(draftKeyAfter).not.toBe(draftKeyBefore);
    expect((await ok(anna, 'rechten.lijst', { clientId: p })).verzoeken[0]).toMatchObject({ status: 'uitgevoerd', toelichting: null });

    // After the term: the afgebroken jeugd case (archiefactiedatum 2026-06-01) of Rutger.
    const beheerJuni = await desk.as('beheer', '2026-06-02', ADMIN_PASSWORD);
    const juni = await ok(beheerJuni, 'vernietiging.lijst', {});
    const afgebroken = juni.items.filter((i) => i.selectielijstNummer === '8.4.1');
    expect(afgebroken).toHaveLength(1);
    expect(juni.items.some((i) => i.selectielijstNummer === '8.1.1' && i.verzoekId === null)).toBe(false);
    const v2 = await ok(beheerJuni, 'vernietiging.voorstel', { meldingIds: [afgebroken[0]!.meldingId] });
    expect((await refused(beheerJuni, 'vernietiging.goedkeuren', { voorstelId: v2.id, akkoord: true })).message).toMatch(/vier-ogen/);
    // A case whose term has not passed cannot be proposed.
    const bewaard = beheerJuni.session!.db.raw.prepare(`SELECT melding_id FROM zaak_archief WHERE selectielijst_nummer = '8.1.1'`).pluck().get() as number;
    expect((await refused(beheerJuni, 'vernietiging.voorstel', { meldingIds: [bewaard] })).message).toMatch(/mag pas op 2041-04-20/);
    await ok(await cb.as('dirk', '2026-06-02'), 'vernietiging.goedkeuren', { voorstelId: v2.id, akkoord: true });
    const done2 = await ok(beheerJuni, 'vernietiging.uitvoeren', { voorstelId: v2.id });
    // Rutger still has his jeugd case (8.1.2): the client stays.
    expect(done2).toMatchObject({ vernietigdeZaken: 1, vernietigdeClienten: 0, opgeruimd: true });
    // Right after destruction the WAL is empty and the file holds everything: decrypt that file.
    expect(statSync(`${desk.dbFile}-wal`).size).toBe(0);
    const plain = decryptedCopy(desk.dbFile, key, false);
    const pages = decryptDbFile(desk.dbFile, key);
    expect(pages.includes(Buffer.from('CREATE TABLE meldingen'))).toBe(true);

    const raw = beheerJuni.session!.db.raw;
    for (const t of ['meldingen', 'onderzoeken', 'aanvragen', 'termijnen', 'zaak_archief']) {
      expect(raw.prepare(`SELECT count(*) FROM ${t} WHERE melding_id = ?`.replace('melding_id', t === 'meldingen' ? 'id' : 'melding_id')).pluck().get(pc.meldingId)).toBe(0);
    }
    for (const [t, col, id] of [['beschikkingen', 'id', pc.beschikkingId], ['letters', 'beschikking_id', pc.beschikkingId], ['indicaties', 'id', pc.indicatieIds[0]],
      ['beschikking_indicaties', 'beschikking_id', pc.beschikkingId], ['clients', 'id', p], ['representatives', 'client_id', p], ['export_outbox', 'subject_id', pc.beschikkingId]] as const) {
      expect(raw.prepare(`SELECT count(*) FROM ${t} WHERE ${col} = ?`).pluck().get(id), t).toBe(0);
    }
    expect(raw.prepare(`SELECT count(*) FROM households WHERE naam = 'Huishouden Zwartendijk'`).pluck().get()).toBe(0);
    expect((await ok(anna, 'client.search', { query: 'zwartendijk' })).results).toEqual([]);
    expect((await ok(anna, 'client.search', { query: 'artendij' })).results).toEqual([]);
    expect(raw.prepare('PRAGMA foreign_key_check').all()).toEqual([]);

    // The log keeps its entries (ids only), gains one per destroyed case, and its chain holds.
    expect(raw.prepare('SELECT count(*) FROM access_log WHERE client_id = ? AND seq <= ?').pluck().get(p, seqBefore)).toBeGreaterThan(5);
    const destroyed = raw.prepare(`SELECT actor, object_type, object_id, detail FROM access_log WHERE action = 'vernietigen' AND object_type = 'zaak' ORDER BY seq`).all() as
      { actor: string; object_id: string; detail: string }[];
    expect(destroyed.map((d) => Number(d.object_id))).toEqual([pc.meldingId, afgebroken[0]!.meldingId]);
    expect(destroyed[0]!.detail).toMatch(/selectielijstklasse 8\.1\.1 vernietigd op 2026-04-22 door beheer/);
    expect(destroyed[1]!.detail).toMatch(/selectielijstklasse 8\.4\.1 vernietigd op 2026-06-02 door beheer/);
    expect(verifyLog(raw).ok).toBe(true);
    expect((await ok(dirk, 'audit.verify', {})).ok).toBe(true);

    // No trace anywhere in the decrypted file, free pages included; nor later, with the WAL written since.
    expect(found(plain, needles)).toEqual([]);
    expect(found(pages, needles)).toEqual([]);
    expect(found(decryptedCopy(desk.dbFile, key, true), needles)).toEqual([]);
    expect(found(Buffer.concat([decryptDbFile(desk.dbFile, key), decryptWalFile(`${desk.dbFile}-wal`, key)]), needles)).toEqual([]);
    // …while the data of others is still there (the method still sees real content).
    expect(found(plain, ['Bolkestein', '999990020', 'Hoogeveen'])).toEqual(['Bolkestein', '999990020', 'Hoogeveen']);
  });
});

describe('citizens\' rights', () => {
  it('restricts processing: writes by anyone but the beheerder are refused in Dutch, rectification is recorded by field name', async () => {
    const anna = await cb.as('anna', '2026-04-20');
    const s = (await ok(anna, 'client.create', { bsn: '999990044', voornamen: 'Saskia', geslachtsnaam: 'Terpstra', geboortedatum: '1970-01-01', wijk: 'Oost' })).id;
    const m = await cb.build({ clientId: s, wet: 'wmo', melding: '2026-04-01' });
    const beperking = await ok(anna, 'rechten.verzoek', { clientId: s, soort: 'beperking', ontvangenOp: '2026-04-20', toelichting: 'Cliënt betwist de juistheid van het adres.' });
    expect(beperking.uiterlijkOp).toBe('2026-05-20');
    const bram = await cb.as('bram', '2026-04-21');
    expect(await ok(bram, 'rechten.besluit', { verzoekId: beperking.id, besluit: 'toegewezen', reden: 'Adres wordt onderzocht.' })).toMatchObject({ status: 'uitgevoerd' });
    expect((await ok(anna, 'rechten.lijst', { clientId: s })).beperkt).toBe(true);
    const closeRefused = await refused(anna, 'zaak.afsluiten', { meldingId: m.meldingId, resultaat: 'afgebroken' });
    expect(closeRefused).toMatchObject({ code: 'geen_toegang' });
    expect(closeRefused.message).toMatch(/beperkt .*AVG art\. 18.*beheerder/);
    // The core case services refuse too, and the router logs each refusal with the client.
    expect((await refused(anna, 'melding.create', { clientId: s, datum: '2026-04-19', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Nieuwe hulpvraag.', toestemming: true, clientondersteuningAangeboden: true })).code).toBe('geen_toegang');
    expect((await refused(anna, 'client.update', { ...(await ok(anna, 'client.get', { id: s })), straat: 'Elders' })).code).toBe('geen_toegang');
    expect(anna.session!.db.raw.prepare(`SELECT object_type FROM access_log WHERE client_id = ? AND result = 'geweigerd' ORDER BY seq`).all(s))
      .toEqual(expect.arrayContaining([{ object_type: 'melding.create' }, { object_type: 'client.update' }]));

    const rect = await ok(anna, 'rechten.verzoek', { clientId: s, soort: 'rectificatie', ontvangenOp: '2026-04-20', toelichting: 'Huisnummer klopt niet.' });
    const client = await ok(anna, 'client.get', { id: s });
    const { id: _id, naam: _naam, createdAt: _c, updatedAt: _u, ...fields } = client as typeof client & { createdAt?: string; updatedAt?: string };
    const input = { ...fields, id: s, huisnummer: 42, straat: 'Dorpsstraat' } as ChannelInput<'rechten.rectificatie'>['client'];
    // Restricted: the consulent may not rectify; the beheerder may.
    expect((await refused(anna, 'rechten.rectificatie', { verzoekId: rect.id, client: input })).code).toBe('geen_toegang');
    const beheer = await desk.as('beheer', '2026-04-21', ADMIN_PASSWORD);
    const done = await ok(beheer, 'rechten.rectificatie', { verzoekId: rect.id, client: input });
    expect(done.client).toMatchObject({ huisnummer: 42, straat: 'Dorpsstraat' });
    expect(done.verzoek).toMatchObject({ status: 'uitgevoerd', wijziging: 'gewijzigd: straat, huisnummer' });
    expect(done.verzoek.wijziging).not.toMatch(/Dorpsstraat|42/);

    await ok(bram, 'rechten.beperkingOpheffen', { clientId: s, reden: 'Adres is gecorrigeerd.' });
    expect(await ok(anna, 'zaak.afsluiten', { meldingId: m.meldingId, resultaat: 'afgebroken' })).toMatchObject({ archiefactiedatum: '2026-06-01' });

    // A destruction request may be refused, with its reason recorded.
    const v = await ok(anna, 'rechten.verzoek', { clientId: s, soort: 'vernietiging', ontvangenOp: '2026-04-20', toelichting: 'Wil alles laten vernietigen.' });
    const afgewezen = await ok(bram, 'rechten.besluit', { verzoekId: v.id, besluit: 'afgewezen', reden: 'Een lopende bezwaarprocedure van een derde verzet zich ertegen.' });
    expect(afgewezen).toMatchObject({ status: 'afgewezen', besluitDoor: 'bram', voorstelId: null });
    expect(verifyLog(beheer.session!.db.raw).ok).toBe(true);
  });
});

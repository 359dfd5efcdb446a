import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, LETTERHEAD, ok } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';
import { readMessage, verzoek315Xml, type Verzoek315 } from '../support/verzoek315';
import { validateXml, xsdPath } from '../support/xmllint';

/**
 * A JW315 is a verwijzing: no onderzoek clock, but a retour within 3 werkdagen (OP090) and per
 * product a toewijzing or antwoord within 5 werkdagen (OP274), with what the 315 carries kept and
 * its ReferentieAanbieder echoed in the JW301 (IV097). A 315 that does not fit the client with
 * that BSN, or an adult under the Jeugdwet, waits for a person. Duplicates per berichtsoort (TR056).
 */
let desk: Desk;
let outDir: string;
beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'ggk-315-'));
  desk = await Desk.open();
  const beheer = await desk.as('beheer', '2026-04-01', ADMIN_PASSWORD);
  const s = await ok(beheer, 'settings.get', {});
  await ok(beheer, 'settings.update', { ...LETTERHEAD, export: { ...s.export, iwmoOutDir: outDir } });
});
afterAll(() => desk.close());

const VERWIJZING: Verzoek315 = {
  wet: 'jeugdwet', id: 'VZ-1', agb: '87654321', gemeentecode: '9999', dagtekening: '2026-03-31',
  bsn: '999993483', geboortedatum: '2014-05-09', achternaam: 'Yilmaz', voornamen: 'Emre', gezagsdragerBekend: true, commentaar: 'Ouders zijn gescheiden.',
  producten: [
    { ref: 'REF-1', categorie: '45', code: '45A53', ingang: '2026-04-13', eind: '2026-10-11', beschikkingNummer: 4711, beschikkingIngangsdatum: '2026-04-01',
      omvang: { volume: 120, eenheid: '01', frequentie: '2' }, verwijzer: { type: '02', agb: '01012345' }, raamcontract: false, commentaar: 'Intake gedaan.' },
    { ref: 'REF-2', categorie: '40', ingang: '2026-04-13', eind: '2026-07-12', verwijzer: { type: '02', agb: '01012345' } },
  ],
};

describe('JW315 verwijzing', () => {
  let verzoekId: number;
  let meldingId: number;

  it('is no melding with an 8-week onderzoek: retour in 3 werkdagen, written at once, answer due in 5 werkdagen', async () => {
    const anna = await desk.as('anna', '2026-04-01'); // Wednesday; Goede Vrijdag and 2e Paasdag follow
    // The desk knows the child (the JW301 needs an address); the verwijzing names him the same way.
    const c = await ok(anna, 'client.create', {
      bsn: '999993483', voornamen: 'Emre', geslachtsnaam: 'Yilmaz', geboortedatum: '2014-05-09', geslacht: '1',
      straat: 'Kerkstraat', huisnummer: 3, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
    });
    const r = await ok(anna, 'iwmo.importVerzoek', { xml: verzoek315Xml(VERWIJZING) });
    expect(r).toMatchObject({ bericht: 'JW315', status: 'verwerkt', redenWacht: null, clientId: c.id, clientAangemaakt: false, onderzoekUiterlijk: null,
      retourUiterlijk: '2026-04-08', antwoordUiterlijk: '2026-04-10', producten: 2 });
    verzoekId = r.verzoekId;
    meldingId = r.meldingId!;
    const detail = await ok(anna, 'melding.get', { id: meldingId });
    expect(detail.termijnen).toEqual([]);
    expect(detail.melding.hulpvraag).toMatch(/Verwijzing.*REF-1.*beschikking 4711 van 2026-04-01.*Intake gedaan.*verwezen door zorgverlener 01012345.*Gezagsdrager bekend: ja/s);
    // The retour is in the GGk folder, valid, and echoes the 315 element by element.
    expect(r.retourBestand).toMatch(/^JW316_9999_87654321_RT\d{10}\.xml$/);
    const retour = readFileSync(path.join(outDir, r.retourBestand!), 'utf8');
    expect(validateXml(retour, xsdPath('ijw-3.2', 'JW316.xsd'))).toEqual({ ok: true, errors: [] });
    const b = readMessage(retour);
    expect(b.Header).toMatchObject({ BerichtCode: '447', Afzender: '87654321', Ontvanger: '9999', BerichtIdentificatie: { Identificatie: 'VZ-1' }, DagtekeningRetour: '2026-04-01' });
    expect(b.Client.AangevraagdeProducten.AangevraagdProduct[0]).toMatchObject({
      ReferentieAanbieder: 'REF-1', BeschikkingNummer: '4711', BeschikkingIngangsdatum: '2026-04-01', Verwijzer: { Type: '02', ZorgverlenerCode: '01012345' },
      Raamcontract: '2', Commentaar: 'Intake gedaan.', RetourCodes: { RetourCode: ['0200'] },
    });
    expect(b.Client.GezagsdragerBekend).toBe('1');
  });

  it('shows the deadlines and what the 315 carries per product', async () => {
    const list = await ok(await desk.as('anna', '2026-04-02'), 'iwmo.verzoeken', { alleenOpen: true });
    const v = list.items.find((i) => i.id === verzoekId)!;
    expect(v).toMatchObject({ bericht: 'JW315', retourOp: '2026-04-01', retourUiterlijk: '2026-04-08', antwoordUiterlijk: '2026-04-10', antwoordTeLaat: false, gezagsdragerBekend: true });
    expect(v.producten[0]).toMatchObject({
      referentieAanbieder: 'REF-1', beschikkingNummer: 4711, beschikkingIngangsdatum: '2026-04-01', raamcontract: false, commentaar: 'Intake gedaan.',
      verwijzer: { type: '02', naam: null, zorgverlenerCode: '01012345' }, status: 'open',
    });
    const late = await ok(await desk.as('anna', '2026-04-13'), 'iwmo.verzoeken', { alleenOpen: true });
    expect(late.items.find((i) => i.id === verzoekId)!.antwoordTeLaat).toBe(true);
  });

  it('one product gets a JW319 antwoord, the other a JW301 toewijzing that echoes its ReferentieAanbieder (IV097)', async () => {
    const anna = await desk.as('anna', '2026-04-07');
    const aw = await ok(anna, 'iwmo.verzoek.antwoord', { id: verzoekId, productIndex: 1, antwoord: '1', redenAfwijzing: '3' });
    expect(aw.bestand).toMatch(/^JW319_9999_87654321_AW\d{10}\.xml$/);
    expect(validateXml(aw.xml, xsdPath('ijw-3.2', 'JW319.xsd'))).toEqual({ ok: true, errors: [] });
    expect(readMessage(aw.xml).Antwoord).toEqual({ ReferentieAanbieder: 'REF-2', VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '3' });
    expect((await anna.call('iwmo.verzoek.antwoord', { id: verzoekId, productIndex: 1, antwoord: '2' })).ok).toBe(false); // once

    const a = await ok(anna, 'aanvraag.create', { meldingId, ontvangenOp: '2026-04-01', omschrijving: 'Verwijzing huisarts: jeugdhulp' });
    const bad = await anna.call('indicatie.create', {
      aanvraagId: a.id, productcategorie: '45', productcode: '45A53', omvang: { volume: 120, eenheid: '01', frequentie: '2' }, leveringsvorm: 'ZIN',
      aanbiederAgb: '87654321', aanbiederNaam: 'Jeugdzorg Zuid', ingangsdatum: '2026-04-13', einddatum: '2026-10-11', motivering: 'Verwezen door de huisarts.', referentieAanbieder: 'ONBEKEND',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invoer', field: 'referentieAanbieder' } });
    const i = await ok(anna, 'indicatie.create', {
      aanvraagId: a.id, productcategorie: '45', productcode: '45A53', omvang: { volume: 120, eenheid: '01', frequentie: '2' }, leveringsvorm: 'ZIN',
      aanbiederAgb: '87654321', aanbiederNaam: 'Jeugdzorg Zuid', ingangsdatum: '2026-04-13', einddatum: '2026-10-11', motivering: 'Verwezen door de huisarts.', referentieAanbieder: 'REF-1',
    });
    const b = await ok(anna, 'beschikking.create', {
      aanvraagId: a.id, soort: 'toekenning', indicatieIds: [i.id], besluitTekst: 'U krijgt jeugdhulp zoals de huisarts heeft verwezen.',
      motivering: 'De huisarts heeft verwezen; de jeugdhulp past bij de hulpvraag.', wettelijkeGrondslag: ['Jeugdwet art. 2.3'],
    });
    await ok(anna, 'beschikking.submit', { id: b.id });
    await ok(await desk.as('bram', '2026-04-08'), 'beschikking.approve', { id: b.id });
    const before = new Set(readdirSync(outDir));
    const run = await ok(await desk.as('anna', '2026-04-08'), 'export.run', { kind: 'iwmo' });
    expect(run.klaar).toBe(1);
    const jw301 = readdirSync(outDir).filter((f) => !before.has(f) && f.startsWith('JW301_'));
    expect(jw301).toHaveLength(1);
    const xml = readFileSync(path.join(outDir, jw301[0]!), 'utf8');
    expect(validateXml(xml, xsdPath('ijw-3.2', 'JW301.xsd'))).toEqual({ ok: true, errors: [] });
    expect(readMessage(xml).Client.ToegewezenProducten.ToegewezenProduct[0]).toMatchObject({ ReferentieAanbieder: 'REF-1', Product: { Categorie: '45', Code: '45A53' } });
    const list = await ok(await desk.as('anna', '2026-04-08'), 'iwmo.verzoeken', { alleenOpen: false });
    expect(list.items.find((x) => x.id === verzoekId)!.producten.map((p) => p.status)).toEqual(['toegewezen', 'beantwoord']);
  });

  it('duplicates are recognised per berichtsoort (TR056): a WMO315 with the same identificatie is another message', async () => {
    const anna = await desk.as('anna', '2026-04-02');
    const again = await anna.call('iwmo.importVerzoek', { xml: verzoek315Xml(VERWIJZING) });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!again.ok && again.error.message).toMatch(/TR056/);
    const wmo = await ok(anna, 'iwmo.importVerzoek', { xml: verzoek315Xml({
      wet: 'wmo', id: 'VZ-1', agb: '87654321', gemeentecode: '9999', bsn: '999990482', geboortedatum: '1948-07-01', achternaam: 'Berg',
      producten: [{ ref: 'W-1', categorie: '02', code: '02A01', ingang: '2026-04-13', eind: '2027-04-12', omvang: { volume: 4, eenheid: '04', frequentie: '2' }, verwijzer: { type: '02', naam: 'Huisarts' } }],
    }) });
    // 2 April + 6 weeks = Hemelvaart 14 May; Friday 15 May is gelijkgesteld (KB) → Monday 18 May.
    expect(wmo).toMatchObject({ bericht: 'WMO315', status: 'verwerkt', onderzoekUiterlijk: '2026-05-18' });
  });
});

describe('a 315 that does not fit waits for a person', () => {
  it('the BSN belongs to a client with another name: held, not attached; a person attaches it after checking', async () => {
    const anna = await desk.as('anna', '2026-04-02');
    const c = await ok(anna, 'client.create', { bsn: '999991292', voornamen: 'Sara', geslachtsnaam: 'de Vries', geboortedatum: '2015-02-02' });
    const r = await ok(anna, 'iwmo.importVerzoek', { xml: verzoek315Xml({ ...VERWIJZING, id: 'VZ-2', bsn: '999991292', achternaam: 'Jansen', geboortedatum: '2015-02-02' }) });
    expect(r).toMatchObject({ status: 'wacht_op_beoordeling', clientId: null, meldingId: null });
    expect(r.redenWacht).toMatch(/achternaam in het bericht \(Jansen\) verschilt/);
    expect((await ok(anna, 'client.timeline', { id: c.id })).meldingen).toEqual([]);
    const held = (await ok(anna, 'iwmo.verzoeken', { alleenOpen: true })).items.find((i) => i.id === r.verzoekId)!;
    expect(held.status).toBe('wacht_op_beoordeling');
    const done = await ok(anna, 'iwmo.verzoek.beoordeel', { id: r.verzoekId, besluit: 'koppelen', toelichting: 'BRP geraadpleegd: naam van de moeder doorgegeven, BSN klopt.' });
    expect(done).toMatchObject({ status: 'verwerkt', clientId: c.id });
    expect((await ok(anna, 'client.timeline', { id: c.id })).meldingen).toHaveLength(1);
  });

  it('another birth date, or an adult under the Jeugdwet: held', async () => {
    const anna = await desk.as('anna', '2026-04-02');
    await ok(anna, 'client.create', { bsn: '999992077', voornamen: 'Tim', geslachtsnaam: 'Bakker', geboortedatum: '2016-03-03' });
    const datum = await ok(anna, 'iwmo.importVerzoek', { xml: verzoek315Xml({ ...VERWIJZING, id: 'VZ-3', bsn: '999992077', achternaam: 'Bakker', geboortedatum: '2016-03-04' }) });
    expect(datum.redenWacht).toMatch(/geboortedatum/);
    const adult = await ok(anna, 'iwmo.importVerzoek', { xml: verzoek315Xml({ ...VERWIJZING, id: 'VZ-4', bsn: '999993586', achternaam: 'Smit', geboortedatum: '2005-01-15' }) });
    expect(adult).toMatchObject({ status: 'wacht_op_beoordeling', clientAangemaakt: false });
    expect(adult.redenWacht).toMatch(/18 jaar of ouder/);
    const refused = await ok(anna, 'iwmo.verzoek.beoordeel', { id: adult.verzoekId, besluit: 'afwijzen', toelichting: 'Geen verlengde jeugdhulp: verwijzen naar de Wmo.' });
    expect(refused.status).toBe('afgewezen');
    const aw = await ok(anna, 'iwmo.verzoek.antwoord', { id: adult.verzoekId, productIndex: 0, antwoord: '1', redenAfwijzing: '9' });
    expect(readMessage(aw.xml).Antwoord).toMatchObject({ VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '9' });
  });
});

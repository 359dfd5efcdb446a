import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Router } from '../../main/router';
import { Desk, ok, refused, vastgesteldeToekenning, type CaseIds } from '../support/cases';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../support/vault';
import { wmo315Xml } from '../support/iwmo-fixtures';

/** Issue 15 item 5: each role sees what its work needs, and no more. */

let desk: Desk;
let ids: CaseIds;
beforeAll(async () => {
  desk = await Desk.open();
  ids = await vastgesteldeToekenning(desk, { bsn: '999990056', voornamen: 'Trijntje', geslachtsnaam: 'Bakker' });
}, 60_000);
afterAll(() => desk.close());

function lastLog(r: Router, actor: string) {
  return r.session!.db.raw.prepare(`SELECT object_type, result, client_id, detail FROM access_log WHERE actor = ? ORDER BY seq DESC LIMIT 1`).get(actor);
}

describe('least privilege', () => {
  it('administratie prints, but reads no hulpvraag and no gespreksverslag', async () => {
    const carla = await desk.as('carla');
    const verslag = await refused(carla, 'melding.get', { id: ids.meldingId });
    expect(verslag.code).toBe('geen_toegang');
    expect(verslag.message).toMatch(/^De hulpvraag en het gespreksverslag zijn alleen voor consulenten en besluitbevoegden/);
    expect((await refused(carla, 'letter.melding', { meldingId: ids.meldingId, soort: 'gespreksverslag' })).message).toMatch(/gespreksverslag zijn alleen/);
    // A verslag letter a consulent sent earlier does not open for her either.
    const anna = await desk.as('anna');
    const brief = await ok(anna, 'letter.melding', { meldingId: ids.meldingId, soort: 'gespreksverslag' });
    expect((await refused(carla, 'letter.get', { id: brief.letterId })).message).toMatch(/gespreksverslag zijn alleen/);
    expect(lastLog(carla, 'carla')).toMatchObject({ object_type: 'letter.get', result: 'geweigerd', client_id: ids.clientId });
    // The timeline shows her the cases without what the client asked for; the consulent sees it.
    expect((await ok(carla, 'client.timeline', { id: ids.clientId })).meldingen[0]!.hulpvraag).toBe('');
    expect((await ok(anna, 'client.timeline', { id: ids.clientId })).meldingen[0]!.hulpvraag).toMatch(/schoonhouden/);
    // What printing needs stays open.
    expect((await ok(carla, 'beschikking.get', { id: ids.beschikkingId })).status).toBe('vastgesteld');
    expect((await ok(carla, 'print.queue', {})).items.length).toBeGreaterThan(0);
  }, 60_000);

  it('the auditor sees log and metadata; content only through a logged inzage met reden', async () => {
    const dirk = await desk.as('dirk');
    for (const [channel, input] of [['client.get', { id: ids.clientId }], ['melding.get', { id: ids.meldingId }], ['beschikking.get', { id: ids.beschikkingId }], ['client.timeline', { id: ids.clientId }]] as const) {
      expect((await refused(dirk, channel, input)).code, channel).toBe('geen_toegang');
    }
    expect((await ok(dirk, 'audit.list', { clientId: ids.clientId })).entries.length).toBeGreaterThan(0);
    expect((await ok(dirk, 'werkvoorraad.page', {})).items).toBeDefined();
    expect((await refused(dirk, 'audit.inzage', { clientId: ids.clientId, reden: 'kort' })).field).toBe('reden');
    const inzage = await ok(dirk, 'audit.inzage', { clientId: ids.clientId, reden: 'Klacht 2026-14: onderzoek naar de behandeling' });
    expect(JSON.parse(inzage.json).meldingen[0].hulpvraag).toMatch(/schoonhouden/);
    expect(lastLog(dirk, 'dirk')).toEqual({ object_type: 'inzage-met-reden', result: 'gelukt', client_id: ids.clientId, detail: 'reden: Klacht 2026-14: onderzoek naar de behandeling' });
  }, 60_000);

  it('export.inzage only answers a registered AVG art. 15 request of that client', async () => {
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    const zonder = await refused(beheer, 'export.inzage', { clientId: ids.clientId });
    expect(zonder).toEqual({ code: 'geen_toegang', field: 'verzoekId', message: expect.stringMatching(/^Een inzage-export kan alleen als antwoord op een geregistreerd verzoek van de cliënt \(AVG art\. 15\)/) });
    expect(lastLog(beheer, 'beheer')).toMatchObject({ object_type: 'export.inzage', result: 'geweigerd', client_id: ids.clientId });
    const anna = await desk.as('anna');
    const ander = await ok(anna, 'client.create', { bsn: '999990068', voornamen: 'Kees', geslachtsnaam: 'Mol', geboortedatum: '1970-01-01' });
    const verkeerd = await ok(anna, 'rechten.inzageVerzoek', { clientId: ander.id, ontvangenOp: '2026-04-18', toelichting: 'Brief: wil zijn dossier zien.' });
    expect((await refused(beheer, 'export.inzage', { clientId: ids.clientId, verzoekId: verkeerd.id })).code).toBe('geen_toegang');
    const verzoek = await ok(anna, 'rechten.inzageVerzoek', { clientId: ids.clientId, ontvangenOp: '2026-04-18', toelichting: 'Aan de balie gevraagd.' });
    expect(verzoek).toMatchObject({ uiterlijkOp: '2026-05-18', geregistreerdDoor: 'anna', uitgevoerdOp: null });
    expect((await ok(beheer, 'export.inzage', { clientId: ids.clientId, verzoekId: verzoek.id })).pdfBase64).toBeTruthy();
    expect((await ok(beheer, 'rechten.inzageVerzoeken', { clientId: ids.clientId })).verzoeken[0]!.uitgevoerdOp).toBe('2026-04-20');
  }, 60_000);

  it('refuses an auditor with a writing role', async () => {
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    const e = await refused(beheer, 'user.add', { username: 'gert', displayName: 'Gert Dubbel', roles: ['auditor', 'consulent'], password: USER_PASSWORD });
    expect(e).toEqual({ code: 'invoer', field: 'roles', message: 'Een auditor controleert het werk van anderen en heeft daarom geen andere rol (scheiding van functies). Maak voor die andere taak een apart account.' });
    expect((await refused(beheer, 'user.add', { username: 'gert', displayName: 'Gert Dubbel', roles: ['beheerder', 'auditor'], password: USER_PASSWORD })).field).toBe('roles');
  }, 60_000);
});

describe('one text validator at the door', () => {
  it('refuses a CR/LF in a single-line field and U+202E anywhere, naming the field', async () => {
    const anna = await desk.as('anna');
    const client = { bsn: '999990093', voornamen: 'Jan', geslachtsnaam: 'Smit', geboortedatum: '1950-01-01' };
    const crlf = await refused(anna, 'client.create', { ...client, straat: 'Kerkstraat 1\r\nPostbus 99' });
    expect(crlf).toEqual({ code: 'invoer', field: 'straat', message: "Veld 'straat' moet op één regel passen: haal de regelovergang (Enter) of tab weg." });
    const rlo = await refused(anna, 'client.create', { ...client, geslachtsnaam: 'Smit\u202Efdp.exe' });
    expect(rlo).toEqual({ code: 'invoer', field: 'geslachtsnaam', message: "Veld 'geslachtsnaam' bevat een onzichtbaar teken dat de leesrichting omdraait (U+202E). Typ de tekst opnieuw in plaats van hem te plakken." });
    expect((await refused(anna, 'melding.create', { clientId: ids.clientId, datum: '2026-04-19', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Hulp\u0000nodig', toestemming: true, clientondersteuningAangeboden: true })).field).toBe('hulpvraag');
    // Texts read from an iWmo message pass the same validator.
    const xml = wmo315Xml({ bsn: '999990482', identificatie: 'VOT-RLO' }).replace('<iwmo:Achternaam>Berg</iwmo:Achternaam>', '<iwmo:Achternaam>Berg\u202Egpj.exe</iwmo:Achternaam>');
    expect(xml).toContain('\u202E');
    const imp = await refused(anna, 'iwmo.importVerzoek', { xml });
    expect(imp.message).toBe('Het verzoek is geweigerd: het veld geslachtsnaam uit het bericht bevat een onzichtbaar teken dat de leesrichting omdraait (U+202E). Vraag de aanbieder om een correct bericht.');
    // A multi-line field keeps its lines.
    const ok2 = await anna.call('rechten.inzageVerzoek', { clientId: ids.clientId, ontvangenOp: '2026-04-19', toelichting: 'Brief ontvangen.\r\nWil alles zien.' });
    expect(ok2.ok).toBe(true);
    expect(anna.session!.db.raw.prepare(`SELECT count(*) AS n FROM clients WHERE bsn = ?`).get('999990093')).toEqual({ n: 0 });
  }, 60_000);
});

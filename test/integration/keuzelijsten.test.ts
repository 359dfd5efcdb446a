import { afterEach, describe, expect, it } from 'vitest';
import { Keuzelijsten0015 } from '../../main/db/migrations/0015-keuzelijsten';
import { ADMIN_PASSWORD } from '../support/vault';
import { conceptToekenning, Desk, ok, refused } from '../support/cases';

/** Issue 16: wijken and aanbieders are the beheerder's pick lists; a typo never makes a new one. */
let desk: Desk | null = null;
afterEach(async () => { await desk?.close(); desk = null; });

const CLIENT = { bsn: '999927243', voornamen: 'Anna', geslachtsnaam: 'Vliet', geboortedatum: '1950-01-01' };

describe('pick lists of wijken and aanbieders', () => {
  it('a wijk not on the list is refused in Dutch and never created; the list spelling is stored', async () => {
    desk = await Desk.open({ letterhead: false });
    const anna = await desk.as('anna');
    const before = (await ok(anna, 'keuzelijst.wijken', {})).wijken.length;
    const e = await refused(anna, 'client.create', { ...CLIENT, wijk: 'Centrun' });
    expect(e).toMatchObject({ code: 'invoer', field: 'wijk' });
    expect(e.message).toBe('Wijk "Centrun" staat niet in de lijst van wijken. Kies een wijk uit de lijst; een nieuwe wijk voegt de beheerder toe (Beheer › Keuzelijsten).');
    expect((await ok(anna, 'keuzelijst.wijken', {})).wijken).toHaveLength(before);
    const c = await ok(anna, 'client.create', { ...CLIENT, wijk: 'centrum' });
    expect(c.wijk).toBe('Centrum');
  });

  it('the beheerder adds, renames (the clients follow) and deactivates; others may only read', async () => {
    desk = await Desk.open({ letterhead: false });
    const anna = await desk.as('anna');
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    expect((await refused(anna, 'keuzelijst.wijk.opslaan', { naam: 'Haven' })).code).toBe('geen_toegang');
    const haven = await ok(beheer, 'keuzelijst.wijk.opslaan', { naam: 'Haven' });
    expect((await refused(beheer, 'keuzelijst.wijk.opslaan', { naam: 'haven' })).message).toContain('Wijk Haven staat al in de lijst');
    const c = await ok(anna, 'client.create', { ...CLIENT, wijk: 'Haven' });
    const renamed = await ok(beheer, 'keuzelijst.wijk.opslaan', { id: haven.id, naam: 'Havenkwartier' });
    expect(renamed).toMatchObject({ naam: 'Havenkwartier', actief: true, clienten: 1 });
    expect((await ok(anna, 'client.get', { id: c.id })).wijk).toBe('Havenkwartier');
    await ok(beheer, 'keuzelijst.wijk.opslaan', { id: haven.id, naam: 'Havenkwartier', actief: false });
    // No longer chosen anew, but a client who has it keeps it when other data changes.
    expect((await refused(anna, 'client.create', { ...CLIENT, bsn: '999993847', wijk: 'Havenkwartier' })).message)
      .toBe('Wijk Havenkwartier is niet meer te kiezen. Kies een andere wijk uit de lijst.');
    const client = await ok(anna, 'client.get', { id: c.id });
    const { id: _id, naam: _naam, householdId: _h, createdAt: _c, updatedAt: _u, vertegenwoordigers: _v, ...fields } = client;
    const updated = await ok(anna, 'client.update', { ...fields, id: c.id, voornamen: 'Anne' });
    expect(updated.wijk).toBe('Havenkwartier');
  });

  it('aanbieders: AGB code of 8 digits, unique; an indicatie takes an active aanbieder from the list and its name', async () => {
    desk = await Desk.open({ letterhead: false });
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    expect((await refused(beheer, 'keuzelijst.aanbieder.opslaan', { agbCode: '1234567', naam: 'Te kort' })).message)
      .toContain('AGB-code 1234567 klopt niet: een AGB-code heeft 8 cijfers, dit zijn er 7. Zoek de code op in het AGB-register (agbcode.nl).');
    expect((await refused(beheer, 'keuzelijst.aanbieder.opslaan', { agbCode: '1234 5678', naam: 'Dubbel' })).message)
      .toBe('AGB-code 12345678 staat al in de lijst, bij Thuiszorg De Linde. Pas die aanbieder aan in plaats van een tweede te maken.');
    const nieuw = await ok(beheer, 'keuzelijst.aanbieder.opslaan', { agbCode: '7575.0001', naam: 'Zorg Aan Huis' });
    expect(nieuw).toMatchObject({ agbCode: '75750001', naam: 'Zorg Aan Huis', actief: true });

    const anna = await desk.as('anna');
    const c = await ok(anna, 'client.create', { ...CLIENT, wijk: 'Noord' });
    const ids = await conceptToekenning(anna, c.id);
    const detail = await ok(anna, 'melding.get', { id: ids.meldingId });
    // The name comes from the list, whatever was typed next to the code.
    expect(detail.indicaties[0]).toMatchObject({ aanbiederAgb: '12345678', aanbiederNaam: 'Thuiszorg De Linde' });
    const indicatie = {
      aanvraagId: ids.aanvraagId, productcategorie: '02', omvang: { volume: 2, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN' as const,
      ingangsdatum: '2026-05-01', einddatum: '2026-12-31', motivering: 'Begeleiding is nodig om zelfstandig te blijven wonen.',
    };
    expect((await refused(anna, 'indicatie.create', { ...indicatie, aanbiederAgb: '99999999' })).message)
      .toBe('AGB-code 99999999 staat niet in de lijst van aanbieders. Kies een aanbieder uit de lijst; een nieuwe aanbieder voegt de beheerder toe (Beheer › Keuzelijsten).');
    await ok(beheer, 'keuzelijst.aanbieder.opslaan', { id: nieuw.id, agbCode: '75750001', naam: 'Zorg Aan Huis', actief: false });
    expect((await refused(anna, 'indicatie.create', { ...indicatie, aanbiederAgb: '75750001' })).message)
      .toBe('Zorg Aan Huis (AGB 75750001) is niet meer te kiezen. Kies een andere aanbieder uit de lijst.');
    const i = await ok(anna, 'indicatie.create', { ...indicatie, aanbiederAgb: '87654321', aanbiederNaam: 'iets anders' });
    expect(i).toMatchObject({ aanbiederAgb: '87654321', aanbiederNaam: 'Jeugdhulp Noord' });
  });

  it('migration 0015 moves the wijken already on clients and the aanbieders already on indicaties into the lists', async () => {
    desk = await Desk.open({ letterhead: false });
    const anna = await desk.as('anna');
    const c = await ok(anna, 'client.create', { ...CLIENT, wijk: 'Zuid' });
    await conceptToekenning(anna, c.id);
    const raw = anna.session!.db.raw;
    // As the data stood before 0015: free-typed wijken (one a typo) and aanbieders only on indicaties.
    raw.prepare(`UPDATE clients SET wijk = 'Centrun' WHERE id = ?`).run(c.id);
    raw.prepare(`UPDATE indicaties SET aanbieder_naam = NULL`).run();
    raw.exec('DROP TABLE wijken; DROP TABLE aanbieders;');
    await new Keuzelijsten0015().up({ query: async (sql: string) => raw.exec(sql) } as never);
    expect(raw.prepare('SELECT naam FROM wijken ORDER BY naam').pluck().all()).toEqual(['Centrun']);
    expect(raw.prepare('SELECT agb_code, naam, actief FROM aanbieders').all()).toEqual([{ agb_code: '12345678', naam: 'Aanbieder 12345678', actief: 1 }]);
  });
});

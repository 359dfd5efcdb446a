import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Router } from '../../main/router';
import { Desk, ok, refused } from '../support/cases';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../support/vault';
import { execFileSync } from 'node:child_process';

/** Issue 15, the four-eyes attack: a besluitbevoegde rewrites a colleague's concept and approves it herself. */

let desk: Desk;
beforeAll(async () => {
  desk = await Desk.open();
  const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
  await ok(beheer, 'user.add', { username: 'eva', displayName: 'Eva Besluit', roles: ['besluitbevoegd'], mandaat: 'Mandaatbesluit sociaal domein 2026', password: USER_PASSWORD });
}, 60_000);
afterAll(() => desk.close());

async function concept(anna: Router, bsn: string) {
  const c = await ok(anna, 'client.create', { bsn, voornamen: 'Greet', geslachtsnaam: 'Visser', geboortedatum: '1950-01-01', straat: 'Dorpsstraat', huisnummer: 3, postcode: '1234 AB', woonplaats: 'Voorbeeldstad' });
  const m = await ok(anna, 'melding.create', { clientId: c.id, datum: '2026-04-01', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Hulp bij het huishouden nodig.', toestemming: true, clientondersteuningAangeboden: true });
  const a = await ok(anna, 'aanvraag.create', { meldingId: m.melding.id, ontvangenOp: '2026-04-10', omschrijving: 'Hulp bij het huishouden' });
  const indicatie = (volume: number) => ({
    aanvraagId: a.id, productcategorie: '01', omvang: { volume, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN' as const,
    aanbiederAgb: '12345678', aanbiederNaam: 'Thuiszorg De Linde', ingangsdatum: '2026-05-01', einddatum: '2027-04-30',
    motivering: 'Het zware huishoudelijke werk lukt niet zelf.',
  });
  const i = await ok(anna, 'indicatie.create', indicatie(4));
  const tekst = { aanvraagId: a.id, soort: 'toekenning' as const, besluitTekst: 'U krijgt hulp bij het huishouden.', motivering: 'Uit het onderzoek blijkt dat het zware werk niet lukt.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'] };
  const b = await ok(anna, 'beschikking.create', { ...tekst, indicatieIds: [i.id] });
  return { clientId: c.id, aanvraagId: a.id, b, tekst, indicatie };
}

describe('four eyes that cannot be fooled', () => {
  it('refuses the attack sequence from the review, each step with a Dutch message', async () => {
    const anna = await desk.as('anna');
    const bram = await desk.as('bram');
    const { b, tekst, indicatie } = await concept(anna, '999990019');
    await ok(anna, 'beschikking.submit', { id: b.id });

    // 1. reject a colleague's concept: allowed (that is the accordeur's job)
    await ok(bram, 'beschikking.reject', { id: b.id, reden: 'Omvang nog eens bekijken.' });
    // 2. an indicatie of 40 hours instead of 4: she may record it, and it is recorded as hers
    const veertig = await ok(bram, 'indicatie.create', indicatie(40));
    // 3. her own text into the colleague's concept: refused, the author alone edits
    const upd = await refused(bram, 'beschikking.update', { ...tekst, id: b.id, indicatieIds: [veertig.id], besluitTekst: 'U krijgt 40 uur hulp per week.' });
    expect(upd.code).toBe('geen_toegang');
    expect(upd.message).toMatch(/alleen de opsteller past het concept aan.*Neem het dan eerst over/);
    // 4. submit the colleague's concept: refused too
    expect((await refused(bram, 'beschikking.submit', { id: b.id })).message).toMatch(/alleen de opsteller/);
    // 5. approve: still a concept
    expect((await refused(bram, 'beschikking.approve', { id: b.id })).message).toMatch(/status 'concept'/);

    // The explicit way: take it over (logged), then she is an author and cannot approve.
    const overgenomen = await ok(bram, 'beschikking.overnemen', { id: b.id, reden: 'Anna is met verlof.' });
    expect(overgenomen.auteur).toBe('anna en bram');
    await ok(bram, 'beschikking.update', { ...tekst, id: b.id, indicatieIds: [veertig.id], besluitTekst: 'U krijgt 40 uur hulp per week.' });
    await ok(bram, 'beschikking.submit', { id: b.id });
    const own = await refused(bram, 'beschikking.approve', { id: b.id });
    expect(own.code).toBe('geen_toegang');
    expect(own.message).toBe('U heeft deze beschikking zelf opgesteld of overgenomen. Een tweede, besluitbevoegde collega moet haar vaststellen (vier-ogen).');
    const raw = bram.session!.db.raw;
    expect(raw.prepare(`SELECT status, accordeur_id FROM beschikkingen WHERE id = ?`).get(b.id)).toEqual({ status: 'ter_accordering', accordeur_id: null });
    expect(raw.prepare(`SELECT count(*) AS n FROM indicaties WHERE id = ? AND toewijzing_nummer IS NOT NULL`).get(veertig.id)).toEqual({ n: 0 });
    // The takeover and the refusals are in the access log; the reason stays with the beschikking.
    const log = raw.prepare(`SELECT object_type, result, detail FROM access_log WHERE actor = 'bram' AND (object_type LIKE 'beschikking%') ORDER BY seq`).all() as { object_type: string; result: string; detail: string | null }[];
    expect(log.map((l) => `${l.object_type}:${l.result}`)).toEqual([
      'beschikking:gelukt', 'beschikking.update:geweigerd', 'beschikking.submit:geweigerd',
      'beschikking:gelukt', 'beschikking:gelukt', 'beschikking:gelukt', 'beschikking.approve:geweigerd',
    ]);
    expect(log[3]!.detail).toMatch(/overgenomen/);
    expect(raw.prepare(`SELECT u.username, w.rol, w.reden FROM beschikking_bewerkers w JOIN users u ON u.id = w.user_id WHERE w.beschikking_id = ? ORDER BY w.id`).all(b.id)).toEqual([
      { username: 'anna', rol: 'auteur', reden: null }, { username: 'anna', rol: 'indiener', reden: null },
      { username: 'bram', rol: 'auteur', reden: 'Anna is met verlof.' }, { username: 'bram', rol: 'indiener', reden: null },
    ]);

    // A third pair of eyes fixes it; letter and exports name both authors and the approver.
    const eva = await desk.as('eva');
    const vast = await ok(eva, 'beschikking.approve', { id: b.id });
    expect(vast).toMatchObject({ status: 'vastgesteld', auteur: 'anna en bram', accordeur: 'Eva Besluit' });
    const carla = await desk.as('carla');
    const printed = await ok(carla, 'print.send', { beschikkingIds: [b.id] });
    const letter = await ok(carla, 'letter.get', { id: printed.printed[0]!.letterId });
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(letter.pdfBase64, 'base64') }).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Opgesteld door anna en bram; vastgesteld door Eva Besluit (Mandaatbesluit sociaal domein 2026).');
  }, 60_000);

  it('refuses the approver who made one of the indicaties, even when the author linked it', async () => {
    const anna = await desk.as('anna');
    const bram = await desk.as('bram');
    const { b, tekst, indicatie } = await concept(anna, '999990020');
    const veertig = await ok(bram, 'indicatie.create', indicatie(40));
    await ok(anna, 'beschikking.update', { ...tekst, id: b.id, indicatieIds: [veertig.id] });
    await ok(anna, 'beschikking.submit', { id: b.id });
    expect((await refused(bram, 'beschikking.approve', { id: b.id })).message).toMatch(/indicatie van deze beschikking zelf vastgelegd/);
    await ok(await desk.as('eva'), 'beschikking.approve', { id: b.id });
  }, 60_000);

  it('refuses the approver who submitted it', async () => {
    const anna = await desk.as('anna');
    const bram = await desk.as('bram');
    const { b } = await concept(anna, '999990032');
    await ok(bram, 'beschikking.overnemen', { id: b.id, reden: 'Anna is ziek.' });
    await ok(bram, 'beschikking.submit', { id: b.id });
    // Even an author who only submitted cannot approve: a refusal, whatever the reason given first.
    expect((await refused(bram, 'beschikking.approve', { id: b.id })).code).toBe('geen_toegang');
  }, 60_000);
});

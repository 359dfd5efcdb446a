import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Desk, ok, vastgesteldeToekenning } from '../support/cases';

function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'loket-pdf-')), 'brief.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const desks: Desk[] = [];
afterAll(async () => { for (const d of desks) await d.close(); });

describe('printing beschikkingen through the router', () => {
  it('sends a vastgestelde beschikking, stores its bytes, and reprints exactly those bytes', async () => {
    const desk = await Desk.open();
    desks.push(desk);
    const ids = await vastgesteldeToekenning(desk, { bsn: '999993847', voornamen: 'Wilhelmina', voorvoegsel: 'van', geslachtsnaam: 'Dijk' });
    const carla = await desk.as('carla', '2026-04-21');
    const queue = await ok(carla, 'print.queue', {});
    expect(queue.items.map((b) => b.id)).toEqual([ids.beschikkingId]);

    const sent = await ok(carla, 'print.send', { beschikkingIds: [ids.beschikkingId] });
    expect(sent.failures).toEqual([]);
    expect(sent.printed).toHaveLength(1);
    const combined = Buffer.from(sent.pdfBase64!, 'base64');
    const text = pdfText(combined);
    expect(text).toContain('W. van Dijk');
    expect(text).toMatch(/Hulp bij het huishouden/);
    expect(text).toMatch(/3 uur per week/);
    expect(text).toContain('Voorbeeldstad');

    const b = await ok(carla, 'beschikking.get', { id: ids.beschikkingId });
    expect(b).toMatchObject({ status: 'verzonden', verzondenOp: '2026-04-21', letterSha256: sent.printed[0]!.sha256 });
    const again = await ok(carla, 'letter.get', { id: sent.printed[0]!.letterId });
    const stored = Buffer.from(again.pdfBase64, 'base64');
    expect(again.sha256).toBe(sent.printed[0]!.sha256);
    // A reprint a year later is still the letter that was sent.
    const later = await desk.as('carla', '2027-04-21');
    expect((await ok(later, 'letter.get', { id: sent.printed[0]!.letterId })).pdfBase64).toBe(again.pdfBase64);
    expect(pdfText(stored)).toContain('21 april 2026');

    // Sent once: not again, and the stored letter cannot be altered.
    const twice = await ok(carla, 'print.send', { beschikkingIds: [ids.beschikkingId] });
    expect(twice.printed).toEqual([]);
    expect(twice.failures[0]!.reason).toMatch(/al verzonden/);
    expect(() => carla.session!.db.raw.prepare('UPDATE letters SET sha256 = ? WHERE id = ?').run('x', sent.printed[0]!.letterId)).toThrow(/onveranderlijk/);

    const log = carla.session!.db.raw.prepare(`SELECT action FROM access_log WHERE actor = 'carla' AND client_id = ?`).all(ids.clientId) as { action: string }[];
    expect(log.map((l) => l.action)).toContain('afdrukken');
  });

  it('prints the ontvangstbevestiging and the gespreksverslag of a melding', async () => {
    const desk = await Desk.open();
    desks.push(desk);
    const ids = await vastgesteldeToekenning(desk, { bsn: '999994669', voornamen: 'Hendrik', voorvoegsel: 'ter', geslachtsnaam: 'Horst' });
    const anna = await desk.as('anna', '2026-04-14');
    const ontvangst = await ok(anna, 'letter.melding', { meldingId: ids.meldingId, soort: 'ontvangstbevestiging' });
    const t1 = pdfText(Buffer.from(ontvangst.pdfBase64, 'base64'));
    expect(t1).toContain('H. ter Horst');
    expect(t1).toContain('2 maart 2026');
    const verslag = await ok(anna, 'letter.melding', { meldingId: ids.meldingId, soort: 'gespreksverslag' });
    const t2 = pdfText(Buffer.from(verslag.pdfBase64, 'base64'));
    expect(t2).toContain('Dochter kan niet meer helpen.');
    expect(t2).toContain('Geen passende algemene voorziening.');
    expect((await ok(anna, 'melding.get', { id: ids.meldingId })).onderzoek?.verslagVerzondenOp).toBe('2026-04-14');
    expect((await ok(anna, 'letter.get', { id: verslag.letterId })).sha256).toBe(verslag.sha256);
  });

  it('prints an afwijzing that names what was asked for and how to object', async () => {
    const desk = await Desk.open();
    desks.push(desk);
    const anna = await desk.as('anna', '2026-04-13');
    const c = await ok(anna, 'client.create', { bsn: '999993926', voornamen: 'Pieter', geslachtsnaam: 'Bakker', geboortedatum: '1950-06-01', straat: 'Laan', huisnummer: 3, postcode: '1234 AB', woonplaats: 'Voorbeeldstad' });
    const m = await ok(anna, 'melding.create', { clientId: c.id, datum: '2026-03-02', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Ik wil een scootmobiel.', toestemming: true, clientondersteuningAangeboden: true });
    const a = await ok(anna, 'aanvraag.create', { meldingId: m.melding.id, ontvangenOp: '2026-04-13', omschrijving: 'Een scootmobiel voor boodschappen' });
    const b = await ok(anna, 'beschikking.create', { aanvraagId: a.id, soort: 'afwijzing', indicatieIds: [], besluitTekst: 'Wij wijzen uw aanvraag voor een scootmobiel af.', motivering: 'De supermarkt bezorgt gratis; uw buurvrouw rijdt wekelijks mee. Dat is voldoende.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5 lid 3'] });
    await ok(anna, 'beschikking.submit', { id: b.id });
    await ok(await desk.as('bram'), 'beschikking.approve', { id: b.id });
    const res = await ok(await desk.as('carla', '2026-04-21'), 'print.send', { beschikkingIds: [b.id] });
    expect(res.failures).toEqual([]);
    const text = pdfText(Buffer.from(res.pdfBase64!, 'base64'));
    expect(text).toMatch(/U krijgt geen/);
    expect(text).toContain('Een scootmobiel voor boodschappen');
    expect(text).toMatch(/6 weken/);
    expect(text).toContain('Postbus 100');
  });

  it('ends a voorziening early with a beëindiging that refers to the beschikking it changes', async () => {
    const desk = await Desk.open();
    desks.push(desk);
    const ids = await vastgesteldeToekenning(desk, { bsn: '999992806', voornamen: 'Anna', geslachtsnaam: 'Smit' });
    const anna = await desk.as('anna', '2026-08-03');
    const base = { aanvraagId: ids.aanvraagId, soort: 'beeindiging' as const, vervangtId: ids.beschikkingId, besluitTekst: 'Uw hulp bij het huishouden stopt.', motivering: 'U bent hersteld en kunt het huishouden weer zelf doen.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.10'] };
    const late = await anna.call('beschikking.create', { ...base, indicatieIds: [ids.indicatieId], perDatum: '2028-01-01' });
    expect(late).toMatchObject({ ok: false, error: { field: 'perDatum' } });
    const noDate = await anna.call('beschikking.create', { ...base, indicatieIds: [ids.indicatieId] });
    expect(noDate).toMatchObject({ ok: false, error: { field: 'perDatum' } });
    const b = await ok(anna, 'beschikking.create', { ...base, indicatieIds: [ids.indicatieId], perDatum: '2026-09-30' });
    await ok(anna, 'beschikking.submit', { id: b.id });
    await ok(await desk.as('bram', '2026-08-04'), 'beschikking.approve', { id: b.id });
    const res = await ok(await desk.as('carla', '2026-08-05'), 'print.send', { beschikkingIds: [b.id] });
    expect(res.failures).toEqual([]);
    const text = pdfText(Buffer.from(res.pdfBase64!, 'base64'));
    expect(text).toMatch(/stopt\s+op\s+30\s+september\s+2026/);
    expect(text).toMatch(/BES-2026-000001/);
    // The earlier beschikking itself is untouched.
    expect((await ok(anna, 'beschikking.get', { id: ids.beschikkingId })).status).toBe('vastgesteld');
  });

  it('refuses to print a letter that lacks a mandatory element, naming it', async () => {
    const desk = await Desk.open({ letterhead: false });
    desks.push(desk);
    const ids = await vastgesteldeToekenning(desk, { bsn: '999993483', voornamen: 'Cornelis', geslachtsnaam: 'Zwanenburg' });
    const carla = await desk.as('carla');
    const res = await ok(carla, 'print.send', { beschikkingIds: [ids.beschikkingId] });
    expect(res.printed).toEqual([]);
    expect(res.failures[0]!.reason).toMatch(/bezwaaradres/);
    expect((await ok(carla, 'beschikking.get', { id: ids.beschikkingId })).status).toBe('vastgesteld');
  });

  it('renders the same preview twice byte for byte, and a changed field changes it', async () => {
    const desk = await Desk.open();
    desks.push(desk);
    const ids = await vastgesteldeToekenning(desk, { bsn: '999990482', voornamen: 'Geertruida', geslachtsnaam: 'IJsselmuiden' });
    const anna = await desk.as('anna', '2026-04-22');
    const a = await ok(anna, 'beschikking.preview', { id: ids.beschikkingId });
    const b = await ok(anna, 'beschikking.preview', { id: ids.beschikkingId });
    expect(a.sha256).toBe(b.sha256);
    await ok(anna, 'client.update', { ...(await ok(anna, 'client.get', { id: ids.clientId })), straat: 'Dorpsstraat' });
    expect((await ok(anna, 'beschikking.preview', { id: ids.beschikkingId })).sha256).not.toBe(a.sha256);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Desk, ok } from '../support/cases';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../support/vault';

/** Pixels of page 1 (rendered by poppler) that are clearly red: the CONCEPT watermark is red, the letter is not. */
function reddishPixels(b64: string): number {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'loket-desk-')), 'brief.pdf');
  writeFileSync(file, Buffer.from(b64, 'base64'));
  const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', file]);
  // P6 header: magic, width, height, maxval, each followed by whitespace; then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  let n = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
    if (r - g > 12 && r - b > 12) n++;
  }
  return n;
}

const desks: Desk[] = [];
afterAll(async () => { for (const d of desks) await d.close(); });

async function open(): Promise<Desk> {
  const d = await Desk.open();
  desks.push(d);
  return d;
}

/** A Wmo case with one indicatie and a concept toekenning, as anna. */
async function conceptCase(desk: Desk, bsn: string, geslachtsnaam: string) {
  const anna = await desk.as('anna', '2026-04-13');
  const c = await ok(anna, 'client.create', {
    bsn, voornamen: 'Anna', voorvoegsel: 'van', geslachtsnaam, geboortedatum: '1941-05-12', geslacht: '2', straat: 'Hovenlaan', huisnummer: 37,
    postcode: '7423 AH', woonplaats: 'Voorbeeldstad', wijk: 'Centrum',
  });
  const m = await ok(anna, 'melding.create', {
    clientId: c.id, datum: '2026-03-02', kanaal: 'telefoon', wet: 'wmo', hulpvraag: 'Ik kan mijn huis niet meer schoonhouden.', toestemming: true, clientondersteuningAangeboden: true,
  });
  await ok(anna, 'onderzoek.save', {
    meldingId: m.melding.id, datum: '2026-04-10', aanwezigen: 'cliënt, consulent', behoeften: 'Zelfstandig thuis wonen.', eigenKracht: 'Licht werk lukt zelf.',
    netwerk: 'Geen netwerk.', mantelzorgOndersteuning: 'Niet van toepassing.', algemeneVoorzieningen: 'Geen passende.', benodigdeOndersteuning: 'Hulp bij het huishouden.',
    pgbUitgelegd: true, bijdrageUitgelegd: true, conclusies: 'Maatwerkvoorziening is nodig.',
  });
  const a = await ok(anna, 'aanvraag.create', { meldingId: m.melding.id, ontvangenOp: '2026-04-13', omschrijving: 'Hulp bij het huishouden' });
  const i = await ok(anna, 'indicatie.create', {
    aanvraagId: a.id, productcategorie: '01', omvang: { volume: 3, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN', aanbiederAgb: '12345678',
    aanbiederNaam: 'Thuiszorg De Linde', ingangsdatum: '2026-05-01', einddatum: '2027-04-30', motivering: 'Het zware huishoudelijke werk lukt niet zelf.',
  });
  const besluit = {
    aanvraagId: a.id, soort: 'toekenning' as const, indicatieIds: [i.id], besluitTekst: 'U krijgt hulp bij het huishouden, 3 uur per week.',
    motivering: 'Uit het onderzoek blijkt dat u het zware huishoudelijke werk niet zelf kunt doen.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'],
  };
  const b = await ok(anna, 'beschikking.create', besluit);
  return { anna, clientId: c.id, meldingId: m.melding.id, besluit, beschikkingId: b.id };
}

describe('the desk: safe decisions', () => {
  it('refuses a second open beschikking for an indicatie that is already in one, in Dutch, naming the first', async () => {
    const desk = await open();
    const c = await conceptCase(desk, '999993847', 'Vliet');
    const second = await c.anna.call('beschikking.create', c.besluit);
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.field).toBe('indicatieIds');
      expect(second.error.message).toMatch(/Hulp bij het huishouden.*zit al in beschikking BES-2026-000001 \(concept\)/);
    }
    await ok(c.anna, 'beschikking.submit', { id: c.beschikkingId });
    const third = await c.anna.call('beschikking.create', c.besluit);
    expect(third.ok || third.error.message).toMatch(/ter accordering/);
    // Editing the concept itself stays possible.
    const bram = await desk.as('bram', '2026-04-20');
    await ok(bram, 'beschikking.reject', { id: c.beschikkingId, reden: 'De motivering noemt het netwerk niet.' });
    await ok(c.anna, 'beschikking.update', { ...c.besluit, id: c.beschikkingId, besluitTekst: 'U krijgt hulp bij het huishouden, drie uur per week.' });
  });

  it('keeps the reason a concept was sent back, shows it on the concept, and notifies its author', async () => {
    const desk = await open();
    const c = await conceptCase(desk, '999993847', 'Vliet');
    await ok(c.anna, 'beschikking.submit', { id: c.beschikkingId });
    const bram = await desk.as('bram', '2026-04-20');
    await ok(bram, 'beschikking.reject', { id: c.beschikkingId, reden: 'De motivering noemt het netwerk niet.' });
    const b = await ok(c.anna, 'beschikking.get', { id: c.beschikkingId });
    expect(b.status).toBe('concept');
    expect(b.terugzending).toMatchObject({ reden: 'De motivering noemt het netwerk niet.' });
    expect(b.terugzending!.door).toMatch(/bram/i);
    const n = await ok(c.anna, 'notificatie.list', {});
    const mine = n.items.filter((x) => x.soort === 'teruggestuurd');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.tekst).toContain('De motivering noemt het netwerk niet.');
    expect(mine[0]!.meldingId).toBe(c.meldingId);
    // bram gets none of anna's notifications
    expect((await ok(bram, 'notificatie.list', {})).items.filter((x) => x.soort === 'teruggestuurd')).toEqual([]);
    await ok(c.anna, 'notificatie.gelezen', { ids: [mine[0]!.id!] });
    expect((await ok(c.anna, 'notificatie.list', {})).items.find((x) => x.id === mine[0]!.id)!.gelezen).toBe(true);
    // The reason never enters the access log.
    const log = c.anna.session!.db.raw.prepare('SELECT count(*) FROM access_log WHERE detail LIKE ?').pluck().get('%netwerk niet%');
    expect(log).toBe(0);
    // Approval notifies the author too.
    await ok(c.anna, 'beschikking.submit', { id: c.beschikkingId });
    await ok(bram, 'beschikking.approve', { id: c.beschikkingId });
    expect((await ok(c.anna, 'notificatie.list', {})).items.some((x) => x.soort === 'vastgesteld' && x.tekst.includes('vastgesteld'))).toBe(true);
    expect((await ok(c.anna, 'beschikking.get', { id: c.beschikkingId })).terugzending).toBeNull();
  });

  it('prints in two steps: generating marks nothing verzonden; confirming stores exactly the kept bytes; discarding puts them back', async () => {
    const desk = await open();
    const c = await conceptCase(desk, '999993847', 'Vliet');
    await ok(c.anna, 'beschikking.submit', { id: c.beschikkingId });
    await ok(await desk.as('bram', '2026-04-20'), 'beschikking.approve', { id: c.beschikkingId });
    const carla = await desk.as('carla', '2026-04-21');

    const gen = await ok(carla, 'print.generate', { beschikkingIds: [c.beschikkingId] });
    expect(gen.failures).toEqual([]);
    expect(gen.batch!.brieven.map((l) => l.beschikkingId)).toEqual([c.beschikkingId]);
    expect((await ok(carla, 'beschikking.get', { id: c.beschikkingId })).status).toBe('vastgesteld');
    expect((await ok(carla, 'print.queue', {})).items).toEqual([]); // waiting in the batch, not twice in the queue
    const again = await ok(carla, 'print.generate', { beschikkingIds: [c.beschikkingId] });
    expect(again.batch).toBeNull();
    expect(again.failures[0]!.reason).toMatch(/zit al in stapel/);

    // A new session (navigated away, app restarted) still has the batch.
    const later = await desk.as('carla', '2026-04-21');
    const kept = await ok(later, 'print.batches', {});
    expect(kept.batches.map((b) => b.id)).toEqual([gen.batch!.id]);
    const pdf = await ok(later, 'print.batchPdf', { id: gen.batch!.id });
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    await ok(later, 'print.discard', { id: gen.batch!.id });
    expect((await ok(later, 'print.queue', {})).items.map((b) => b.id)).toEqual([c.beschikkingId]);
    expect(later.session!.db.raw.prepare('SELECT count(*) FROM print_batch_letters').pluck().get()).toBe(0);

    const gen2 = await ok(later, 'print.generate', { beschikkingIds: [c.beschikkingId] });
    const conf = await ok(later, 'print.confirm', { id: gen2.batch!.id });
    expect(conf.printed[0]!.sha256).toBe(gen2.batch!.brieven[0]!.sha256);
    const b = await ok(later, 'beschikking.get', { id: c.beschikkingId });
    expect(b).toMatchObject({ status: 'verzonden', verzondenOp: '2026-04-21', letterSha256: gen2.batch!.brieven[0]!.sha256 });
    const letters = await ok(later, 'letter.list', { clientId: c.clientId });
    expect(letters.letters).toMatchObject([{ id: conf.printed[0]!.letterId, kenmerk: b.kenmerk, beschikkingId: b.id }]);
    const reprint = await ok(later, 'letter.get', { id: conf.printed[0]!.letterId });
    expect(reprint.sha256).toBe(gen2.batch!.brieven[0]!.sha256);
    // The preview carries CONCEPT across the page; the letter sent does not.
    expect(reddishPixels((await ok(later, 'beschikking.preview', { id: c.beschikkingId })).pdfBase64)).toBeGreaterThan(500);
    expect(reddishPixels(reprint.pdfBase64)).toBe(0);
    expect((await later.call('print.confirm', { id: gen2.batch!.id })).ok).toBe(false);
    // A batch made yesterday is not confirmed today: its letters carry yesterday's date.
  });
});

describe('the werkvoorraad page', () => {
  it('searches by name words in any order, BSN with spaces and kenmerk, filters on fase, sorts and pages with a real total', async () => {
    const desk = await open();
    const a = await conceptCase(desk, '999993847', 'Vliet');
    const b = await conceptCase(desk, '999990482', 'Dam');
    const anna = a.anna;
    const all = await ok(anna, 'werkvoorraad.page', { perPagina: 10 });
    expect(all.totaal).toBe(2);
    expect(all.tellingen.open).toBe(2);
    expect(all.tellingen.fase.beschikking).toBe(2);
    expect((await ok(anna, 'werkvoorraad.page', { zoek: 'Anna van Vliet' })).items.map((i) => i.meldingId)).toEqual([a.meldingId]);
    expect((await ok(anna, 'werkvoorraad.page', { zoek: '999 990 482' })).items.map((i) => i.meldingId)).toEqual([b.meldingId]);
    expect((await ok(anna, 'werkvoorraad.page', { zoek: String(b.meldingId) })).items.map((i) => i.meldingId)).toContain(b.meldingId);
    expect((await ok(anna, 'werkvoorraad.page', { fase: 'onderzoek' })).totaal).toBe(0);
    const byName = await ok(anna, 'werkvoorraad.page', { sorteer: 'client', richting: 'af' });
    expect(byName.items.map((i) => i.meldingId)).toEqual([a.meldingId, b.meldingId]);
    await ok(anna, 'beschikking.submit', { id: b.beschikkingId });
    expect((await ok(anna, 'werkvoorraad.page', { fase: 'accordering' })).items.map((i) => i.meldingId)).toEqual([b.meldingId]);
  });

  it('sorts on the consultant both ways', async () => {
    const desk = await open();
    const a = await conceptCase(desk, '999993847', 'Vliet');
    const beheer = await desk.as('beheer', '2026-04-13', ADMIN_PASSWORD);
    const zeno = await ok(beheer, 'user.add', { username: 'zeno', displayName: 'Zeno Zwart', roles: ['consulent'], password: USER_PASSWORD });
    const anna = a.anna;
    const c = await ok(anna, 'client.create', { bsn: '999990482', voornamen: 'Bert', geslachtsnaam: 'Dam', geboortedatum: '1950-01-01', postcode: '1234 AB' });
    const m = await ok(anna, 'melding.create', {
      clientId: c.id, datum: '2026-04-01', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Hulp bij douchen nodig.', toestemming: true, clientondersteuningAangeboden: false, consulentId: zeno.id,
    });
    const order = async (richting: 'op' | 'af') => (await ok(anna, 'werkvoorraad.page', { sorteer: 'consulent', richting })).items.map((i) => i.consulentNaam);
    expect([await order('op'), await order('af')]).toEqual([['anna', 'Zeno Zwart'], ['Zeno Zwart', 'anna']]);
    expect(m.melding.consulentId).toBe(zeno.id);
  });
});

describe('input the router refuses or understands', () => {
  it('refuses a birth date in the future and voorletters that are not letters; finds a spaced BSN and a postcode glued to its number', async () => {
    const desk = await open();
    const anna = await desk.as('anna', '2026-04-13');
    const base = { bsn: '999993847', voornamen: 'Anna', voorvoegsel: 'van', geslachtsnaam: 'Vliet', geslacht: '2' as const, straat: 'Hovenlaan', huisnummer: 37, postcode: '7423 AH', woonplaats: 'Deventer' };
    const future = await anna.call('client.create', { ...base, geboortedatum: '2031-01-01' });
    expect(future.ok ? null : future.error).toMatchObject({ field: 'geboortedatum', message: expect.stringMatching(/01-01-2031 ligt in de toekomst/) });
    const emoji = await anna.call('client.create', { ...base, geboortedatum: '1950-01-01', voorletters: 'A.🙂.' });
    expect(emoji.ok ? null : emoji.error).toMatchObject({ field: 'voorletters' });
    const c = await ok(anna, 'client.create', { ...base, geboortedatum: '1950-01-01' });
    expect((await ok(anna, 'client.search', { query: '999 993 847' })).results.map((r) => r.id)).toEqual([c.id]);
    expect((await ok(anna, 'client.search', { query: '7423ah37' })).results.map((r) => r.id)).toEqual([c.id]);
    expect((await ok(anna, 'client.search', { query: '7423 AH 12' })).results).toEqual([]);
  });
});

describe('roles and mandate', () => {
  it('a beheerder changes roles and mandate; the change counts from the next call; no besluitbevoegde without mandate, no auditor with another role, never the last beheerder', async () => {
    const desk = await open();
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    const anna = await desk.as('anna');
    expect((await anna.call('accordering.queue', {})).ok).toBe(false);
    const noMandate = await beheer.call('user.update', { username: 'anna', roles: ['consulent', 'besluitbevoegd'], mandaat: null });
    expect(noMandate.ok ? null : noMandate.error).toMatchObject({ field: 'mandaat' });
    const auditorToo = await beheer.call('user.update', { username: 'anna', roles: ['consulent', 'auditor'], mandaat: null });
    expect(auditorToo.ok ? null : auditorToo.error).toMatchObject({ field: 'roles' });
    const changed = await ok(beheer, 'user.update', { username: 'anna', roles: ['consulent', 'besluitbevoegd'], mandaat: 'Mandaatbesluit Wmo 2026' });
    expect(changed).toMatchObject({ roles: ['consulent', 'besluitbevoegd'], mandaat: 'Mandaatbesluit Wmo 2026' });
    expect((await anna.call('accordering.queue', {})).ok).toBe(true);
    const last = await beheer.call('user.update', { username: 'beheer', roles: ['consulent'], mandaat: null });
    expect(last.ok ? null : last.error.message).toMatch(/laatste beheerder/);
    expect((await anna.call('user.update', { username: 'anna', roles: ['beheerder'], mandaat: null })).ok).toBe(false);
  });
});

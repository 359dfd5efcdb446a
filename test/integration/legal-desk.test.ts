// Issue 14 through the router on a real encrypted database: who a letter is addressed to, the
// salutation, each law's own case number and texts, a decision taken ambtshalve after a
// voornemen and zienswijze (Awb 4:8), the CAK told at a beëindiging, and the procedure letters
// (verdaging 4:14, aanvulverzoek 4:5). Letters read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, LETTERHEAD, ok, refused, vastgesteldeToekenning } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';

const dir = mkdtempSync(join(tmpdir(), 'legal-desk-'));
let n = 0;
function pdfFile(base64: string): string {
  const f = join(dir, `l${n++}.pdf`);
  writeFileSync(f, Buffer.from(base64, 'base64'));
  return f;
}
const text = (base64: string) => execFileSync('pdftotext', ['-layout', pdfFile(base64), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
/** Only the envelope window (22–112 mm × 50–95 mm) of page 1. */
function windowText(base64: string): string {
  const mm = (v: number) => Math.round((v * 72) / 25.4);
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', '-x', String(mm(22)), '-y', String(mm(50)), '-W', String(mm(90)), '-H', String(mm(45)), '-layout', pdfFile(base64), '-'], { encoding: 'utf8' });
}
const WMO_WORDS = /\bWmo\b|maatschappelijke ondersteuning|\bCAK\b|maatwerkvoorziening/i;

let desk: Desk;
beforeAll(async () => {
  desk = await Desk.open();
  // A desk for the whole sociaal domein: its letterhead names no single law.
  await ok(await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD), 'settings.update', {
    ...LETTERHEAD, email: 'sociaaldomein@voorbeeldstad.nl', ondertekenaar: { naam: 'J. de Boer', functie: 'teamleider sociaal domein' },
  });
}, 120_000);
afterAll(async () => {
  await desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

const CURATOR = {
  soort: 'curator' as const, naam: 'mr. A.B. Bakker', organisatie: 'Bakker Curatele en Mentorschap B.V.', geslacht: '1' as const,
  adresregels: ['Postbus 55', '1230 AB  VOORBEELDSTAD'],
};

describe('addressing and representation (items 1–4)', () => {
  it('with BRP geheimhouding the curator still gets the letter: office and t.a.v. in the window, the client in "Over"', async () => {
    const anna = await desk.as('anna', '2026-04-13');
    const c = await ok(anna, 'client.create', {
      bsn: '999990032', voornamen: 'Gerda', geslachtsnaam: 'Mulder', geslacht: '2', geboortedatum: '1941-02-03', geheimhouding: true,
      straat: 'Dorpsstraat', huisnummer: 4, postcode: '1234 AB', woonplaats: 'Voorbeeldstad', vertegenwoordigers: [CURATOR],
    });
    expect(c.vertegenwoordigers[0]!.handeltIn).toEqual(['zorg', 'financieel']); // BW 1:378: care and money
    const m = await ok(anna, 'melding.create', { clientId: c.id, datum: '2026-04-13', kanaal: 'brief', wet: 'wmo', hulpvraag: 'Mevrouw kan niet meer zelf koken.', toestemming: true, clientondersteuningAangeboden: true });
    const letter = await ok(anna, 'letter.melding', { meldingId: m.melding.id, soort: 'ontvangstbevestiging' });
    const win = windowText(letter.pdfBase64);
    expect(win).toContain('Bakker Curatele en Mentorschap B.V.');
    expect(win).toContain('t.a.v. mr. A.B. Bakker');
    expect(win).not.toContain('Mulder');
    expect(win).not.toMatch(/inzake|curator|Dorpsstraat/i);
    const t = text(letter.pdfBase64);
    expect(t).toContain('Over G. Mulder');
    expect(t).toContain('Geachte heer Bakker,');
    expect(t).toContain('U krijgt deze brief als curator van G. Mulder');
    expect(t).toContain('is voor uw cliënt, G. Mulder, om hulp gevraagd');
    // The actual dates (item 13): persoonlijk plan 7 days, onderzoek 6 weeks (Atw applied by the clock).
    expect(t).toContain('tot en met 20 april 2026 een persoonlijk plan');
    expect(t).toMatch(/uiterlijk op \d+ mei 2026 klaar met het onderzoek/);
  });

  it('a bewindvoerder (money only) does not get a care letter in the client’s place; the client does, with a copy named', async () => {
    const ids = await vastgesteldeToekenning(desk, { bsn: '999990044', voornamen: 'Johanna', geslachtsnaam: 'Vries', voorvoegsel: 'de' });
    const anna = await desk.as('anna', '2026-04-20');
    const c = await ok(anna, 'client.get', { id: ids.clientId });
    const { id: _id, naam: _naam, householdId: _h, createdAt: _c, updatedAt: _u, vertegenwoordigers: _v, ...fields } = c as typeof c & Record<string, unknown>;
    await ok(anna, 'client.update', {
      ...(fields as Parameters<typeof ok<'client.create'>>[2]), id: ids.clientId,
      partnerVoorvoegsel: 'van', partnerGeslachtsnaam: 'Dijk', naamgebruik: 'V',
      vertegenwoordigers: [{ soort: 'bewindvoerder', naam: 'mr. B. de Wit', organisatie: 'Bewindvoering Noord', adresregels: ['Postbus 9', '1230 AC  VOORBEELDSTAD'], ontvangtPost: true }],
    } as never);
    const preview = await ok(anna, 'beschikking.preview', { id: ids.beschikkingId });
    const win = windowText(preview.pdfBase64);
    expect(win).toContain('Kerkstraat 12');
    expect(win).not.toContain('Bewindvoering');
    const t = text(preview.pdfBase64);
    expect(t).toContain('Beste mevrouw Van Dijk-de Vries,');
    expect(t).toContain('Een kopie van deze brief gaat naar: mr. B. de Wit, Bewindvoering Noord (beschermingsbewindvoerder).');
    expect(t).toContain('U krijgt hulp bij het huishouden');
  });
});

describe('each law speaks for itself (item 5)', () => {
  it('a Jeugdwet case: JW- case number; ontvangstbevestiging, verslag and beschikking without Wmo, maatschappelijke ondersteuning or CAK', async () => {
    const anna = await desk.as('anna', '2026-04-20');
    const c = await ok(anna, 'client.create', {
      bsn: '999990056', voornamen: 'Daan', geslachtsnaam: 'Smit', geslacht: '1', geboortedatum: '2014-06-01',
      straat: 'Schoolstraat', huisnummer: 8, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
      vertegenwoordigers: [{ soort: 'ouder_voogd', naam: 'E. Smit', geslacht: '2', adresregels: ['Schoolstraat 8', '1234 AB  VOORBEELDSTAD'] }],
    });
    const m = await ok(anna, 'melding.create', { clientId: c.id, datum: '2026-04-01', kanaal: 'telefoon', wet: 'jeugdwet', hulpvraag: 'Daan heeft hulp nodig bij zijn gedrag op school en thuis.', toestemming: true, clientondersteuningAangeboden: true });
    expect(m.melding.kenmerk).toMatch(/^JW-2026-\d{6}$/);
    const ob = await ok(anna, 'letter.melding', { meldingId: m.melding.id, soort: 'ontvangstbevestiging' });
    await ok(anna, 'onderzoek.save', {
      meldingId: m.melding.id, datum: '2026-04-15', aanwezigen: 'Daan, zijn moeder, jeugdconsulent', behoeften: 'Rust en structuur thuis en op school.',
      eigenKracht: 'Moeder probeert structuur te bieden maar loopt vast.', netwerk: 'Oma helpt op woensdag.', mantelzorgOndersteuning: 'Moeder krijgt opvoedondersteuning.',
      algemeneVoorzieningen: 'Het schoolmaatschappelijk werk is al ingezet en is niet genoeg.', benodigdeOndersteuning: 'Ambulante jeugdhulp thuis, 2 uur per week.',
      pgbUitgelegd: true, bijdrageUitgelegd: false, conclusies: 'Ambulante jeugdhulp is nodig.',
    });
    const verslag = await ok(anna, 'letter.melding', { meldingId: m.melding.id, soort: 'gespreksverslag' });
    const a = await ok(anna, 'aanvraag.create', { meldingId: m.melding.id, ontvangenOp: '2026-04-16', omschrijving: 'Ambulante jeugdhulp' });
    const i = await ok(anna, 'indicatie.create', {
      aanvraagId: a.id, productcategorie: '45', omvang: { volume: 2, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN',
      aanbiederAgb: '12345678', aanbiederNaam: 'Jeugdhulp De Brug', ingangsdatum: '2026-05-01', einddatum: '2026-12-31', motivering: 'Ambulante hulp thuis is nodig om de situatie te stabiliseren.',
    });
    const base = {
      aanvraagId: a.id, soort: 'toekenning' as const, indicatieIds: [i.id], besluitTekst: 'Daan krijgt 2 uur per week jeugdhulp thuis.',
      motivering: 'Uit het onderzoek blijkt dat de hulp van school en familie niet genoeg is.',
    };
    expect(await refused(anna, 'beschikking.create', { ...base, wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'] }))
      .toMatchObject({ code: 'invoer', field: 'wettelijkeGrondslag' });
    const b = await ok(anna, 'beschikking.create', { ...base, wettelijkeGrondslag: ['Jeugdwet, artikel 2.3', 'Verordening jeugdhulp Voorbeeldstad 2026, artikel 4'] });
    const preview = await ok(anna, 'beschikking.preview', { id: b.id });
    for (const [soort, pdf] of [['ontvangstbevestiging', ob.pdfBase64], ['gespreksverslag', verslag.pdfBase64], ['beschikking', preview.pdfBase64]] as const) {
      const t = text(pdf);
      expect(t, soort).not.toMatch(WMO_WORDS);
      expect(t, soort).toContain(soort === 'beschikking' ? b.kenmerk : m.melding.kenmerk);
      expect(t, soort).toContain('Geachte mevrouw Smit');
      expect(t, soort).toContain('als ouder of voogd van D. Smit');
    }
    const bt = text(preview.pdfBase64);
    expect(bt).toContain('artikel 2.3 van de Jeugdwet');
    expect(bt).toContain('Voor jeugdhulp betaalt u geen eigen bijdrage');
    expect(text(verslag.pdfBase64)).toContain('binnen 8 weken een besluit');
  });
});

describe('decisions (items 10, 11)', () => {
  it('an ambtshalve beëindiging needs a voornemen and the zienswijze term (Awb 4:8); its letter stands on its own and tells the CAK bijdrage stops', async () => {
    const ids = await vastgesteldeToekenning(desk, { bsn: '999990068', voornamen: 'Piet', geslachtsnaam: 'Jansen' });
    const anna = await desk.as('anna', '2026-05-04');
    const beeindiging = {
      aanvraagId: ids.aanvraagId, soort: 'beeindiging' as const, vervangtId: ids.beschikkingId, indicatieIds: [ids.indicatieId], perDatum: '2026-06-30',
      redenEinde: 'ander_domein' as const, besluitTekst: 'Uw hulp bij het huishouden stopt, omdat u nu zorg krijgt uit de Wet langdurige zorg.',
      motivering: 'U woont sinds 1 mei 2026 in een verpleeghuis. De zorg daar komt uit de Wet langdurige zorg.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.10'],
      ambtshalveAanleiding: 'U woont sinds 1 mei 2026 in een verpleeghuis',
    };
    expect(await refused(anna, 'beschikking.create', beeindiging)).toMatchObject({ code: 'invoer', field: 'voornemenId' });
    const v = await ok(anna, 'voornemen.send', {
      beschikkingId: ids.beschikkingId, soort: 'beeindiging', wat: 'Wij willen uw hulp bij het huishouden stoppen per 30 juni 2026.',
      reden: 'U woont sinds 1 mei 2026 in een verpleeghuis met zorg uit de Wet langdurige zorg.', perDatum: '2026-06-30', zienswijzeUiterlijk: '2026-05-18',
    });
    const vt = text(v.pdfBase64);
    expect(vt).toContain('Dit is nog geen besluit');
    expect(vt).toContain('tot en met 18 mei 2026');
    // During the zienswijze term no decision yet.
    expect(await refused(anna, 'beschikking.create', { ...beeindiging, voornemenId: v.voornemenId })).toMatchObject({ code: 'conflict', field: 'voornemenId' });
    const later = await desk.as('anna', '2026-05-06');
    await ok(later, 'voornemen.zienswijze', { voornemenId: v.voornemenId, ontvangenOp: '2026-05-06', zienswijze: 'Ik begrijp het en ga akkoord.' });
    // The screen lists the voornemen of this melding with the reaction (voornemen.list).
    expect((await ok(later, 'voornemen.list', { meldingId: ids.meldingId })).voornemens).toEqual([expect.objectContaining({
      id: v.voornemenId, beschikkingId: ids.beschikkingId, soort: 'beeindiging', zienswijzeUiterlijk: '2026-05-18', zienswijzeOp: '2026-05-06', zienswijze: 'Ik begrijp het en ga akkoord.',
    })]);
    const b = await ok(later, 'beschikking.create', { ...beeindiging, voornemenId: v.voornemenId });
    expect(b.ambtshalveAanleiding).toBe(beeindiging.ambtshalveAanleiding);
    const t = text((await ok(later, 'beschikking.preview', { id: b.id })).pdfBase64);
    expect(t).not.toContain('gaat over uw aanvraag');
    expect(t).toContain('Wij nemen dit besluit zelf, zonder aanvraag');
    expect(t).toContain('Op 4 mei 2026 schreven wij dat wij dit van plan waren');
    expect(t).toContain('Uw reactie: Ik begrijp het en ga akkoord.');
    expect(t).toContain('Dan stopt ook de eigen bijdrage'); // item 11: was unreachable
  });

  it('a gedeeltelijke toekenning names what is not granted and why; without it it is refused', async () => {
    const anna = await desk.as('anna', '2026-04-20');
    const ids = await vastgesteldeToekenning(desk, { bsn: '999990081', voornamen: 'Kees', geslachtsnaam: 'Bos' });
    const m = await ok(anna, 'melding.get', { id: ids.meldingId });
    expect(m.melding.kenmerk).toMatch(/^WMO-/);
    const client = await ok(anna, 'client.create', { bsn: '999990093', voornamen: 'Lies', geslachtsnaam: 'Bos', geslacht: '2', geboortedatum: '1944-01-01', straat: 'Kerkstraat', huisnummer: 14, postcode: '1234 AB', woonplaats: 'Voorbeeldstad' });
    const mm = await ok(anna, 'melding.create', { clientId: client.id, datum: '2026-04-01', kanaal: 'telefoon', wet: 'wmo', hulpvraag: 'Hulp bij het huishouden nodig.', toestemming: true, clientondersteuningAangeboden: true });
    const a = await ok(anna, 'aanvraag.create', { meldingId: mm.melding.id, ontvangenOp: '2026-04-15', omschrijving: 'Hulp bij het huishouden, 5 uur per week' });
    const i = await ok(anna, 'indicatie.create', { aanvraagId: a.id, productcategorie: '01', omvang: { volume: 3, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN', aanbiederAgb: '12345678', aanbiederNaam: 'Thuiszorg De Linde', ingangsdatum: '2026-05-01', einddatum: '2027-04-30', motivering: 'Drie uur is genoeg voor het schoonmaken.' });
    const base = { aanvraagId: a.id, soort: 'gedeeltelijke_toekenning' as const, indicatieIds: [i.id], besluitTekst: 'U krijgt 3 van de 5 gevraagde uren.', motivering: 'Uit het onderzoek blijkt dat 3 uur per week genoeg is voor het schoonmaken.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'] };
    expect(await refused(anna, 'beschikking.create', base)).toMatchObject({ code: 'invoer', field: 'nietToegekend' });
    const b = await ok(anna, 'beschikking.create', { ...base, nietToegekend: [{ wat: '2 uur per week voor de was', waarom: 'Uw man kan de was doen: dat is gebruikelijke hulp.' }] });
    const t = text((await ok(anna, 'beschikking.preview', { id: b.id })).pdfBase64);
    expect(t).toContain('Wat krijgt u niet? 2 uur per week voor de was Waarom niet: Uw man kan de was doen');
  });
});

describe('procedure letters (item 13)', () => {
  it('aanvulverzoek (Awb 4:5) suspends the beslistermijn; verdaging (4:14) names old and new day', async () => {
    const anna = await desk.as('anna', '2026-04-14');
    const c = await ok(anna, 'client.create', { bsn: '999990111', voornamen: 'Anton', geslachtsnaam: 'Kok', geslacht: '1', geboortedatum: '1950-01-01', straat: 'Kerkstraat', huisnummer: 20, postcode: '1234 AB', woonplaats: 'Voorbeeldstad' });
    const m = await ok(anna, 'melding.create', { clientId: c.id, datum: '2026-04-01', kanaal: 'telefoon', wet: 'wmo', hulpvraag: 'Een traplift nodig.', toestemming: true, clientondersteuningAangeboden: true });
    await ok(anna, 'aanvraag.create', { meldingId: m.melding.id, ontvangenOp: '2026-04-13', omschrijving: 'Traplift' });
    const av = await ok(anna, 'letter.aanvulverzoek', { meldingId: m.melding.id, ontbreekt: ['een verklaring van uw fysiotherapeut'], hersteltermijnEinde: '2026-04-28' });
    const at = text(av.pdfBase64);
    expect(at).toContain('een verklaring van uw fysiotherapeut');
    expect(at).toContain('uiterlijk op 28 april 2026');
    let d = await ok(anna, 'melding.get', { id: m.melding.id });
    const t = d.termijnen.find((x) => x.soort === 'beschikking')!;
    expect(t.opgeschort).toBe(true);
    await ok(anna, 'termijn.hervat', { termijnId: t.id, tot: '2026-04-14' });
    await ok(anna, 'termijn.verleng', { termijnId: t.id, dagen: 14, reden: 'Wij wachten op het advies van de ergotherapeut.' });
    d = await ok(anna, 'melding.get', { id: m.melding.id });
    const nu = d.termijnen.find((x) => x.soort === 'beschikking')!;
    const vd = text((await ok(anna, 'letter.verdaging', { termijnId: t.id })).pdfBase64);
    expect(vd).toContain('artikel 4:14');
    expect(vd).toContain('ergotherapeut');
    expect(vd).toMatch(/uiterlijk op \d+ \w+ 2026 een besluit nemen\. Dat lukt niet/);
    expect(nu.uiterlijk).not.toBeNull();
  });
});

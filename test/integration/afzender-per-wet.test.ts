// Issue 14, item 5, the letterhead: a desk whose general letterhead is the Wmo-loket's (afdeling
// "Wmo-loket", wmo@…, "teamleider Wmo") never sends a Jeugdwet or Participatiewet letter under it.
// Without a sender of their own such letters are refused, naming the setting; with one, every
// Jeugdwet letter (ontvangstbevestiging, verslag, beschikking) and a Participatiewet letter carry no
// "Wmo", "maatschappelijke ondersteuning" or "CAK", and the Wmo letters keep the Wmo-loket.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Router } from '../../main/router';
import { Desk, LETTERHEAD, ok, refused } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';

const dir = mkdtempSync(join(tmpdir(), 'afzender-'));
let n = 0;
const text = (base64: string) => {
  const f = join(dir, `l${n++}.pdf`);
  writeFileSync(f, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};
const WMO_WORDS = /\bWmo\b|maatschappelijke ondersteuning|\bCAK\b/i;

/** The Wmo-flavoured general letterhead (LETTERHEAD has wmo@voorbeeldstad.nl and "teamleider Wmo"). */
const WMO_LOKET = { ...LETTERHEAD, afdeling: 'Wmo-loket' };
const LEEG = { afdeling: '', email: '', functie: '' };

let desk: Desk;
let beheer: Router;
beforeAll(async () => {
  desk = await Desk.open();
  beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
  await ok(beheer, 'settings.update', WMO_LOKET);
}, 120_000);
afterAll(async () => {
  await desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function casus(anna: Router, bsn: string, naam: string, wet: 'wmo' | 'jeugdwet' | 'participatiewet') {
  const c = await ok(anna, 'client.create', {
    bsn, voornamen: 'Sem', geslachtsnaam: naam, geslacht: '1', geboortedatum: wet === 'jeugdwet' ? '2014-05-09' : '1970-01-01',
    straat: 'Schoolstraat', huisnummer: 3, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
  });
  const m = await ok(anna, 'melding.create', { clientId: c.id, datum: '2026-04-13', kanaal: 'balie', wet, hulpvraag: 'Hulp nodig thuis.', toestemming: true, clientondersteuningAangeboden: true });
  return m.melding.id;
}

describe('each law its own sender (Jeugdwet and Participatiewet letters under a Wmo-loket letterhead)', () => {
  it('without a sender of its own, a Jeugdwet letter is refused and says which setting to fill in', async () => {
    const anna = await desk.as('anna', '2026-04-13');
    const meldingId = await casus(anna, '999993483', 'Yilmaz', 'jeugdwet');
    const e = await refused(anna, 'letter.melding', { meldingId, soort: 'ontvangstbevestiging' });
    expect(e.code).toBe('invoer');
    expect(e.message).toContain('een afzender voor de Jeugdwet');
    expect(e.message).toContain('Instellingen › Afzender per wet › Jeugdwet');
    // A verdaging and its letter are one call: the refused letter leaves the beslistermijn as it was.
    await ok(anna, 'aanvraag.create', { meldingId, ontvangenOp: '2026-04-13', omschrijving: 'Jeugdhulp ambulant' });
    const t = (await ok(anna, 'melding.get', { id: meldingId })).termijnen.find((x) => x.soort === 'beschikking')!;
    const v = await refused(anna, 'letter.verdaging', { termijnId: t.id, dagen: 14, reden: 'Wij wachten op het advies van de jeugdarts.' });
    expect(v.message).toContain('een afzender voor de Jeugdwet');
    const na = (await ok(anna, 'melding.get', { id: meldingId })).termijnen.find((x) => x.soort === 'beschikking')!;
    expect(na).toMatchObject({ verlengingen: [], uiterlijk: t.uiterlijk });
  });

  it('with one, the Jeugdwet ontvangstbevestiging, verslag and beschikking and a Participatiewet letter name no Wmo; the Wmo letter keeps the Wmo-loket', async () => {
    await ok(beheer, 'settings.update', {
      ...WMO_LOKET,
      afzenderPerWet: {
        wmo: LEEG,
        jeugdwet: { afdeling: 'Team Jeugd en Gezin', email: 'jeugd@voorbeeldstad.nl', functie: 'teamleider Jeugd en Gezin' },
        participatiewet: { afdeling: 'Werk en Inkomen', email: 'werkeninkomen@voorbeeldstad.nl', functie: 'teamleider Werk en Inkomen' },
      },
    });
    const anna = await desk.as('anna', '2026-04-20');
    const jeugd = await casus(anna, '999993586', 'Jansen', 'jeugdwet');
    const ob = text((await ok(anna, 'letter.melding', { meldingId: jeugd, soort: 'ontvangstbevestiging' })).pdfBase64);
    await ok(anna, 'onderzoek.save', {
      meldingId: jeugd, datum: '2026-04-17', aanwezigen: 'moeder, jeugdconsulent', behoeften: 'Sem heeft moeite met school en thuis.',
      eigenKracht: 'Moeder doet veel zelf.', netwerk: 'Oma helpt soms.', mantelzorgOndersteuning: 'Niet van toepassing.',
      algemeneVoorzieningen: 'Schoolmaatschappelijk werk is al ingezet.', benodigdeOndersteuning: 'Ambulante jeugdhulp.',
      pgbUitgelegd: true, bijdrageUitgelegd: false, conclusies: 'Ambulante jeugdhulp is nodig.',
    });
    const verslag = text((await ok(anna, 'letter.melding', { meldingId: jeugd, soort: 'gespreksverslag' })).pdfBase64);
    const a = await ok(anna, 'aanvraag.create', { meldingId: jeugd, ontvangenOp: '2026-04-20', omschrijving: 'Jeugdhulp ambulant' });
    const i = await ok(anna, 'indicatie.create', {
      aanvraagId: a.id, productcategorie: '45', productcode: '45A53', omvang: { volume: 120, eenheid: '01', frequentie: '2' }, leveringsvorm: 'ZIN',
      aanbiederAgb: '87654321', aanbiederNaam: 'Jeugdhulp Noord', ingangsdatum: '2026-05-01', einddatum: '2026-10-31', motivering: 'Ambulante begeleiding van het gezin is nodig.',
    });
    const b = await ok(anna, 'beschikking.create', {
      aanvraagId: a.id, soort: 'toekenning', indicatieIds: [i.id], besluitTekst: 'Sem krijgt ambulante jeugdhulp.',
      motivering: 'Uit het onderzoek blijkt dat ambulante jeugdhulp nodig is.', wettelijkeGrondslag: ['artikel 2.3 Jeugdwet'],
    });
    const besluit = text((await ok(anna, 'beschikking.preview', { id: b.id })).pdfBase64);
    for (const [naam, t] of [['ontvangstbevestiging', ob], ['gespreksverslag', verslag], ['beschikking', besluit]] as const) {
      expect(t, naam).not.toMatch(WMO_WORDS);
      expect(t, naam).toContain('Team Jeugd en Gezin');
      expect(t, naam).toContain('jeugd@voorbeeldstad.nl');
    }
    expect(besluit).toContain('teamleider Jeugd en Gezin');

    const pw = await casus(anna, '999993653', 'Bakker', 'participatiewet');
    const pt = text((await ok(anna, 'letter.melding', { meldingId: pw, soort: 'ontvangstbevestiging' })).pdfBase64);
    expect(pt).not.toMatch(WMO_WORDS);
    expect(pt).toContain('Werk en Inkomen');

    const wmo = await casus(anna, '999993847', 'Dijk', 'wmo');
    const wt = text((await ok(anna, 'letter.melding', { meldingId: wmo, soort: 'ontvangstbevestiging' })).pdfBase64);
    expect(wt).toContain('Wmo-loket');
    expect(wt).toContain('wmo@voorbeeldstad.nl');
  });
});

// Issue 14: decisions that hold up. Letters read back with pdftotext; each case here failed on the
// templates before (a Wmo text in a Jeugdwet letter, the client addressed as if the curator were
// the client, "binnen 7 dagen" instead of a date, a wijziging that did not say what stops, …).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLetter } from '../../main/letters/render';
import type { LetterDataInput } from '../../main/letters/types';
import { missingElements } from '../../main/letters/validate';
import { baseLetter, beschikking, gespreksverslag, ontvangstbevestiging } from '../fixtures/letter-data';

const dir = mkdtempSync(join(tmpdir(), 'letters-law-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function save(pdf: Buffer, name = `l${n++}`): string {
  const f = join(dir, `${name}.pdf`);
  writeFileSync(f, pdf);
  return f;
}
/** pdftotext -layout, whitespace collapsed. */
const text = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', save(pdf), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
/** The address window only: pdftotext -x/-y/-W/-H over the window (22–112 mm × 50–95 mm, at 72 dpi). */
function windowText(pdf: Buffer): string {
  const mm = (v: number) => Math.round((v * 72) / 25.4);
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', '-x', String(mm(22)), '-y', String(mm(50)), '-W', String(mm(90)), '-H', String(mm(45)), '-layout', save(pdf), '-'], { encoding: 'utf8' });
}

/** Flesch–Douma (domain.md §7), syllables as vowel groups: a lint for B1, not a verdict. */
function fleschDouma(t: string): number {
  const sentences = t.split(/[.!?]+\s/).filter((s) => /\p{L}/u.test(s));
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const syllables = words.reduce((n, w) => n + Math.max(1, (w.toLowerCase().match(/[aeiouyáéíóúëïöü]+/g) ?? []).length), 0);
  return 206.835 - 0.93 * (words.length / sentences.length) - 77 * (syllables / words.length);
}
/** The body: from the onderwerp to the signature (no letterhead, address or reference block). */
const body = (t: string, from: string) => t.slice(t.indexOf(from), t.indexOf('Met vriendelijke groet'));

const curator = (d: LetterDataInput): LetterDataInput => ({
  ...d,
  geadresseerde: {
    naam: 'mr. A.B. Bakker',
    organisatie: 'Bakker Curatele en Mentorschap B.V.',
    adresregels: ['Postbus 55', '1230 AB  VOORBEELDSTAD'],
    aanhef: 'Geachte heer Bakker',
    rol: 'curator',
  },
  client: { naam: 'mevrouw G. Mulder', geslacht: '2', geboortedatum: '1950-02-01' },
  // The consulent writes the free texts for the addressee too.
  ...(d.beschikking ? {
    beschikking: {
      ...d.beschikking,
      besluitTekst: 'Uw cliënt krijgt 3 uur per week hulp bij het schoonhouden van haar huis.',
      motivering: 'Uit ons gesprek op 16 maart 2026 blijkt dat mevrouw Mulder haar huis niet zelf kan schoonhouden. Zij woont alleen. Haar familie kan dit niet overnemen.',
    },
  } : {}),
});

describe('addressing and representation (items 1, 3, 4)', () => {
  it('a curator letter: office and t.a.v. in the window, the client only in "Over", the text about the client', async () => {
    const pdf = await renderLetter(curator(beschikking('toekenning')));
    const win = windowText(pdf);
    expect(win).toContain('Bakker Curatele en Mentorschap B.V.');
    expect(win).toContain('t.a.v. mr. A.B. Bakker');
    expect(win).toContain('Postbus 55');
    expect(win).not.toContain('Mulder');
    expect(win).not.toMatch(/inzake|curator/i);
    const t = text(pdf);
    expect(t).toMatch(/Over mevrouw G\. Mulder/);
    expect(t).toContain('Geachte heer Bakker,');
    expect(t).toContain('U krijgt deze brief als curator van mevrouw G. Mulder');
    expect(t).toContain('Uw cliënt, mevrouw G. Mulder, krijgt hulp bij het huishouden');
    expect(t).toContain('Wat krijgt uw cliënt?');
    expect(t).toContain('betaalt uw cliënt een eigen bijdrage');
    expect(t).toContain('U kunt namens uw cliënt bezwaar maken');
    expect(t).not.toContain('U krijgt hulp bij het huishouden');
    expect(t).not.toContain('Wat krijgt u?');
  });

  it('a copy to the bewindvoerder is named under the letter', async () => {
    const d = beschikking('toekenning');
    d.kopieAan = ['mr. B. de Wit, Bewindvoering Noord (beschermingsbewindvoerder)'];
    const t = text(await renderLetter(d));
    expect(t).toContain('Een kopie van deze brief gaat naar: mr. B. de Wit, Bewindvoering Noord (beschermingsbewindvoerder).');
  });
});

const JEUGD_GROND = ['Jeugdwet, artikel 2.3', 'Verordening jeugdhulp Voorbeeldstad 2026, artikel 4'];
/** The letterhead comes from the settings: a desk for the whole sociaal domein has no "Wmo" in it. */
function sociaalDomein(d: LetterDataInput): LetterDataInput {
  return {
    ...d,
    gemeente: { ...d.gemeente, email: 'sociaaldomein@voorbeeldstad.nl', ondertekenaar: { naam: 'mr. P. de Jong', functie: 'teamleider sociaal domein' } },
    contactpersoon: { ...d.contactpersoon, email: 's.bakker@voorbeeldstad.nl' },
  };
}
function jeugd(d: LetterDataInput): LetterDataInput {
  const out: LetterDataInput = { ...sociaalDomein(d), wet: 'jeugdwet', kenmerk: 'JW-2026-000042' };
  if (out.verslag) out.verslag = { ...out.verslag, aanwezigen: ['Emine (moeder)', 'Sanne Bakker (jeugdconsulent)'] };
  if (out.beschikking) {
    out.beschikking = { ...out.beschikking, wettelijkeGrondslag: JEUGD_GROND, eigenBijdrage: false };
    out.beschikking.voorzieningen = out.beschikking.voorzieningen.map((v) => ({ ...v, productcategorieLabel: 'Jeugdhulp ambulant', productLabel: 'Jeugdhulp ambulant' }));
  }
  return out;
}
const WMO_WORDS = /\bWmo\b|maatschappelijke ondersteuning|\bCAK\b|maatwerkvoorziening|2\.3\.5/i;

describe('each law speaks for itself (item 5)', () => {
  it('Jeugdwet ontvangstbevestiging, verslag and beschikking contain no Wmo, maatschappelijke ondersteuning or CAK', async () => {
    const ob = jeugd(ontvangstbevestiging());
    ob.termijnen = { onderzoekUiterlijk: '2026-04-27' };
    const letters = [ob, jeugd(gespreksverslag()), jeugd(beschikking('toekenning')), jeugd(beschikking('afwijzing'))];
    for (const d of letters) {
      const t = text(await renderLetter(d));
      expect(t, d.soort).not.toMatch(WMO_WORDS);
      expect(t).toContain('JW-2026-000042');
    }
    const bt = text(await renderLetter(jeugd(beschikking('toekenning'))));
    expect(bt).toContain('artikel 2.3 van de Jeugdwet');
    expect(bt).toContain('verordening jeugdhulp');
    expect(bt).toContain('individuele voorziening');
    expect(bt).toContain('Voor jeugdhulp betaalt u geen eigen bijdrage');
    const vt = text(await renderLetter(jeugd(gespreksverslag())));
    expect(vt).toContain('binnen 8 weken een besluit'); // Awb 4:13, from shared/termijnen
    expect(vt).not.toContain('binnen 2 weken');
    const ot = text(await renderLetter(ob));
    expect(ot).toContain('uiterlijk op 27 april 2026 klaar met het onderzoek');
    expect(ot).not.toContain('persoonlijk plan'); // a Wmo right (art. 2.3.2 lid 2)
  });

  it('a Wmo ground in a Jeugdwet decision is refused before printing', () => {
    const d = jeugd(beschikking('toekenning'));
    d.beschikking!.wettelijkeGrondslag = ['Wet maatschappelijke ondersteuning 2015, artikel 2.3.5'];
    expect(missingElements(d)).toContain('wettelijke grondslag uit de Jeugdwet (nu staat er een Wmo-artikel)');
  });

  it('a Participatiewet decision speaks of the Participatiewet only', async () => {
    const d: LetterDataInput = { ...sociaalDomein(beschikking('afwijzing')), wet: 'participatiewet', kenmerk: 'PW-2026-000007' };
    d.beschikking = { ...d.beschikking!, wettelijkeGrondslag: ['Participatiewet, artikel 11'], eigenBijdrage: false };
    const t = text(await renderLetter(d));
    expect(t).not.toMatch(WMO_WORDS);
    expect(t).toContain('Participatiewet');
  });
});

describe('decisions (items 10–12)', () => {
  it('an ambtshalve beëindiging stands on its own: no "uw aanvraag van", the voornemen and zienswijze named', async () => {
    const d = beschikking('beeindiging');
    d.beschikking = {
      ...d.beschikking!, aanvraagDatum: undefined,
      ambtshalve: { aanleiding: 'U woont sinds 1 mei 2026 in een verpleeghuis met zorg uit de Wet langdurige zorg', voornemenDatum: '2026-04-07' },
    };
    expect(missingElements(d)).toEqual([]);
    const t = text(await renderLetter(d));
    expect(t).not.toContain('gaat over uw aanvraag');
    expect(t).toContain('Wij nemen dit besluit zelf, zonder aanvraag');
    expect(t).toContain('Op 7 april 2026 schreven wij dat wij dit van plan waren');
    expect(t).toContain('Wij hebben geen reactie ontvangen');
    expect(t).toContain('Dan stopt ook de eigen bijdrage'); // the CAK is told (item 11)
  });

  it('a toekenning without an aanvraag is refused', () => {
    const d = beschikking('toekenning');
    d.beschikking = { ...d.beschikking!, aanvraagDatum: undefined, ambtshalve: { aanleiding: 'Zomaar' } };
    expect(missingElements(d)).toContain('een besluit zonder aanvraag kan alleen een wijziging of beëindiging zijn');
  });

  it('a gedeeltelijke toekenning says what is not granted, and why, in its own section', async () => {
    const t = text(await renderLetter(beschikking('gedeeltelijke_toekenning')));
    expect(t).toContain('Wat krijgt u niet?');
    expect(t).toContain('2 uur per week hulp bij de was');
    expect(t).toContain('Waarom niet: Uw dochter doet de was nu al');
    const without = beschikking('gedeeltelijke_toekenning');
    without.beschikking!.nietToegekend = [];
    expect(missingElements(without)).toContain('wat niet is toegekend en waarom (gedeeltelijke toekenning)');
  });

  it('a wijziging says what stops (last day) and what starts (from when), and what it replaces', async () => {
    const t = text(await renderLetter(beschikking('wijziging')));
    expect(t).toContain('Vanaf 1 juni 2026 verandert de ondersteuning van u');
    expect(t).toMatch(/Wat stopt\? Hulp bij het huishouden .*Zorg in natura.*Laatste dag 31 mei 2026/);
    expect(t).toContain('Wat krijgt u vanaf 1 juni 2026?');
    expect(t).toContain('In plaats van zorg in natura van Thuiszorg Het Anker B.V.');
  });

  it('a PGB letter names the basis of the amount and the pgb conditions of Wmo art. 2.3.6', async () => {
    const t = text(await renderLetter(beschikking('wijziging')));
    expect(t).toContain('3 uur per week × 52 weken × € 28,00 per uur = € 4.368,00 per jaar');
    expect(t).toContain('€ 28,00 per uur voor een professionele zorgverlener (formele hulp)');
    expect(t).toContain('artikel 12 van de Verordening maatschappelijke ondersteuning Voorbeeldstad 2026');
    expect(t).toContain('artikel 2.3.6, tweede lid, van de Wmo 2015');
    expect(t).toContain('De SVB betaalt de zorgverlener');
    const noBasis = beschikking('wijziging');
    delete noBasis.beschikking!.voorzieningen[0]!.pgb;
    expect(missingElements(noBasis)).toContain('berekening en tarief van het pgb voor Hulp bij het huishouden');
  });
});

describe('the missing letters and the verslag (items 10, 13)', () => {
  it('voornemen (Awb 4:8) with the zienswijze term as a date', async () => {
    const d: LetterDataInput = {
      ...baseLetter('voornemen'),
      voornemen: {
        soort: 'beeindiging', wat: 'Wij willen uw hulp bij het huishouden stoppen.', perDatum: '2026-06-01',
        reden: 'U woont sinds 1 mei 2026 in een verpleeghuis.', zienswijzeUiterlijk: '2026-05-12', vorigeBeschikkingKenmerk: 'BES-2025-000987',
      },
    };
    const t = text(await renderLetter(d));
    expect(t).toContain('Wij zijn van plan de ondersteuning te stoppen');
    expect(t).toContain('Dit is nog geen besluit');
    expect(t).toContain('tot en met 12 mei 2026');
    expect(t).toContain('artikel 4:8 van de Algemene wet bestuursrecht');
    expect(t).toContain('BES-2025-000987');
  });

  it('verdaging (Awb 4:14) names the old and the new last day and the reason', async () => {
    const d: LetterDataInput = {
      ...baseLetter('verdaging'),
      verdaging: { aanvraagDatum: '2026-04-13', oorspronkelijkUiterlijk: '2026-04-28', nieuwUiterlijk: '2026-05-12', reden: 'Wij wachten op advies van de ergotherapeut.' },
    };
    const t = text(await renderLetter(d));
    expect(t).toContain('uiterlijk op 28 april 2026');
    expect(t).toContain('uiterlijk op 12 mei 2026');
    expect(t).toContain('artikel 4:14');
    expect(t).toContain('ergotherapeut');
    d.verdaging!.nieuwUiterlijk = '2026-04-20';
    expect(missingElements(d)).toContain('een nieuwe termijn die na de oude termijn ligt');
  });

  it('request to complete the aanvraag (Awb 4:5) with its hersteltermijn and the clock standing still', async () => {
    const d: LetterDataInput = {
      ...baseLetter('aanvulverzoek'),
      aanvulverzoek: { aanvraagDatum: '2026-04-13', ontbreekt: ['een verklaring van uw huisarts over uw heup'], hersteltermijnEinde: '2026-05-04' },
    };
    const t = text(await renderLetter(d));
    expect(t).toContain('een verklaring van uw huisarts over uw heup');
    expect(t).toContain('uiterlijk op 4 mei 2026');
    expect(t).toContain('staat de termijn voor ons besluit stil');
    expect(t).toContain('artikel 4:5');
  });

  it('the verslag carries benodigde ondersteuning, the persoonlijk plan and opmerkingen; signing is no condition', async () => {
    const d = gespreksverslag();
    d.verslag = {
      ...d.verslag!, benodigdeOndersteuning: 'Hulp bij het zware schoonmaakwerk, ongeveer 3 uur per week.',
      persoonlijkPlan: { ontvangenOp: '2026-03-06', gebruik: 'Wij hebben uw plan gebruikt bij het gesprek.' },
      opmerkingen: 'Mevrouw wil liever hulp op dinsdag.',
    };
    const t = text(await renderLetter(d));
    expect(t).toContain('Welke hulp is nodig? Hulp bij het zware schoonmaakwerk');
    expect(t).toContain('op 6 maart 2026 een persoonlijk plan ontvangen');
    expect(t).toContain('Wij hebben uw plan gebruikt bij het gesprek');
    expect(t).toContain('Opmerkingen Mevrouw wil liever hulp op dinsdag');
    expect(t).toContain('U hoeft het verslag niet te ondertekenen om een aanvraag te doen');
    expect(t).not.toContain('Dan zien wij het ondertekende verslag als uw aanvraag');
  });

  it('the ontvangstbevestiging prints the actual dates', async () => {
    const t = text(await renderLetter(ontvangstbevestiging()));
    expect(t).toContain('tot en met 9 maart 2026 een persoonlijk plan');
    expect(t).toContain('uiterlijk op 13 april 2026 klaar met het onderzoek');
    const none = ontvangstbevestiging();
    none.termijnen = {};
    expect(missingElements(none)).toEqual(['uiterste datum van het onderzoek', 'uiterste datum voor het persoonlijk plan']);
  });
});

describe('B1 (Flesch–Douma lint) and PDF/A', () => {
  it('new and changed letters stay readable and PDF/A-1b', async () => {
    const letters: [string, LetterDataInput][] = [
      ['beschikking wijziging', beschikking('wijziging')],
      ['curator', curator(beschikking('toekenning'))],
      ['jeugd', jeugd(beschikking('toekenning'))],
    ];
    for (const [name, d] of letters) {
      const pdf = await renderLetter(d);
      const t = text(pdf);
      const score = fleschDouma(body(t, 'Besluit'));
      expect(score, `${name}: ${score.toFixed(1)}`).toBeGreaterThanOrEqual(60);
      const raw = pdf.toString('latin1');
      expect(raw).toContain('<pdfaid:part>1</pdfaid:part>');
      expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    }
  });
});

describe('screenshots for a person to look at (test/output/, gitignored)', () => {
  it('a curator letter and a bewindvoerder letter as PNG', async () => {
    const out = join(__dirname, '..', 'output', 'issue14');
    mkdirSync(out, { recursive: true });
    const bewind = beschikking('toekenning');
    bewind.client = { ...bewind.client, naam: 'de heer H. Jansen', geslacht: '1' };
    bewind.geadresseerde = { naam: 'de heer H. Jansen', adresregels: ['Kerkstraat 12', '1234 AB  VOORBEELDSTAD'], aanhef: 'Beste heer Jansen' };
    bewind.kopieAan = ['mr. B. de Wit, Bewindvoering Noord (beschermingsbewindvoerder)'];
    for (const [name, d] of [['curator-brief', curator(beschikking('toekenning'))], ['bewindvoerder-kopie-brief', bewind]] as const) {
      const file = join(out, `${name}.pdf`);
      writeFileSync(file, await renderLetter(d));
      execFileSync('pdftoppm', ['-png', '-r', '80', file, join(out, name)]);
    }
    const pngs = readdirSync(out).filter((f) => f.endsWith('.png'));
    expect(pngs.some((f) => f.startsWith('curator-brief'))).toBe(true);
    expect(pngs.some((f) => f.startsWith('bewindvoerder-kopie-brief'))).toBe(true);
  });
});

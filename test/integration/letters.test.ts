// Letters: real PDFs read back with poppler (pdftotext, pdffonts, pdfinfo) and qpdf. No mocks.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printBatch } from '../../main/letters/batch';
import { resolveFontsDir } from '../../main/letters/fonts';
import { sha256Hex } from '../../main/letters/hash';
import { countPages, parsePdf } from '../../main/letters/pdf-merge';
import { LetterDataInvalidError, renderLetter } from '../../main/letters/render';
import { setFastStyleLookup } from '../../main/letters/style-lookup';
import { LetterIncompleteError, type LetterDataInput as LetterData } from '../../main/letters/types';
import { missingElements } from '../../main/letters/validate';
import {
  BESCHIKKING_SOORTEN,
  beschikking,
  gespreksverslag,
  manyLetters,
  ontvangstbevestiging,
} from '../fixtures/letter-data';

const dir = mkdtempSync(join(tmpdir(), 'letters-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function save(pdf: Buffer): string {
  const f = join(dir, `l${n++}.pdf`);
  writeFileSync(f, pdf);
  return f;
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** pdftotext -layout, whitespace collapsed (sentences wrap over lines). */
function text(pdf: Buffer): string {
  return run('pdftotext', ['-layout', save(pdf), '-']).replace(/\s+/g, ' ');
}
function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
}
function expectAllFontsEmbedded(pdf: Buffer) {
  const rows = run('pdffonts', [save(pdf)]).trim().split('\n').slice(2);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    // columns: name type encoding emb sub uni object ID — "emb" is the 4th from the right
    const cols = row.trim().split(/\s+/);
    expect(cols[cols.length - 5], row).toBe('yes');
  }
}
/** SHA-256 of every embedded font program (FontFile2 stream object) in a PDF we wrote. */
function fontPrograms(pdf: Buffer): string[] {
  const { objects } = parsePdf(pdf);
  const files = new Set<number>();
  for (const o of objects.values()) {
    const ref = /\/FontFile2\s+(\d+)\s+0\s+R/.exec(o.head);
    if (ref) files.add(Number(ref[1]));
  }
  return [...files].map((f) => sha256Hex(objects.get(f)!.stream!)).sort();
}
function expectCommon(t: string, d: LetterData) {
  expect(t).toContain(d.geadresseerde.naam);
  for (const r of d.geadresseerde.adresregels) expect(t).toContain(r.replace(/\s+/g, ' '));
  expect(t).toContain('Gemeente Voorbeeldstad');
  expect(t).toContain('28 april 2026'); // dagtekening, Dutch format
  expect(t).toContain(d.kenmerk);
  expect(t).toMatch(/pagina 1 van \d/);
  expect(t).toContain(d.gemeente.ondertekenaar.naam);
  expect(t).toContain(d.gemeente.mandaat);
  expect(t).not.toContain('999993847'); // BSN hidden unless toonBsn
}

const DECISION: Record<string, string> = {
  toekenning: 'Wij hebben uw aanvraag toegekend',
  gedeeltelijke_toekenning: 'Wij hebben uw aanvraag gedeeltelijk toegekend',
  afwijzing: 'Wij hebben besloten uw aanvraag af te wijzen',
  wijziging: 'te wijzigen',
  beeindiging: 'Wij hebben besloten uw ondersteuning te beëindigen',
  buiten_behandeling: 'Wij nemen uw aanvraag niet in behandeling',
};

describe('letter templates (read back with pdftotext/pdffonts)', () => {
  it.each(BESCHIKKING_SOORTEN)('beschikking %s', async (soort) => {
    const d = beschikking(soort);
    const pdf = await renderLetter(d);
    const t = text(pdf);
    expectCommon(t, d);
    expect(t).toContain(DECISION[soort]);
    expect(t.toLowerCase()).toContain('hulp bij het huishouden');
    expect(t).toContain('13 april 2026'); // aanvraag
    expect(t).toContain('2 maart 2026'); // melding
    // bezwaar: term, orgaan, address, contents of the bezwaarschrift, voorlopige voorziening
    expect(t).toContain('binnen 6 weken na de datum van deze brief');
    expect(t).toContain('9 juni 2026');
    expect(t).toContain('college van burgemeester en wethouders van Voorbeeldstad');
    expect(t).toContain('Postbus 1234');
    expect(t).toContain('1230 AA Voorbeeldstad');
    expect(t).toContain('voorlopige voorziening');
    expect(t).toContain('Bel ons dan eerst');
    expect(t).toContain('cliëntondersteuner');
    if (soort !== 'buiten_behandeling') expect(t).toContain('Wet maatschappelijke ondersteuning 2015');
    if (soort === 'toekenning' || soort === 'gedeeltelijke_toekenning') {
      expect(t).toContain('3 uur per week');
      expect(t).toContain('Thuiszorg Het Anker B.V.');
      expect(t).toContain('1 mei 2026');
      expect(t).toContain('30 april 2027');
      expect(t).toContain('Zorg in natura');
      expect(t).toContain('Het CAK bepaalt hoe hoog die is');
      expect(t).toContain('Geef dit dan zo snel mogelijk aan ons door');
      expect(t).toContain('artikel 2.3.5');
    }
    if (soort === 'wijziging') {
      expect(t).toContain('€ 4.368,00 per jaar');
      expect(t).toContain('Sociale Verzekeringsbank (SVB)');
      expect(t).toContain('trekkingsrecht');
      expect(t).toContain('WMO-2025-000987');
      expect(t).toContain('3 november 2025');
      expect(t).toContain('1 juni 2026');
      expect(t).toContain('3 uur per week');
    }
    if (soort === 'beeindiging') {
      expect(t).toContain('stopt op 31 mei 2026');
      expect(t).toContain('3 uur per week');
      expect(t).toContain('Dan stopt ook de eigen bijdrage');
    }
    if (soort === 'afwijzing') expect(t).toContain('U krijgt geen hulp bij het huishouden');
    if (soort === 'buiten_behandeling') expect(t).toContain('artikel 4:5');
    expectAllFontsEmbedded(pdf);
  });

  it('ontvangstbevestiging', async () => {
    const d = ontvangstbevestiging();
    const pdf = await renderLetter(d);
    const t = text(pdf);
    expectCommon(t, d);
    expect(t).toContain('Wij hebben uw melding ontvangen');
    expect(t).toContain('2 maart 2026');
    // The real last days, not "binnen 6 weken" / "binnen 7 dagen" (issue 14, item 13).
    expect(t).toContain('uiterlijk op 13 april 2026 klaar met het onderzoek');
    expect(t).toContain('tot en met 9 maart 2026 een persoonlijk plan');
    expect(t).not.toContain('binnen 6 weken');
    expect(t).not.toContain('binnen 7 dagen');
    expect(t).toContain('persoonlijk plan');
    expect(t).toContain('cliëntondersteuner');
    expect(t).toContain('heupoperatie');
    expectAllFontsEmbedded(pdf);
  });

  it('gespreksverslag', async () => {
    const d = gespreksverslag();
    const pdf = await renderLetter(d);
    const t = text(pdf);
    expectCommon(t, d);
    expect(t).toContain('16 maart 2026');
    for (const topic of ['Wat u nodig hebt', 'Wat u zelf kunt', 'Hulp van mensen om u heen', 'Steun voor uw mantelzorger', 'Algemene voorzieningen', 'Conclusie']) {
      expect(t).toContain(topic);
    }
    expect(t).toContain('ongeveer 3 uur per week');
    expect(t).toContain('Handtekening');
    expectAllFontsEmbedded(pdf);
  });

  it('prints the BSN only when the flag says so', async () => {
    const d = beschikking();
    d.client.toonBsn = true;
    expect(text(await renderLetter(d))).toContain('999993847');
  });

  it('is PDF/A: XMP with pdfaid, sRGB output intent, dates fixed to the dagtekening', async () => {
    const pdf = await renderLetter(beschikking());
    const raw = pdf.toString('latin1');
    expect(raw).toContain('<pdfaid:part>1</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raw).toContain('/S /GTS_PDFA1');
    expect(raw).toContain('(D:20260428000000Z)');
    expect(raw).toContain('<xmp:ModifyDate>2026-04-28T00:00:00Z</xmp:ModifyDate>');
    expect(run('qpdf', ['--check', save(pdf)])).toContain('No syntax or stream encoding errors');
    const info = run('pdfinfo', [join(dir, `l${n - 1}.pdf`)]);
    expect(info).toMatch(/PDF version:\s+1\.4/);
    expect(info).not.toContain('999993847');
  });
});

describe('determinism', () => {
  it('same data → byte-identical PDF; one changed field → different PDF', async () => {
    const a = await renderLetter(beschikking());
    await renderLetter(gespreksverslag()); // other letters in between share the font caches
    const b = await renderLetter(beschikking());
    expect(sha256Hex(b)).toBe(sha256Hex(a));
    const changed = beschikking();
    changed.beschikking!.voorzieningen[0]!.omvang!.volume = 4;
    expect(sha256Hex(await renderLetter(changed))).not.toBe(sha256Hex(a));
    const otherDate = beschikking();
    otherDate.datum = '2026-04-29';
    expect(sha256Hex(await renderLetter(otherDate))).not.toBe(sha256Hex(a));
  });

  it('the same bytes after the shared layout cache is renewed (every 500 letters, to bound memory)', async () => {
    const d = beschikking('gedeeltelijke_toekenning');
    const before = sha256Hex(await renderLetter(d));
    for (const it of manyLetters(510)) await renderLetter(it.data);
    expect(sha256Hex(await renderLetter(d))).toBe(before);
  });

  it("our style lookup renders exactly the bytes of pdfmake's own", async () => {
    const letters = [...BESCHIKKING_SOORTEN.map((s) => beschikking(s)), ontvangstbevestiging(), gespreksverslag()];
    const fast = await Promise.all(letters.map((d) => renderLetter(d).then(sha256Hex)));
    setFastStyleLookup(false);
    try {
      const own = await Promise.all(letters.map((d) => renderLetter(d).then(sha256Hex)));
      expect(fast).toEqual(own);
    } finally {
      setFastStyleLookup(true);
    }
  });

  it('a fresh worker (fresh font caches) renders the same bytes as this process', async () => {
    const d = beschikking('wijziging');
    const here = await renderLetter(d);
    const r = await printBatch([{ id: 'x', data: d }], { mode: 'separate', workers: 1 });
    expect(r.failures).toEqual([]);
    expect(sha256Hex(r.files![0]!.pdf)).toBe(sha256Hex(here));
  });
});

describe('validation', () => {
  it('the fixtures are complete', () => {
    for (const s of BESCHIKKING_SOORTEN) expect(missingElements(beschikking(s)), s).toEqual([]);
    expect(missingElements(ontvangstbevestiging())).toEqual([]);
    expect(missingElements(gespreksverslag())).toEqual([]);
  });

  it('refuses to render and names what is missing', async () => {
    const d = beschikking();
    d.beschikking!.motivering = ' ';
    d.beschikking!.voorzieningen[0]!.omvang = undefined;
    d.gemeente.bezwaarAdres.postbusOfStraat = '';
    d.gemeente.ondertekenaar.naam = '';
    const err = await renderLetter(d).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LetterIncompleteError);
    const missing = (err as LetterIncompleteError).missing;
    expect(missing).toContain('motivering');
    expect(missing).toContain('omvang of budget van Hulp bij het huishouden');
    expect(missing).toContain('bezwaaradres van de gemeente');
    expect(missing).toContain('ondertekenaar (naam)');
    expect((err as Error).message).toContain('motivering');
  });

  it('PGB without amount, ZIN without aanbieder, verslag without topic, wijziging without previous kenmerk', () => {
    const pgb = beschikking('wijziging');
    pgb.beschikking!.voorzieningen[0]!.budgetCents = undefined;
    pgb.beschikking!.vorigeBeschikkingKenmerk = undefined;
    expect(missingElements(pgb)).toEqual(
      expect.arrayContaining(['omvang of budget van Hulp bij het huishouden (pgb-bedrag)', 'kenmerk van het vorige besluit']),
    );
    const zin = beschikking();
    zin.beschikking!.voorzieningen[0]!.aanbieder = undefined;
    expect(missingElements(zin)).toContain('aanbieder van Hulp bij het huishouden');
    const v = gespreksverslag();
    v.verslag!.netwerk = '';
    expect(missingElements(v)).toEqual(['mantelzorg en sociaal netwerk (c)']);
  });

  it('rejects data of the wrong shape with a clear error', async () => {
    await expect(renderLetter({ soort: 'beschikking' } as unknown as LetterData)).rejects.toBeInstanceOf(LetterDataInvalidError);
  });
});

describe('fonts', () => {
  it('ships the TrueType fonts and their licence, found from source', () => {
    const d = resolveFontsDir();
    for (const f of ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf', 'OFL.txt']) {
      expect(existsSync(join(d, f)), f).toBe(true);
    }
    expect(readFileSync(join(d, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it('letters within the base character set embed the very same font programs', async () => {
    const a = fontPrograms(await renderLetter(beschikking('toekenning')));
    const other = beschikking('afwijzing');
    other.geadresseerde.naam = 'De heer Ç. Yılmaz-Ünal';
    other.client.naam = 'Çetin Yılmaz-Ünal';
    const b = fontPrograms(await renderLetter(other));
    expect(a.length).toBeGreaterThanOrEqual(2); // regular and medium
    expect(b).toEqual(a);
  });

  it('a character outside the base still prints, and the letter stays deterministic', async () => {
    const d = beschikking();
    d.geadresseerde.naam = 'De heer Ł. Wałęsa-Dvořák';
    const first = await renderLetter(d);
    await renderLetter(gespreksverslag());
    const again = await renderLetter(d);
    expect(sha256Hex(again)).toBe(sha256Hex(first));
    expect(text(first)).toContain('Ł. Wałęsa-Dvořák');
    expect(fontPrograms(first)).not.toEqual(fontPrograms(await renderLetter(beschikking())));
    expectAllFontsEmbedded(first);
  });
});

describe('printBatch', () => {
  it('200 letters combined: ordered progress, page count = sum of the single letters', async () => {
    const items = manyLetters(200);
    const events: { done: number; id: string; ok: boolean }[] = [];
    const r = await printBatch(items, { mode: 'combined', workers: 2, onProgress: (e) => events.push(e) });
    expect(r.failures).toEqual([]);
    expect(events.map((e) => e.done)).toEqual(items.map((_, i) => i + 1));
    expect(events.map((e) => e.id)).toEqual(items.map((it) => it.id));
    let sum = 0;
    for (const it of items) sum += countPages(await renderLetter(it.data));
    // cross-check our page counter against poppler on a few singles
    for (const it of items.slice(0, 8)) {
      const pdf = await renderLetter(it.data);
      expect(pdfPages(save(pdf))).toBe(countPages(pdf));
    }
    const file = save(r.combined!);
    expect(pdfPages(file)).toBe(sum);
    // each font program once, however many letters use it
    const programs = fontPrograms(r.combined!);
    expect(programs.length).toBe(new Set(programs).size);
    expect(programs).toEqual(fontPrograms(await renderLetter(items[0]!.data)));
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    expectAllFontsEmbedded(r.combined!);
    const t = run('pdftotext', ['-layout', file, '-']);
    expect(t).toContain('Client 001000 van Dijk');
    expect(t).toContain('Client 001199 van Dijk');
  }, 240_000); // 400 renders and poppler on 2 cores: a guard against hanging, not a performance target

  it('separate mode returns one PDF per letter in input order', async () => {
    const items = manyLetters(6);
    const r = await printBatch(items, { mode: 'separate' });
    expect(r.files!.map((f) => f.id)).toEqual(items.map((i) => i.id));
    for (const f of r.files!) expect(f.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('cancel via AbortSignal stops early', async () => {
    const items = manyLetters(400);
    const ac = new AbortController();
    let seen = 0;
    const p = printBatch(items, {
      mode: 'combined',
      signal: ac.signal,
      onProgress: (e) => {
        seen = e.done;
        if (e.done === 10) ac.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toBeGreaterThanOrEqual(10);
    expect(seen).toBeLessThan(400);
  });

  it('a broken letter is named in failures while the others print', async () => {
    const items = manyLetters(12);
    items[3]!.data.beschikking!.motivering = '';
    items[7] = { id: 'kapot', data: { soort: 'beschikking' } as unknown as LetterData };
    const events: boolean[] = [];
    const r = await printBatch(items, { mode: 'separate', onProgress: (e) => events.push(e.ok) });
    expect(r.failures.map((f) => f.id)).toEqual([items[3]!.id, 'kapot']);
    expect(r.failures[0]!.reason).toContain('motivering');
    expect(r.failures[1]!.reason).toContain('Ongeldige briefgegevens');
    expect(r.files).toHaveLength(10);
    expect(events.filter((ok) => !ok)).toHaveLength(2);
    const combined = await printBatch(items, { mode: 'combined' });
    expect(combined.failures).toHaveLength(2);
    expect(countPages(combined.combined!)).toBe(r.files!.reduce((s, f) => s + countPages(f.pdf), 0));
  });
});

const PREFLIGHT = ['preflight', 'pdfbox2', 'xmpbox', 'fontbox2', 'commons-logging', 'javax.activation', 'jaxb-api'].map(
  (j) => `/usr/share/java/${j}.jar`,
);
const hasPreflight = PREFLIGHT.every((f) => existsSync(f)) && (() => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// Optional: only where Apache PDFBox Preflight (Debian libpdfbox2-java) and Java are installed.
describe.skipIf(!hasPreflight)('PDF/A-1b (PDFBox Preflight, optional)', () => {
  it('a single letter and a combined batch are valid PDF/A-1b', async () => {
    const single = save(await renderLetter(beschikking('wijziging')));
    const r = await printBatch(manyLetters(8), { mode: 'combined' });
    const combined = save(r.combined!);
    for (const f of [single, combined]) {
      const out = execFileSync('java', ['-cp', PREFLIGHT.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', f], {
        encoding: 'utf8',
      });
      expect(out).toContain('is a valid PDF/A-1b file');
    }
  });
});

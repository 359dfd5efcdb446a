// Issue 14, item 1: a beschermingsbewindvoerder acts in money, not care. The care decision goes to
// the client; where the client wants it, the bewindvoerder gets a copy: its own letter in the same
// print batch, addressed in the window to the office "t.a.v." the bewindvoerder, marked AFSCHRIFT,
// the client in "Over". Real router and encrypted database; the batch read back with pdftotext
// and drawn with pdftoppm for a person to look at (test/output/issue14/, gitignored).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, ok, vastgesteldeToekenning } from '../support/cases';

const dir = mkdtempSync(join(tmpdir(), 'afschrift-'));
const OUT = join(__dirname, '..', 'output', 'issue14');
const mm = (v: number) => String(Math.round((v * 72) / 25.4));
const pdftotext = (file: string, args: string[] = []) => execFileSync('pdftotext', [...args, '-layout', file, '-'], { encoding: 'utf8' });
/** The envelope window (22–112 mm × 50–95 mm) of one page. */
const venster = (file: string, page: number) => pdftotext(file, ['-f', String(page), '-l', String(page), '-x', mm(22), '-y', mm(50), '-W', mm(90), '-H', mm(45)]);

let desk: Desk;
beforeAll(async () => { desk = await Desk.open(); }, 120_000);
afterAll(async () => {
  await desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

const BEWINDVOERDER = { soort: 'bewindvoerder' as const, naam: 'mr. B. de Wit', organisatie: 'Bewindvoering Noord', geslacht: '1' as const, adresregels: ['Postbus 9', '1230 AC  VOORBEELDSTAD'] };

async function metBewindvoerder(bsn: string, geslachtsnaam: string, ontvangtPost: boolean) {
  const ids = await vastgesteldeToekenning(desk, { bsn, voornamen: 'Johanna', geslachtsnaam });
  const anna = await desk.as('anna', '2026-04-20');
  const { id: _id, naam: _n, householdId: _h, createdAt: _c, updatedAt: _u, vertegenwoordigers: _v, ...velden } = await ok(anna, 'client.get', { id: ids.clientId });
  await ok(anna, 'client.update', { ...velden, id: ids.clientId, vertegenwoordigers: [{ ...BEWINDVOERDER, ontvangtPost }] });
  return ids;
}

describe('a copy for the beschermingsbewindvoerder (afschrift)', () => {
  it('is a separate letter in the batch, after the original: window to the office t.a.v. the bewindvoerder, AFSCHRIFT, client in "Over"; stored as sent', async () => {
    const ids = await metBewindvoerder('999990044', 'Vries', true);
    const carla = await desk.as('carla', '2026-04-21');
    const { batch, failures } = await ok(carla, 'print.generate', { beschikkingIds: [ids.beschikkingId] });
    expect(failures).toEqual([]);
    expect(batch!.brieven).toEqual([expect.objectContaining({ beschikkingId: ids.beschikkingId, afschriftAan: ['mr. B. de Wit, Bewindvoering Noord'] })]);
    const original = batch!.brieven[0]!;

    const file = join(dir, 'stapel.pdf');
    writeFileSync(file, Buffer.from((await ok(carla, 'print.batchPdf', { id: batch!.id })).pdfBase64, 'base64'));
    const pages = pdftotext(file).split('\f').filter((p) => p.trim() !== '');
    const copyStart = original.pages + 1;
    expect(pages.length).toBe(original.pages * 2); // the copy is the same letter, as long
    // Page 1: the original, to the client herself; no AFSCHRIFT on it.
    expect(venster(file, 1)).toContain('Kerkstraat 12');
    expect(venster(file, 1)).not.toContain('Bewindvoering');
    expect(pages[0]).not.toContain('AFSCHRIFT');
    // The copy: the office and t.a.v. the person in the window, never the client's address or the relationship.
    const win = venster(file, copyStart);
    expect(win).toContain('Bewindvoering Noord');
    expect(win).toContain('t.a.v. mr. B. de Wit');
    expect(win).toContain('Postbus 9');
    expect(win).not.toMatch(/Kerkstraat|Vries|bewindvoerder|inzake/i);
    const kopie = pages.slice(copyStart - 1).join(' ').replace(/\s+/g, ' ');
    expect(kopie).toContain('AFSCHRIFT');
    expect(kopie).toContain('Dit is een afschrift van onze brief aan J. Vries. U krijgt het als beschermingsbewindvoerder van J. Vries, omdat J. Vries dat wil.');
    expect(kopie).toContain('Over J. Vries');
    expect(kopie).toContain('U krijgt hulp bij het huishouden'); // the decision itself, unchanged
    expect(kopie).toContain('Een kopie van deze brief gaat naar: mr. B. de Wit, Bewindvoering Noord (beschermingsbewindvoerder).');

    // For a person to look at: the copy's first page.
    mkdirSync(OUT, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(copyStart), '-l', String(copyStart), '-singlefile', file, join(OUT, 'bewindvoerder-afschrift')]);
    expect(readdirSync(OUT)).toContain('bewindvoerder-afschrift.png');

    // Confirmed: the beschikking's letter is the original (its bytes), the copy is kept in the dossier as sent.
    const { printed } = await ok(carla, 'print.confirm', { id: batch!.id });
    expect(printed).toEqual([expect.objectContaining({ beschikkingId: ids.beschikkingId, sha256: original.sha256 })]);
    const b = await ok(carla, 'beschikking.get', { id: ids.beschikkingId });
    expect(b.letterSha256).toBe(original.sha256);
    const raw = carla.session!.db.raw;
    const kept = raw.prepare(`SELECT soort, melding_id FROM letters WHERE melding_id = ? AND soort = 'afschrift-beschikking'`).all(ids.meldingId);
    expect(kept).toHaveLength(1);
    expect((raw.prepare('SELECT count(*) AS n FROM print_batch_afschriften').get() as { n: number }).n).toBe(0); // deleted with the batch
  });

  it('without the client’s wish there is no copy', async () => {
    const ids = await metBewindvoerder('999990056', 'Smit', false);
    const carla = await desk.as('carla', '2026-04-21');
    const { batch } = await ok(carla, 'print.generate', { beschikkingIds: [ids.beschikkingId] });
    expect(batch!.brieven[0]!.afschriftAan).toEqual([]);
    const file = join(dir, 'zonder.pdf');
    writeFileSync(file, Buffer.from((await ok(carla, 'print.batchPdf', { id: batch!.id })).pdfBase64, 'base64'));
    expect(pdftotext(file)).not.toContain('AFSCHRIFT');
    await ok(carla, 'print.discard', { id: batch!.id });
  });
});

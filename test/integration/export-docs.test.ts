import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/commands';
import { runCli } from '../../main/cli/loket';
import { toCsv } from '../../main/export/audit';
import { Desk, LETTERHEAD, ok, vastgesteldeToekenning } from '../support/cases';
import { wmo315Xml } from '../support/iwmo-fixtures';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../support/vault';
import { validateXml, xsdPath } from '../support/xmllint';

/** iWmo/iJw messages, the auditor's CSV/JSON, the AVG inzage and the CLI, on real router-made cases. */

let desk: Desk;
let outDir: string;
const ids = { wmo: 0, clientWmo: 0, aanvraagWmo: 0, indicatieWmo: 0, pgbBeschikking: 0, jeugd: 0 };

/** A small RFC 4180 parser (quotes, doubled quotes, separators and line breaks inside quotes). */
function parseCsv(text: string, sep = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'ggk-'));
  desk = await Desk.open();
  const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
  const s = await ok(beheer, 'settings.get', {});
  await ok(beheer, 'settings.update', { ...LETTERHEAD, export: { ...s.export, iwmoOutDir: outDir } });

  // Wmo ZIN case for a client with Dutch characters in the name (ĳ, ë, é)
  const c = await vastgesteldeToekenning(desk, { bsn: '999993847', voornamen: 'Anaïs Renée', geslachtsnaam: 'IJsselmuiden-Noël', voorvoegsel: 'van' });
  ids.wmo = c.beschikkingId;
  ids.clientWmo = c.clientId;
  ids.aanvraagWmo = c.aanvraagId;
  ids.indicatieWmo = c.indicatieId;
  await ok(await desk.as('carla', '2026-04-21'), 'print.send', { beschikkingIds: [c.beschikkingId] });

  // the same client: a PGB beschikking (never a toewijzing)
  const anna = await desk.as('anna', '2026-04-22');
  const m = await ok(anna, 'melding.create', { clientId: c.clientId, datum: '2026-04-22', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Begeleiding, zelf inkopen.', toestemming: true, clientondersteuningAangeboden: true });
  const a = await ok(anna, 'aanvraag.create', { meldingId: m.melding.id, ontvangenOp: '2026-04-22', omschrijving: 'Begeleiding via pgb' });
  const pgb = await ok(anna, 'indicatie.create', { aanvraagId: a.id, productcategorie: '02', budgetCents: 250050, leveringsvorm: 'PGB', pgbZorgverlener: 'formeel', pgbTariefCents: 5000, ingangsdatum: '2026-05-01', einddatum: '2026-12-31', motivering: 'Cliënt wil de begeleiding zelf inkopen.' });
  const b = await ok(anna, 'beschikking.create', { aanvraagId: a.id, soort: 'toekenning', indicatieIds: [pgb.id], besluitTekst: 'U krijgt een pgb voor begeleiding.', motivering: 'Uit het onderzoek blijkt dat begeleiding nodig is; u koopt die zelf in.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.6'] });
  await ok(anna, 'beschikking.submit', { id: b.id });
  await ok(await desk.as('bram', '2026-04-22'), 'beschikking.approve', { id: b.id });
  ids.pgbBeschikking = b.id;

  // a Jeugdwet ZIN case with a specific product code
  const j = await ok(anna, 'client.create', { bsn: '999993483', voornamen: 'Emre', geslachtsnaam: 'Yılmaz', geboortedatum: '2014-05-09', geslacht: '1', straat: 'Schoolstraat', huisnummer: 3, postcode: '1234 AB', woonplaats: 'Voorbeeldstad' });
  const jm = await ok(anna, 'melding.create', { clientId: j.id, datum: '2026-03-02', kanaal: 'verwijzer', wet: 'jeugdwet', hulpvraag: 'Ambulante jeugdhulp na verwijzing huisarts.', toestemming: true, clientondersteuningAangeboden: true });
  const ja = await ok(anna, 'aanvraag.create', { meldingId: jm.melding.id, ontvangenOp: '2026-03-10', omschrijving: 'Jeugdhulp ambulant' });
  const ji = await ok(anna, 'indicatie.create', { aanvraagId: ja.id, productcategorie: '45', productcode: '45A53', omvang: { volume: 120, eenheid: '01', frequentie: '2' }, leveringsvorm: 'ZIN', aanbiederAgb: '87654321', aanbiederNaam: 'Jeugdhulp Noord', ingangsdatum: '2026-05-01', einddatum: '2026-10-31', motivering: 'Ambulante begeleiding van het gezin is nodig.' });
  const jb = await ok(anna, 'beschikking.create', { aanvraagId: ja.id, soort: 'toekenning', indicatieIds: [ji.id], besluitTekst: 'U krijgt ambulante jeugdhulp.', motivering: 'Uit het onderzoek blijkt dat ambulante jeugdhulp nodig is.', wettelijkeGrondslag: ['Jeugdwet art. 2.3'] });
  await ok(anna, 'beschikking.submit', { id: jb.id });
  await ok(await desk.as('bram', '2026-04-22'), 'beschikking.approve', { id: jb.id });
  ids.jeugd = jb.id;
});

afterAll(async () => {
  await desk.close();
});

describe('iWmo/iJw toewijzingen to the GGk folder', () => {
  it('writes one WMO301 and one JW301 (full state per client + aanbieder) that validate with xmllint; PGB gives none', async () => {
    const anna = await desk.as('anna', '2026-04-22');
    const dry = await ok(anna, 'export.run', { kind: 'iwmo', dryRun: true });
    expect(dry.planned.map((p) => p.beschikkingId).sort()).toEqual([ids.wmo, ids.jeugd].sort());
    expect(readdirSync(outDir)).toEqual([]);

    const run = await ok(anna, 'export.run', { kind: 'iwmo' });
    expect(run.klaar).toBe(2);
    const files = readdirSync(outDir).sort();
    expect(files).toEqual(['JW301_9999_87654321_TW0000000002.xml', 'WMO301_9999_12345678_TW0000000001.xml']);
    const wmo = readFileSync(path.join(outDir, files[1]!), 'utf8');
    const jw = readFileSync(path.join(outDir, files[0]!), 'utf8');
    expect(validateXml(wmo, xsdPath('iwmo-3.2', 'WMO301.xsd'))).toEqual({ ok: true, errors: [] });
    expect(validateXml(jw, xsdPath('ijw-3.2', 'JW301.xsd'))).toEqual({ ok: true, errors: [] });
    expect(wmo).toContain('<iwmo:Identificatie>TW0000000001</');
    expect(wmo).toContain('IJsselmuiden-Noël');
    expect(wmo).toContain('<wmo301:ToewijzingNummer>1</');
    expect(wmo).toContain('Omvang volgens beschikking: 3 uur per week');
    expect(wmo).not.toContain('<iwmo:Budget'); // the PGB is not in it
    expect(jw).toContain('<ijw:Code>45A53</ijw:Code>');
    expect(jw).toContain('<ijw:Volume>120</ijw:Volume>');
    // no job at all for the PGB beschikking
    const st = await ok(anna, 'export.status', { kind: 'iwmo' });
    expect(st.jobs.map((j) => j.subjectId).sort()).toEqual([ids.wmo, ids.jeugd].sort());
    expect(st.jobs.some((j) => j.subjectId === ids.pgbBeschikking)).toBe(false);
    // logged as an export with the client
    const log = anna.session!.db.raw.prepare(`SELECT client_id FROM access_log WHERE action = 'exporteren' AND object_type = 'iwmo-toewijzing'`).all() as { client_id: number }[];
    expect(log.map((l) => l.client_id)).toContain(ids.clientWmo);
    // a second run writes nothing new
    await ok(anna, 'export.run', { kind: 'iwmo' });
    expect(readdirSync(outDir)).toHaveLength(2);
  });

  it('reads a WMO315 into a melding with the clock started; the client is created from the message; no double import', async () => {
    const xml = wmo315Xml();
    expect(validateXml(xml, xsdPath('iwmo-3.2', 'WMO315.xsd')).ok).toBe(true);
    const anna = await desk.as('anna', '2026-04-23');
    const r = await ok(anna, 'iwmo.importVerzoek', { xml });
    expect(r).toMatchObject({ bericht: 'WMO315', clientAangemaakt: true, producten: 1 });
    // Wmo: onderzoek within 6 weeks of the melding (Thursday 23 April → 4 June)
    expect(r.onderzoekUiterlijk).toBe('2026-06-04');
    const detail = await ok(anna, 'melding.get', { id: r.meldingId! });
    expect(detail.melding).toMatchObject({ kanaal: 'verwijzer', wet: 'wmo', datum: '2026-04-23' });
    expect(detail.melding.hulpvraag).toMatch(/Begeleiding.*02A01.*4 uur per week.*Huisartsenpraktijk Centrum/s);
    expect(detail.termijnen[0]).toMatchObject({ soort: 'onderzoek', uiterlijk: '2026-06-04' });
    const client = await ok(anna, 'client.get', { id: r.clientId! });
    expect(client).toMatchObject({ bsn: '999990482', geslachtsnaam: 'Berg', voorvoegsel: 'van den', geboortedatum: '1948-07-00' });
    const again = await anna.call('iwmo.importVerzoek', { xml });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/al ingelezen.*TR056/);
  });
});

describe('auditor export', () => {
  it('CSV as Dutch Excel opens it (BOM, ;, CRLF, quoted), Dutch characters intact, no BSN unless asked with a reason', async () => {
    const dirk = await desk.as('dirk', '2026-04-23');
    const res = await ok(dirk, 'export.audit', { periode: { van: '2026-01-01', tot: '2026-12-31' } });
    expect(res.toegangslog.ok).toBe(true);
    const [bCsv, iCsv, tCsv, json] = res.bestanden;
    expect(bCsv!.naam).toBe('audit-2026-01-01-2026-12-31-beschikkingen.csv');
    for (const f of [bCsv!, iCsv!, tCsv!]) {
      expect(f.inhoud.charCodeAt(0)).toBe(0xfeff);
      expect(f.inhoud.endsWith('\r\n')).toBe(true);
      expect(f.inhoud.replace(/\r\n/g, '')).not.toMatch(/\n/); // no bare LF outside quoted fields here
    }
    const b = parseCsv(bCsv!.inhoud.slice(1));
    expect(b[0]).toEqual(['beschikking_id', 'kenmerk', 'client_id', 'wet', 'soort', 'status', 'aangemaakt_op', 'ter_accordering_op', 'vastgesteld_op', 'verzonden_op', 'auteur', 'accordeur', 'vervangt_kenmerk', 'aantal_indicaties']);
    expect(b.slice(1)).toHaveLength(3);
    const first = Object.fromEntries(b[0]!.map((k, i) => [k, b[1]![i]]));
    expect(first).toMatchObject({ kenmerk: 'BES-2026-000001', status: 'verzonden', vastgesteld_op: '2026-04-20', verzonden_op: '2026-04-21', auteur: 'anna', accordeur: 'bram' });
    const ind = parseCsv(iCsv!.inhoud.slice(1));
    const col = (name: string) => ind[0]!.indexOf(name);
    const pgbRow = ind.find((r) => r[col('leveringsvorm')] === 'PGB')!;
    expect(pgbRow[col('budget_euro')]).toBe('2500,50');
    expect(ind.find((r) => r[col('productcode')] === '45A53')![col('aanbieder_naam')]).toBe('Jeugdhulp Noord');
    const t = parseCsv(tCsv!.inhoud.slice(1));
    expect(t[0]).toContain('behaald');
    expect(t.slice(1).some((r) => r[t[0]!.indexOf('behaald')] === 'ja')).toBe(true);
    for (const f of [bCsv!, iCsv!, tCsv!, json!]) expect(f.inhoud).not.toMatch(/999993847|999993483/);
    const parsed = JSON.parse(json!.inhoud);
    expect(parsed.toegangslog.ok).toBe(true);
    expect(parsed.metBsn).toBe(false);

    // Dutch characters survive in a quoted field: the indicatie's aanbieder name with ; and quotes
    const raw = dirk.session!.db.raw;
    expect(parseCsv(toCsvRoundTrip())).toEqual([['naam', 'opmerking'], ['IJsselmuiden-Noël; ĳ é', 'zei "ja"\r\nen ging']]);

    // with BSN only with a reason; the export is logged with that reason
    const refused = await dirk.call('export.audit', { periode: { van: '2026-01-01', tot: '2026-12-31' }, metBsn: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.field).toBe('reden');
    const withBsn = await ok(dirk, 'export.audit', { periode: { van: '2026-01-01', tot: '2026-12-31' }, metBsn: true, reden: 'Steekproef rechtmatigheid 2026, koppeling met SVB-gegevens' });
    expect(parseCsv(withBsn.bestanden[0]!.inhoud.slice(1))[0]).toContain('bsn');
    const logged = raw.prepare(`SELECT actor, detail FROM access_log WHERE action = 'exporteren' AND object_type = 'auditexport' ORDER BY seq`).all() as { actor: string; detail: string }[];
    expect(logged).toHaveLength(2);
    expect(logged[1]!.detail).toMatch(/MET BSN, reden: Steekproef/);
    // a consulent may not make one
    expect((await (await desk.as('anna')).call('export.audit', { periode: { van: '2026-01-01', tot: '2026-12-31' } })).ok).toBe(false);
  });
});

function toCsvRoundTrip(): string {
  // the same writer the export uses
  const s = toCsv(['naam', 'opmerking'], [['IJsselmuiden-Noël; ĳ é', 'zei "ja"\r\nen ging']]);
  expect(s.charCodeAt(0)).toBe(0xfeff);
  expect(s).toContain('"IJsselmuiden-Noël; ĳ é";"zei ""ja""\r\nen ging"\r\n');
  return s.slice(1);
}

describe('inzage (AVG art. 15)', () => {
  it('JSON with every section and a PDF that shows the name and the access log', async () => {
    const beheer = await desk.as('beheer', '2026-04-23', ADMIN_PASSWORD);
    const verzoek = await ok(beheer, 'rechten.inzageVerzoek', { clientId: ids.clientWmo, ontvangenOp: '2026-04-22', toelichting: 'Brief van de cliënt: wil alles zien.' });
    const res = await ok(beheer, 'export.inzage', { clientId: ids.clientWmo, verzoekId: verzoek.id });
    const d = JSON.parse(res.json!);
    for (const k of ['client', 'vertegenwoordigers', 'huishouden', 'meldingen', 'verslagen', 'aanvragen', 'indicaties', 'beschikkingen', 'termijnen', 'brieven', 'toegang']) {
      expect(d).toHaveProperty(k);
    }
    expect(d.client.naam).toMatch(/IJsselmuiden-Noël/);
    expect(d.meldingen).toHaveLength(2);
    expect(d.beschikkingen).toHaveLength(2);
    expect(d.brieven.length).toBeGreaterThanOrEqual(1);
    expect(d.brieven[0].pdfBase64.length).toBeGreaterThan(1000);
    expect(d.toegang.some((e: { actie: string; object: string }) => e.actie === 'exporteren' && e.object === 'inzage')).toBe(true);

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'inzage-')), 'inzage.pdf');
    writeFileSync(file, Buffer.from(res.pdfBase64!, 'base64'));
    const txt = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(txt.status).toBe(0);
    const text = txt.stdout;
    expect(text).toContain('IJsselmuiden-Noël');
    expect(text).toContain('Wie heeft uw gegevens ingezien of gewijzigd');
    expect(text).toMatch(/anna/);
    expect(text).toMatch(/bram/);
    expect(text).toMatch(/vastgelegd: melding/);
    expect(text).toMatch(/afgedrukt/);
  });
});

describe('loket export (CLI)', () => {
  function io(user: string, password: string, dbFile: string) {
    const out: string[] = [];
    const err: string[] = [];
    const cli: CliIo = {
      out: (s) => out.push(s), err: (s) => err.push(s), env: { LOKET_USER: user, LOKET_PASSWORD: password, LOKET_DB: dbFile },
      prompt: async () => { throw new Error('no prompt in tests'); },
    };
    return { cli, out, err };
  }

  it('audit and inzage with --dry-run write nothing; without it they write the files; zgw reports what is missing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const a = io('dirk', USER_PASSWORD, desk.dbFile);
    expect(await runCli(['export', 'audit', '--van', '2026-01-01', '--tot', '2026-12-31', '--out', dir, '--dry-run'], a.cli)).toBe(0);
    expect(a.out.join('\n')).toMatch(/Proefrun .* 3 beschikkingen.*niets geschreven/);
    expect(readdirSync(dir)).toEqual([]);
    expect(await runCli(['export', 'audit', '--van', '2026-01-01', '--tot', '2026-12-31', '--out', dir], a.cli)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'audit-2026-01-01-2026-12-31-beschikkingen.csv', 'audit-2026-01-01-2026-12-31-indicaties.csv',
      'audit-2026-01-01-2026-12-31-termijnen.csv', 'audit-2026-01-01-2026-12-31.json',
    ]);
    expect(readFileSync(path.join(dir, 'audit-2026-01-01-2026-12-31-beschikkingen.csv'))[0]).toBe(0xef); // UTF-8 BOM on disk

    const b = io('beheer', ADMIN_PASSWORD, desk.dbFile);
    const verzoek = await ok(await desk.as('beheer', '2026-04-23', ADMIN_PASSWORD), 'rechten.inzageVerzoek', { clientId: ids.clientWmo, ontvangenOp: '2026-04-22', toelichting: 'Verzoek aan de balie.' });
    const inzage = ['export', 'inzage', '--client', String(ids.clientWmo), '--verzoek', String(verzoek.id), '--out', dir];
    expect(await runCli([...inzage, '--dry-run'], b.cli)).toBe(0);
    expect(readdirSync(dir)).toHaveLength(4);
    expect(await runCli(inzage, b.cli)).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('inzage-'))).toHaveLength(2);

    const c = io('carla', USER_PASSWORD, desk.dbFile);
    expect(await runCli(['export', 'zgw', '--dry-run'], c.cli)).toBe(0);
    expect(c.err.join('\n')).toMatch(/zgw: Niet ingesteld: URL Zaken API/);
    expect(await runCli(['export', 'iwmo', '--dry-run'], c.cli)).toBe(0);
    expect(c.out.join('\n')).toMatch(/Proefrun: er is niets te exporteren/);
    expect(await runCli(['export', 'status'], c.cli)).toBe(0);
    expect(c.out.join('\n')).toMatch(/iwmo\tBES-2026-000001/);
    expect(c.out.join('\n')).not.toMatch(/999993847/);

    const d = io('dirk', USER_PASSWORD, desk.dbFile);
    expect(await runCli(['export', 'iwmo'], d.cli)).toBe(1); // an auditor never starts an export
    expect(d.err.join('\n')).toMatch(/mag dit niet/);
  });
});

// Last: it adds a beschikking, which the counts above do not expect.
describe('iWmo after a beëindiging', () => {
  it('a beëindiging sends the toewijzing again, ended on the per-datum with RedenWijziging 05', async () => {
    const anna = await desk.as('anna', '2026-08-03');
    const stop = await ok(anna, 'beschikking.create', {
      aanvraagId: ids.aanvraagWmo, soort: 'beeindiging', vervangtId: ids.wmo, indicatieIds: [ids.indicatieWmo], perDatum: '2026-09-30',
      besluitTekst: 'Uw hulp bij het huishouden stopt.', motivering: 'U bent hersteld en kunt het huishouden weer zelf doen.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.10'],
    });
    await ok(anna, 'beschikking.submit', { id: stop.id });
    await ok(await desk.as('bram', '2026-08-04'), 'beschikking.approve', { id: stop.id });
    const before = new Set(readdirSync(outDir));
    const run = await ok(await desk.as('anna', '2026-08-04'), 'export.run', { kind: 'iwmo' });
    expect(run.klaar).toBe(1);
    const added = readdirSync(outDir).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^WMO301_9999_12345678_/);
    const xml = readFileSync(path.join(outDir, added[0]!), 'utf8');
    expect(validateXml(xml, xsdPath('iwmo-3.2', 'WMO301.xsd'))).toEqual({ ok: true, errors: [] });
    expect(xml).toContain('<wmo301:ToewijzingNummer>1</');
    expect(xml).toMatch(/<wmo301:Einddatum>2026-09-30<\//);
    expect(xml).toMatch(/<wmo301:RedenWijziging>05<\//);
    expect(xml).toMatch(/<wmo301:Toewijzingsdatum>2026-08-04<\//);
  });
});

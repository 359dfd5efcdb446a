/**
 * Inzage (AVG art. 15): everything the desk holds about one client, and who looked at it when.
 * One JSON (complete, machine-readable, letters included as PDF bytes) and one PDF for the
 * citizen (readable Dutch headings; the letters are listed with their fingerprint, the JSON holds
 * their bytes). The PDF uses the letters' embedded Roboto fonts (main/letters/fonts).
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDutchDate } from '../../shared/dates';
import { LoketError } from '../../shared/errors';
import type { StoredLogEntry } from '../auditlog';
import type { RawDb } from '../db/database';
import { ensureFontFamily, getPdfMake } from '../letters/fonts';
import { FONT_FAMILY } from '../letters/layout';
import { adresRegels, clientNaam } from '../services/clients';
import { meldingKenmerk } from '../services/zaakRecords';
import type { ClientRow } from '../db/entities';

type Row = Record<string, unknown>;

export interface InzageData {
  gemaaktOp: string;
  gemeente: string;
  client: Row & { naam: string };
  vertegenwoordigers: Row[];
  huishouden: { id: number; naam: string; leden: { id: number; naam: string }[]; doelen: unknown; afspraken: unknown } | null;
  meldingen: Row[];
  verslagen: Row[];
  aanvragen: Row[];
  indicaties: Row[];
  beschikkingen: Row[];
  termijnen: Row[];
  brieven: (Row & { pdfBase64: string })[];
  toegang: { seq: number; ts: string; actor: string; naam: string | null; rol: string | null; actie: string; object: string; objectId: string | null; resultaat: string; oorsprong: string }[];
}

const camel = (r: Row): Row => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
const jsonCols = (r: Row, cols: string[]): Row => {
  const out = { ...r };
  for (const c of cols) if (typeof out[c] === 'string') out[c] = JSON.parse(out[c] as string);
  return out;
};
const bools = (r: Row, cols: string[]): Row => {
  const out = { ...r };
  for (const c of cols) if (typeof out[c] === 'number') out[c] = out[c] === 1;
  return out;
};

export function collectInzage(raw: RawDb, clientId: number, meta: { gemaaktOp: string; gemeente: string }): InzageData {
  const c = raw.prepare('SELECT * FROM clients WHERE id = ?').get(clientId) as Row | undefined;
  if (!c) throw new LoketError('niet_gevonden', `Cliënt ${clientId} bestaat niet (meer).`);
  const client = bools(camel(c), ['geheimhouding', 'overleden', 'nietIngezetene']);
  delete client.zoeknaam;
  const naam = clientNaam(client as unknown as ClientRow);
  const reps = (raw.prepare('SELECT * FROM representatives WHERE client_id = ? ORDER BY id').all(clientId) as Row[])
    .map((r) => bools(jsonCols(camel(r), ['adresregels', 'handeltIn']), ['ontvangtPost']));
  let huishouden: InzageData['huishouden'] = null;
  if (client.householdId) {
    const h = raw.prepare('SELECT * FROM households WHERE id = ?').get(client.householdId) as Row | undefined;
    if (h) {
      const leden = (raw.prepare('SELECT * FROM clients WHERE household_id = ? ORDER BY id').all(h.id) as Row[])
        .map((l) => ({ id: l.id as number, naam: clientNaam(camel(l) as unknown as ClientRow) }));
      huishouden = { id: h.id as number, naam: h.naam as string, leden, doelen: JSON.parse(h.plan_doelen as string), afspraken: JSON.parse(h.plan_afspraken as string) };
    }
  }
  const meldingen = (raw.prepare('SELECT * FROM meldingen WHERE client_id = ? ORDER BY datum, id').all(clientId) as Row[])
    .map((m): Row => ({ kenmerk: meldingKenmerk({ id: m.id as number, datum: m.datum as string, wet: m.wet as string }), ...bools(camel(m), ['toestemming', 'clientondersteuningAangeboden']) }));
  const mIds = meldingen.map((m) => m.id as number);
  const inM = mIds.length ? `(${mIds.join(',')})` : '(NULL)';
  const verslagen = (raw.prepare(`SELECT * FROM onderzoeken WHERE melding_id IN ${inM} ORDER BY id`).all() as Row[]).map((r) => bools(camel(r), ['pgbUitgelegd', 'bijdrageUitgelegd']));
  const aanvragen = (raw.prepare(`SELECT * FROM aanvragen WHERE melding_id IN ${inM} ORDER BY id`).all() as Row[]).map(camel);
  const aIds = aanvragen.map((a) => a.id as number);
  const inA = aIds.length ? `(${aIds.join(',')})` : '(NULL)';
  const indicaties = (raw.prepare(`SELECT * FROM indicaties WHERE aanvraag_id IN ${inA} ORDER BY id`).all() as Row[]).map(camel);
  const beschikkingen = (raw.prepare(`SELECT b.*, ua.namen AS auteur, uc.display_name AS accordeur FROM beschikkingen b
      JOIN beschikking_auteurs ua ON ua.beschikking_id = b.id LEFT JOIN users uc ON uc.id = b.accordeur_id WHERE b.aanvraag_id IN ${inA} ORDER BY b.id`).all() as Row[])
    .map((b) => {
      const r = jsonCols(camel(b), ['wettelijkeGrondslag']);
      delete r.auteurId; delete r.accordeurId;
      r.indicatieIds = (raw.prepare('SELECT indicatie_id FROM beschikking_indicaties WHERE beschikking_id = ? ORDER BY indicatie_id').all(b.id) as { indicatie_id: number }[]).map((x) => x.indicatie_id);
      return r;
    });
  const termijnen = (raw.prepare(`SELECT * FROM termijnen WHERE melding_id IN ${inM} ORDER BY id`).all() as Row[])
    .map((t) => jsonCols(camel({ ...t, behaald: t.behaald === null ? null : t.behaald === 1 }), ['verlengingen', 'opschortingen']));
  const bIds = beschikkingen.map((b) => b.id as number);
  const brieven = (raw.prepare(`SELECT id, soort, melding_id, beschikking_id, pdf, sha256, created_at FROM letters
      WHERE melding_id IN ${inM} OR beschikking_id IN ${bIds.length ? `(${bIds.join(',')})` : '(NULL)'} ORDER BY id`).all() as Row[])
    .map((l) => {
      const { pdf, ...rest } = camel(l);
      return { ...rest, pdfBase64: Buffer.from(pdf as Buffer).toString('base64') };
    });
  const users = new Map((raw.prepare('SELECT username, display_name FROM users').all() as { username: string; display_name: string }[]).map((u) => [u.username, u.display_name]));
  const toegang = (raw.prepare('SELECT * FROM access_log WHERE client_id = ? ORDER BY seq').all(clientId) as StoredLogEntry[])
    .map((e) => ({
      seq: e.seq, ts: e.ts, actor: e.actor, naam: users.get(e.actor) ?? null, rol: e.role, actie: e.action, object: e.object_type,
      objectId: e.object_id, resultaat: e.result, oorsprong: e.origin,
    }));
  return {
    ...meta, client: { ...client, naam }, vertegenwoordigers: reps, huishouden, meldingen, verslagen, aanvragen, indicaties,
    beschikkingen, termijnen, brieven, toegang,
  };
}

// ---------------------------------------------------------------- PDF

const ACTIE: Record<string, string> = {
  lezen: 'bekeken', zoeken: 'gezocht', aanmaken: 'vastgelegd', wijzigen: 'gewijzigd', verwijderen: 'verwijderd',
  afdrukken: 'afgedrukt/verzonden', exporteren: 'doorgegeven (export)', beheer: 'beheer', vernietigen: 'vernietigd',
};
const ROL: Record<string, string> = {
  consulent: 'consulent', besluitbevoegd: 'besluitbevoegde', administratie: 'administratie', auditor: 'auditor', beheerder: 'beheerder',
};

const dt = (iso: unknown) => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}/.test(iso) ? formatDutchDate(iso.slice(0, 10)) : '—');
const tx = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : String(v));
const time = (iso: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

function kv(rows: [string, string][]): Content {
  return { table: { widths: [150, '*'], body: rows.map(([k, v]) => [{ text: k, color: '#444444' }, { text: v }]) }, layout: 'noBorders', margin: [0, 0, 0, 8] } as Content;
}
function h1(t: string): Content { return { text: t, style: 'h1' } as Content; }
function none(t: string): Content { return { text: t, italics: true, color: '#444444', margin: [0, 0, 0, 8] } as Content; }

export function inzageDocument(d: InzageData): TDocumentDefinitions {
  const c = d.client;
  const body: Content[] = [
    { text: `Inzage in uw gegevens bij ${d.gemeente}`, style: 'titel' } as Content,
    { text: `Dit overzicht is gemaakt op ${time(d.gemaaktOp)} op grond van artikel 15 van de Algemene verordening gegevensbescherming (AVG). Het toont alle gegevens die het Sociaal Loket over u heeft vastgelegd, de brieven die u kreeg, en wie uw dossier wanneer heeft ingezien of gewijzigd.`, margin: [0, 0, 0, 10] } as Content,
    h1('Uw persoonsgegevens'),
    kv([
      ['Naam', c.naam], ['Voornamen', tx(c.voornamen)], ['Geboortedatum', tx(c.geboortedatum)], ['BSN', tx(c.bsn)],
      ['Adres', adresRegels(c as unknown as ClientRow).join(', ') || '—'], ['Telefoon', tx(c.telefoon)], ['E-mail', tx(c.email)],
      ['Wijk', tx(c.wijk)], ['Geheimhouding BRP', tx(c.geheimhouding)],
    ]),
    h1('Vertegenwoordigers'),
    ...(d.vertegenwoordigers.length ? d.vertegenwoordigers.map((r) => kv([['Soort', tx(r.soort)], ['Naam', tx(r.naam)], ['Adres', (r.adresregels as string[]).join(', ') || '—'], ['Handelt in', ((r.handeltIn as string[] | undefined) ?? []).join(' en ') || '—'], ['Krijgt een kopie van de brieven', tx(r.ontvangtPost)]])) : [none('Er is geen vertegenwoordiger vastgelegd.')]),
    h1('Huishouden'),
    d.huishouden ? kv([['Huishouden', d.huishouden.naam], ['Leden', d.huishouden.leden.map((l) => l.naam).join(', ')]]) : none('U bent niet aan een huishouden gekoppeld.'),
    h1('Meldingen'),
    ...(d.meldingen.length ? d.meldingen.map((m) => kv([['Kenmerk', tx(m.kenmerk)], ['Datum', dt(m.datum)], ['Wet', tx(m.wet)], ['Hoe binnengekomen', tx(m.kanaal)], ['Hulpvraag', tx(m.hulpvraag)], ['Status', tx(m.status)]])) : [none('Er zijn geen meldingen.')]),
    h1('Gespreksverslagen'),
    ...(d.verslagen.length ? d.verslagen.map((o) => kv([['Datum gesprek', dt(o.datum)], ['Aanwezig', tx(o.aanwezigen)], ['Behoeften', tx(o.behoeften)], ['Eigen kracht', tx(o.eigenKracht)], ['Netwerk', tx(o.netwerk)], ['Conclusies', tx(o.conclusies)]])) : [none('Er zijn geen gespreksverslagen.')]),
    h1('Aanvragen'),
    ...(d.aanvragen.length ? d.aanvragen.map((a) => kv([['Ontvangen op', dt(a.ontvangenOp)], ['Omschrijving', tx(a.omschrijving)]])) : [none('Er zijn geen aanvragen.')]),
    h1('Indicaties'),
    ...(d.indicaties.length ? d.indicaties.map((i) => kv([['Productcategorie', tx(i.productcategorie)], ['Omvang', i.volume !== null ? `${i.volume} (eenheid ${tx(i.eenheid)}, frequentie ${tx(i.frequentie)})` : '—'], ['Budget', i.budgetCents !== null ? `€ ${((i.budgetCents as number) / 100).toFixed(2).replace('.', ',')}` : '—'], ['Leveringsvorm', tx(i.leveringsvorm)], ['Aanbieder', tx(i.aanbiederNaam ?? i.aanbiederAgb)], ['Periode', `${dt(i.ingangsdatum)} tot ${i.einddatum ? dt(i.einddatum) : 'onbepaalde tijd'}`]])) : [none('Er zijn geen indicaties.')]),
    h1('Beschikkingen (besluiten)'),
    ...(d.beschikkingen.length ? d.beschikkingen.map((b) => kv([['Kenmerk', tx(b.kenmerk)], ['Soort', tx(b.soort)], ['Status', tx(b.status)], ['Besluit', tx(b.besluitTekst)], ['Vastgesteld op', dt(b.vastgesteldOp)], ['Verzonden op', dt(b.verzondenOp)], ['Opgesteld door', tx(b.auteur)], ['Vastgesteld door', tx(b.accordeur)]])) : [none('Er zijn geen beschikkingen.')]),
    h1('Brieven'),
    ...(d.brieven.length ? [{
      table: { headerRows: 1, widths: [90, 140, '*'], body: [[{ text: 'Datum', bold: true }, { text: 'Soort', bold: true }, { text: 'Vingerafdruk (SHA-256)', bold: true }], ...d.brieven.map((l) => [dt(l.createdAt), tx(l.soort), { text: String(l.sha256).slice(0, 32) + '…', fontSize: 8 }])] },
      layout: 'lightHorizontalLines', margin: [0, 0, 0, 8],
    } as Content] : [none('Er zijn geen brieven.')]),
    h1('Wie heeft uw gegevens ingezien of gewijzigd'),
    { text: 'Elke keer dat een medewerker uw dossier opent, zoekt, wijzigt, afdrukt of doorgeeft, wordt dat vastgelegd. Hieronder staat die lijst, de oudste eerst.', margin: [0, 0, 0, 6] } as Content,
    ...(d.toegang.length ? [{
      table: {
        headerRows: 1, widths: [85, 110, 70, '*', 55],
        body: [
          ['Wanneer', 'Wie', 'Rol', 'Wat', 'Resultaat'].map((t) => ({ text: t, bold: true })),
          ...d.toegang.map((e) => [time(e.ts), e.naam ? `${e.naam} (${e.actor})` : e.actor, (e.rol ?? '').split(',').map((r) => ROL[r] ?? r).join(', '), `${ACTIE[e.actie] ?? e.actie}: ${e.object}${e.objectId ? ` ${e.objectId}` : ''}`, e.resultaat]),
        ],
      },
      layout: 'lightHorizontalLines', fontSize: 8,
    } as Content] : [none('Niemand heeft uw dossier ingezien.')]),
  ];
  return {
    info: { title: `Inzage ${c.naam}`, author: d.gemeente, subject: 'Inzage AVG artikel 15' },
    pageSize: 'A4', pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.2 },
    styles: { titel: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] }, h1: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] }, h2: { fontSize: 11, bold: true } },
    footer: (page: number, pages: number) => ({ text: `Inzage ${c.naam} — pagina ${page} van ${pages}`, alignment: 'center', fontSize: 8, color: '#444444' }) as Content,
    content: body,
  } as TDocumentDefinitions;
}


export async function inzagePdf(d: InzageData): Promise<Buffer> {
  const pdfmake = getPdfMake();
  ensureFontFamily(pdfmake);
  return pdfmake.createPdf(inzageDocument(d)).getBuffer();
}

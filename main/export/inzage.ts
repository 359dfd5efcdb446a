/**
 * Inzage (AVG art. 15): everything the desk holds about one client, and who looked at it when.
 * One JSON (complete, machine-readable, letters included as PDF bytes) and one PDF for the
 * citizen (readable Dutch headings; the letters are listed with their fingerprint, the JSON holds
 * their bytes). The PDF uses the letters' embedded Roboto fonts (main/letters/fonts).
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDutchDate } from '../../shared/dates';
import { LoketError } from '../../shared/errors';
import { In } from 'typeorm';
import { ensureFontFamily, getPdfMake } from '../letters/fonts';
import { FONT_FAMILY } from '../letters/layout';
import { adresRegels, clientNaam } from '../services/clients';
import { meldingKenmerk } from '../services/zaakRecords';
import { aboutClients } from '../db/sqlite/shownClients';
import {
  AanvraagEntity, AccessLogEntity, BeschikkingAuteursView, BeschikkingEntity, BeschikkingIndicatieEntity, ClientEntity, HouseholdEntity,
  IndicatieEntity, LetterEntity, MeldingEntity, OnderzoekEntity, RepresentativeEntity, TermijnEntity, UserEntity, type ClientRow,
} from '../db/entities';
import type { TxContext } from '../services/context';

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

const row = (r: object): Row => ({ ...r });

/** Every entity row of the client, read in the call's transaction (the access log too: this is the inzage export). */
export async function collectInzage(tx: Pick<TxContext, 'm'>, clientId: number, meta: { gemaaktOp: string; gemeente: string }): Promise<InzageData> {
  const m = tx.m;
  const c = await m.createQueryBuilder(ClientEntity, 'c').addSelect('c.verwerkingBeperkt').where('c.id = :clientId', { clientId }).getOne();
  if (!c) throw new LoketError('niet_gevonden', `Cliënt ${clientId} bestaat niet (meer).`);
  const client = row(c);
  const naam = clientNaam(c);
  const reps = (await m.find(RepresentativeEntity, { where: { clientId }, order: { id: 'ASC' } })).map(row);
  let huishouden: InzageData['huishouden'] = null;
  if (c.householdId) {
    const h = await m.findOneBy(HouseholdEntity, { id: c.householdId });
    if (h) {
      const leden = (await m.find(ClientEntity, { where: { householdId: h.id }, order: { id: 'ASC' } })).map((l) => ({ id: l.id, naam: clientNaam(l) }));
      huishouden = { id: h.id, naam: h.naam, leden, doelen: h.planDoelen, afspraken: h.planAfspraken };
    }
  }
  const meldingRows = await m.find(MeldingEntity, { where: { clientId }, order: { datum: 'ASC', id: 'ASC' } });
  const meldingen = meldingRows.map((x): Row => ({ kenmerk: meldingKenmerk(x), ...x }));
  const mIds = meldingRows.map((x) => x.id);
  const verslagen = (await m.find(OnderzoekEntity, { where: { meldingId: In(mIds) }, order: { id: 'ASC' } })).map(row);
  const aanvraagRows = await m.find(AanvraagEntity, { where: { meldingId: In(mIds) }, order: { id: 'ASC' } });
  const aIds = aanvraagRows.map((a) => a.id);
  const indicaties = (await m.find(IndicatieEntity, { where: { aanvraagId: In(aIds) }, order: { id: 'ASC' } })).map(row);
  const beschikkingen: Row[] = [];
  for (const b of await m.find(BeschikkingEntity, { where: { aanvraagId: In(aIds) }, order: { id: 'ASC' } })) {
    const { auteurId: _a, accordeurId, ...rest } = b;
    const auteur = (await m.findOneByOrFail(BeschikkingAuteursView, { beschikkingId: b.id })).namen;
    const accordeur = accordeurId === null ? null : (await m.findOneBy(UserEntity, { id: accordeurId }))?.displayName ?? null;
    const indicatieIds = (await m.find(BeschikkingIndicatieEntity, { where: { beschikkingId: b.id }, order: { indicatieId: 'ASC' } })).map((x) => x.indicatieId);
    beschikkingen.push({ ...rest, auteur, accordeur, indicatieIds });
  }
  const termijnen = (await m.find(TermijnEntity, { where: { meldingId: In(mIds) }, order: { id: 'ASC' } })).map(row);
  const bIds = beschikkingen.map((b) => b.id as number);
  const brieven = (await m.find(LetterEntity, { where: [{ meldingId: In(mIds) }, { beschikkingId: In(bIds) }], order: { id: 'ASC' } }))
    .map(({ pdf, ...rest }) => ({ ...rest, pdfBase64: Buffer.from(pdf).toString('base64') }));
  const users = new Map((await m.find(UserEntity, { select: { id: true, username: true, displayName: true } })).map((u) => [u.username, u.displayName]));
  const toegang = (await m.createQueryBuilder(AccessLogEntity, 'l').where(aboutClients('l.seq'), { clientIds: [clientId] }).orderBy('l.seq', 'ASC').getMany())
    .map((e) => ({
      // A list that showed her among others: she was shown, not searched for.
      seq: e.seq, ts: e.ts, actor: e.actor, naam: users.get(e.actor) ?? null, rol: e.role, actie: e.clientIds === null ? e.action : 'getoond', object: e.objectType,
      objectId: e.objectId, resultaat: e.result, oorsprong: e.origin,
    }));
  return {
    ...meta, client: { ...client, naam }, vertegenwoordigers: reps, huishouden, meldingen, verslagen, aanvragen: aanvraagRows.map(row), indicaties,
    beschikkingen, termijnen, brieven, toegang,
  };
}

// ---------------------------------------------------------------- PDF

const ACTIE: Record<string, string> = {
  lezen: 'bekeken', zoeken: 'gezocht', getoond: 'getoond in een lijst', aanmaken: 'vastgelegd', wijzigen: 'gewijzigd', verwijderen: 'verwijderd',
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

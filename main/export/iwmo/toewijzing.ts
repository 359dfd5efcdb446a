import { toIstandaardDatum } from '../../../shared/dates';
/**
 * WMO301 (iWmo 3.2, BerichtCode 414) and JW301 (iJw 3.2, BerichtCode 436): Toewijzing.
 * One builder for both; the differences are in `STANDAARDEN` (standaarden.ts).
 *
 * Element names, order and cardinality follow WMO301.xsd / JW301.xsd and basisschema.xsd in
 * ../shared/specs. Plain Node code: no electron, no DB.
 */
import { readFileSync } from 'node:fs';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { LoketError } from '../../../shared/errors';
import {
  BERICHT_SUBVERSIE,
  BERICHT_VERSIE,
  STANDAARDEN,
  WET_NAAM,
  namespaceVan,
  type StandaardDef,
  type Wet,
} from './standaarden';
import {
  ToewijzingInputSchema,

  parseOfFout,
  type Adres,
  type Contact,
  type ToegewezenProduct,
  type ToewijzingData,
  type ToewijzingInput,
  type VolledigeNaam,
} from './types';

// ---------------------------------------------------------------------------------------------
// Content rules

export interface RegelFout {
  /** Rule code from the iStandaarden (CD075, CS003, OP043, ...). */
  regel: string;
  /** Path of the input field, e.g. `toewijzingen[1].einddatum`. */
  veld: string;
  /** Dutch, names the field and says what to do. */
  melding: string;
}

/** Thrown by `buildToewijzingXml` when content rules fail; `fouten` lists all of them. */
export class ToewijzingRegelFout extends LoketError {
  constructor(readonly fouten: RegelFout[]) {
    super(
      'invoer',
      fouten.length === 1
        ? fouten[0]!.melding
        : `Het toewijzingsbericht kan niet worden gemaakt (${fouten.length} fouten): ${fouten.map((f) => f.melding).join(' ')}`,
      fouten[0]?.veld,
    );
    this.name = 'ToewijzingRegelFout';
  }
}

const GRENS_2020 = '2020-12-31';
const EENHEDEN_CS338 = new Set(['14', '16', '83', '84']);
const FREQUENTIES_CS338 = new Set(['2', '4', '6']);

/** Today's calendar date in the Netherlands as `YYYY-MM-DD`. */
export function vandaag(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function productLabel(t: ToegewezenProduct, i: number): string {
  return `Toewijzing ${i + 1} (ToewijzingNummer ${t.toewijzingNummer})`;
}

/**
 * Checks the constraints of WMO301/JW301 that the XSD cannot express. Returns every violation;
 * an empty list means the message may be built. Input must already be parsed by the schema.
 */
export function controleerToewijzing(input: ToewijzingData, opties: { vandaag?: string } = {}): RegelFout[] {
  const std = STANDAARDEN[input.wet];
  const fouten: RegelFout[] = [];
  const fout = (regel: string, veld: string, melding: string) => fouten.push({ regel, veld, melding: `${melding} (${regel})` });

  const today = opties.vandaag ?? vandaag();
  if (input.dagtekening > today) {
    fout('TR135', 'dagtekening', `Dagtekening ${input.dagtekening} ligt na vandaag (${today}); een bericht mag niet vooruit gedateerd zijn.`);
  }

  const nummers = new Map<number, number>();
  input.toewijzingen.forEach((t, i) => {
    const p = `toewijzingen[${i}]`;
    const label = productLabel(t, i);

    const eerder = nummers.get(t.toewijzingNummer);
    if (eerder !== undefined) {
      fout('9332', `${p}.toewijzingNummer`, `${label}: ToewijzingNummer komt al voor bij toewijzing ${eerder + 1}; elk product in het bericht heeft een eigen nummer.`);
    } else nummers.set(t.toewijzingNummer, i);

    if (t.leveringsvorm === 'PGB') {
      fout('OP043', `${p}.leveringsvorm`, `${label}: dit product is als PGB toegekend; voor een PGB gaat geen toewijzing naar een aanbieder. Laat deze toewijzing weg of kies zorg in natura.`);
    }

    if (t.product && !std.productcategorieen.includes(t.product.categorie)) {
      fout(
        input.wet === 'wmo' ? 'WMO020' : 'JZ020',
        `${p}.product.categorie`,
        `${label}: productcategorie ${t.product.categorie} bestaat niet in de ${WET_NAAM[input.wet]} (kies uit ${std.productcategorieen[0]}–${std.productcategorieen.at(-1)}).`,
      );
    }

    if (t.omvang && t.budgetCents !== undefined) {
      fout('CD077/CD078', `${p}.budgetCents`, `${label}: vul Omvang óf Budget in, niet allebei.`);
    }
    if (t.budgetCents !== undefined && !t.einddatum) {
      fout('CD075', `${p}.einddatum`, `${label}: Einddatum is verplicht als er een Budget is; vul de einddatum in.`);
    }
    if (t.omvang?.frequentie === '2' && !t.einddatum) {
      fout('CD076', `${p}.einddatum`, `${label}: Einddatum is verplicht bij frequentie 'per week'; vul de einddatum in.`);
    }
    if (t.product?.code && !t.omvang) {
      fout('CD041', `${p}.omvang`, `${label}: Omvang is verplicht als er een Productcode is; vul volume, eenheid en frequentie in.`);
    }
    if (!t.product && t.budgetCents === undefined) {
      fout('CD079', `${p}.product`, `${label}: Product is verplicht als er geen Budget is; vul de productcategorie in.`);
    }
    const naGrens = !t.einddatum || t.einddatum > GRENS_2020;
    if (t.omvang && !t.product?.code && naGrens) {
      fout('CD080', `${p}.omvang`, `${label}: zonder Productcode (aspecifieke of generieke toewijzing) blijft Omvang leeg; vul een productcode in of laat de omvang weg.`);
    }
    if (t.einddatum && t.einddatum < t.ingangsdatum) {
      fout('CS003', `${p}.einddatum`, `${label}: Einddatum (${t.einddatum}) ligt vóór de Ingangsdatum (${t.ingangsdatum}); de einddatum moet op of na de ingangsdatum liggen.`);
    }
    if (t.omvang && EENHEDEN_CS338.has(t.omvang.eenheid) && naGrens && !FREQUENTIES_CS338.has(t.omvang.frequentie)) {
      fout('CS338', `${p}.omvang.frequentie`, `${label}: bij eenheid ${t.omvang.eenheid} moet de frequentie 2 (per week), 4 (per maand) of 6 (totaal) zijn.`);
    }
    if (t.redenWijziging === '13' && t.einddatum !== t.ingangsdatum) {
      fout('CS335', `${p}.redenWijziging`, `${label}: RedenWijziging 13 (verwijderd) mag alleen als de Einddatum gelijk is aan de Ingangsdatum.`);
    }
    if (t.redenWijziging === '01') {
      fout('CS336', `${p}.redenWijziging`, `${label}: RedenWijziging 01 is vervallen; gebruik 14 (administratieve correctie).`);
    }
  });
  return fouten;
}

// ---------------------------------------------------------------------------------------------
// XML

export interface BuildOpties {
  /** Today's date (YYYY-MM-DD) for the Dagtekening check; defaults to the Dutch calendar date. */
  vandaag?: string;
  /** Override XsdVersie, e.g. with `leesXsdVersie(...)` of the XSDs in use. */
  xsdVersie?: { basisschema: string; bericht: string };
}

/**
 * Builds a WMO301 (wet 'wmo') or JW301 (wet 'jeugdwet') toewijzingsbericht. Throws a
 * LoketError ('invoer') with a Dutch message naming the field when the input is not valid.
 */
export function buildToewijzingXml(input: ToewijzingInput, opties: BuildOpties = {}): string {
  const data = parseOfFout(ToewijzingInputSchema, input, 'Toewijzingsbericht');
  const fouten = controleerToewijzing(data, opties);
  if (fouten.length) throw new ToewijzingRegelFout(fouten);
  return schrijfToewijzing(STANDAARDEN[data.wet], data, opties);
}

/**
 * Element namespaces: an element declared in the message XSD (Header, Client, Contact,
 * ToegewezenProduct and their direct children) is in the message namespace; the children of a
 * basisschema CDT_* type (BerichtIdentificatie/Identificatie, Geboortedatum/Datum, Naam/...,
 * Adres/..., Product/..., Omvang/...) are in the basisschema namespace, because basisschema.xsd
 * has elementFormDefault="qualified". Prefixes as in the official sample messages.
 */
export interface Schrijver {
  /** Element in the message namespace. */
  m(parent: XMLBuilder, naam: string, waarde?: string | number): XMLBuilder;
  /** Element in the basisschema namespace. */
  b(parent: XMLBuilder, naam: string, waarde?: string | number): XMLBuilder;
}

export function schrijver(std: StandaardDef, bericht: string): { doc: XMLBuilder; root: XMLBuilder; w: Schrijver } {
  const msgNs = namespaceVan(std, bericht);
  const basisNs = namespaceVan(std, 'basisschema');
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc
    .ele(msgNs, `${bericht}:Bericht`)
    .att('http://www.w3.org/2000/xmlns/', `xmlns:${std.standaard}`, basisNs);
  const maak = (ns: string, prefix: string) => (parent: XMLBuilder, naam: string, waarde?: string | number) => {
    const e = parent.ele(ns, `${prefix}:${naam}`);
    if (waarde !== undefined) e.txt(String(waarde));
    return e;
  };
  return { doc, root, w: { m: maak(msgNs, bericht), b: maak(basisNs, std.standaard) } };
}

/** The Header every iWmo/iJw message opens with, in the XSD's order; returned for a retour's extra fields. */
export function schrijfHeader(w: Schrijver, root: XMLBuilder, h: {
  code: string | number; afzender: string; ontvanger: string; identificatie: string; dagtekening: string;
  basisschemaXsdVersie: string; berichtXsdVersie: string;
}): XMLBuilder {
  const { m, b } = w;
  const header = m(root, 'Header');
  m(header, 'BerichtCode', h.code);
  m(header, 'BerichtVersie', BERICHT_VERSIE);
  m(header, 'BerichtSubversie', BERICHT_SUBVERSIE);
  m(header, 'Afzender', h.afzender);
  m(header, 'Ontvanger', h.ontvanger);
  const bi = m(header, 'BerichtIdentificatie');
  b(bi, 'Identificatie', h.identificatie);
  b(bi, 'Dagtekening', h.dagtekening);
  const xv = m(header, 'XsdVersie');
  b(xv, 'BasisschemaXsdVersie', h.basisschemaXsdVersie);
  b(xv, 'BerichtXsdVersie', h.berichtXsdVersie);
  return header;
}

function schrijfToewijzing(std: StandaardDef, d: ToewijzingData, opties: BuildOpties): string {
  const def = std.toewijzing;
  const { doc, root, w } = schrijver(std, def.bericht);
  const { m, b } = w;
  const optM = (p: XMLBuilder, naam: string, v: string | number | undefined) => { if (v !== undefined) m(p, naam, v); };
  const optB = (p: XMLBuilder, naam: string, v: string | number | undefined) => { if (v !== undefined) b(p, naam, v); };

  schrijfHeader(w, root, {
    code: def.code, afzender: d.gemeentecode, ontvanger: d.aanbiederAgb, identificatie: d.berichtIdentificatie, dagtekening: d.dagtekening,
    basisschemaXsdVersie: opties.xsdVersie?.basisschema ?? std.basisschemaXsdVersie, berichtXsdVersie: opties.xsdVersie?.bericht ?? def.berichtXsdVersie,
  });

  const geboortedatum = (parent: XMLBuilder, iso: string) => {
    const g = toIstandaardDatum(iso);
    const e = m(parent, 'Geboortedatum');
    b(e, 'Datum', g.datum);
    optB(e, 'DatumGebruik', g.datumGebruik);
  };
  const volledigeNaam = (n: XMLBuilder, naam: VolledigeNaam) => {
    const g = b(n, 'Geslachtsnaam');
    b(g, 'Achternaam', naam.geslachtsnaam);
    optB(g, 'Voorvoegsel', naam.voorvoegsel);
    if (naam.partnernaam) {
      const p = b(n, 'Partnernaam');
      b(p, 'Achternaam', naam.partnernaam.achternaam);
      optB(p, 'Voorvoegsel', naam.partnernaam.voorvoegsel);
    }
    optB(n, 'Voornamen', naam.voornamen);
    optB(n, 'Voorletters', naam.voorletters);
    b(n, 'NaamGebruik', naam.naamgebruik);
  };
  const adres = (e: XMLBuilder, a: Adres) => {
    if (a.huisnummer !== undefined) {
      const hu = b(e, 'Huis');
      b(hu, 'Huisnummer', a.huisnummer);
      optB(hu, 'Huisletter', a.huisletter);
      optB(hu, 'HuisnummerToevoeging', a.huisnummerToevoeging);
      optB(hu, 'AanduidingWoonadres', a.aanduidingWoonadres);
    }
    optB(e, 'Postcode', a.postcode);
    optB(e, 'Straatnaam', a.straatnaam);
    optB(e, 'Plaatsnaam', a.plaatsnaam);
    optB(e, 'LandCode', a.landcode);
  };
  const contact = (e: XMLBuilder, ct: Contact) => {
    m(e, 'Soort', ct.soort);
    if (ct.adres) adres(m(e, 'Adres'), ct.adres);
    optM(e, 'Organisatie', ct.organisatie);
    if (ct.telefoon?.length) {
      const t = m(e, 'Telefoon');
      ct.telefoon.forEach((tel, i) => {
        const te = b(t, i === 0 ? 'Telefoon01' : 'Telefoon02');
        b(te, 'Telefoonnummer', tel.telefoonnummer);
        b(te, 'Landnummer', tel.landnummer);
      });
    }
    optM(e, 'Emailadres', ct.emailadres);
    if (ct.periode && (ct.periode.begindatum || ct.periode.einddatum)) {
      const p = m(e, 'Periode');
      optB(p, 'Begindatum', ct.periode.begindatum);
      optB(p, 'Einddatum', ct.periode.einddatum);
    }
  };

  const c = m(root, 'Client');
  const cl = d.client;
  m(c, 'Bsn', cl.bsn);
  geboortedatum(c, cl.geboortedatum);
  m(c, 'Geslacht', cl.geslacht);
  volledigeNaam(m(c, 'Naam'), cl.naam);
  if (cl.communicatie) {
    const cm = m(c, 'Communicatie');
    b(cm, 'Vorm', cl.communicatie.vorm);
    optB(cm, 'Taal', cl.communicatie.taal);
  }
  optM(c, 'JuridischeStatus', cl.juridischeStatus);
  optM(c, 'WettelijkeVertegenwoordiging', cl.wettelijkeVertegenwoordiging);
  optM(c, 'Commentaar', cl.commentaar);
  if (cl.relaties?.length) {
    const rs = m(c, 'Relaties');
    for (const r of cl.relaties) {
      const re = m(rs, 'Relatie');
      m(re, 'Nummer', r.nummer);
      optM(re, 'Volgorde', r.volgorde);
      m(re, 'Soort', r.soort);
      if (r.geboortedatum) geboortedatum(re, r.geboortedatum);
      optM(re, 'Geslacht', r.geslacht);
      volledigeNaam(m(re, 'Naam'), r.naam);
      contact(m(re, 'Contact'), r.contact);
    }
  }
  const cg = m(c, 'Contactgegevens');
  for (const ct of clientContacten(d)) contact(m(cg, 'Contact'), ct);

  const tp = m(c, 'ToegewezenProducten');
  for (const t of d.toewijzingen) {
    const p = m(tp, 'ToegewezenProduct');
    m(p, 'ToewijzingNummer', t.toewijzingNummer);
    optM(p, 'ReferentieAanbieder', t.referentieAanbieder);
    if (t.product) {
      const pr = m(p, 'Product');
      b(pr, 'Categorie', t.product.categorie);
      optB(pr, 'Code', t.product.code);
    }
    m(p, 'Toewijzingsdatum', t.toewijzingsdatum);
    m(p, 'Toewijzingstijd', t.toewijzingstijd);
    m(p, 'Ingangsdatum', t.ingangsdatum);
    optM(p, 'Einddatum', t.einddatum);
    optM(p, 'RedenWijziging', t.redenWijziging);
    if (t.omvang) {
      const o = m(p, 'Omvang');
      b(o, 'Volume', t.omvang.volume);
      b(o, 'Eenheid', t.omvang.eenheid);
      b(o, 'Frequentie', t.omvang.frequentie);
    }
    optM(p, 'Budget', t.budgetCents);
    optM(p, 'Commentaar', t.commentaar);
  }
  return doc.end({ prettyPrint: true });
}

function clientContacten(d: ToewijzingData): Contact[] {
  const cl = d.client;
  const uit: Contact[] = [];
  if (cl.adres || cl.telefoon || cl.emailadres) {
    uit.push({ soort: '01', adres: cl.adres, telefoon: cl.telefoon, emailadres: cl.emailadres });
  }
  uit.push(...(cl.contacten ?? []));
  if (!uit.length) {
    throw new LoketError('invoer', 'Client.adres: het bericht vraagt minstens één contact; vul het BRP-adres of een ander adres van de cliënt in.', 'client.adres');
  }
  return uit;
}

// ---------------------------------------------------------------------------------------------
// XSD metadata

/**
 * Reads `BasisschemaXsdVersie` and `BerichtXsdVersie` from a message XSD's
 * `<xs:annotation><xs:appinfo>`; null when the file has none.
 */
export function leesXsdVersie(xsdPad: string): { basisschema: string; bericht: string } | null {
  const tekst = readFileSync(xsdPad, 'utf8');
  const appinfo = /<xs:appinfo>([\s\S]*?)<\/xs:appinfo>/.exec(tekst)?.[1];
  if (!appinfo) return null;
  const basisschema = /<\w+:BasisschemaXsdVersie>([^<]+)</.exec(appinfo)?.[1]?.trim();
  const bericht = /<\w+:BerichtXsdVersie>([^<]+)</.exec(appinfo)?.[1]?.trim();
  return basisschema && bericht ? { basisschema, bericht } : null;
}

// ---------------------------------------------------------------------------------------------
// OP087: the full-state selection

/** A stored toewijzing with what the selection needs. */
export interface ToewijzingRecord {
  clientBsn: string;
  aanbiederAgb: string;
  ingangsdatum: string;
  einddatum?: string | null;
  redenWijziging?: string | null;
  /** Last change of this toewijzing (ISO date-time, or date). */
  gewijzigdOp: string;
}

export interface SelectieOpties {
  clientBsn: string;
  aanbiederAgb: string;
  /** Aanmaakdatum of the new message (YYYY-MM-DD). */
  creationDate: string;
  /** Moment of the previous toewijzingsbericht to this client+aanbieder; null when there was none. */
  changedSince: string | null;
}

/** OP087: einddatum = ingangsdatum with RedenWijziging 13 or 01 is no current toewijzing. */
export function isVerwijderd(t: Pick<ToewijzingRecord, 'ingangsdatum' | 'einddatum' | 'redenWijziging'>): boolean {
  return !!t.einddatum && t.einddatum === t.ingangsdatum && (t.redenWijziging === '13' || t.redenWijziging === '01');
}

function tijdstip(s: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
}

/**
 * OP087: a toewijzingsbericht holds, for one client and one aanbieder, all toewijzingen valid
 * on or after its creation date plus all toewijzingen changed since the previous message
 * (e.g. withdrawals the aanbieder does not know about yet). With no previous message, only the
 * valid ones are sent. Order: as in `all`.
 */
export function selectToewijzingenForMessage<T extends ToewijzingRecord>(all: readonly T[], opties: SelectieOpties): T[] {
  const sinds = opties.changedSince === null ? null : tijdstip(opties.changedSince);
  return all.filter((t) => {
    if (t.clientBsn !== opties.clientBsn || t.aanbiederAgb !== opties.aanbiederAgb) return false;
    const geldig = !isVerwijderd(t) && (!t.einddatum || t.einddatum >= opties.creationDate);
    const gewijzigd = sinds !== null && tijdstip(t.gewijzigdOp) > sinds;
    return geldig || gewijzigd;
  });
}

export type { Wet };

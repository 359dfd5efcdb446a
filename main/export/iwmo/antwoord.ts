/**
 * The gemeente's answers to a WMO315/JW315 (verzoek om toewijzing):
 *
 * - WMO316/JW316, the retour: the 315 echoed with a RetourCode on the header, the client and
 *   every product (0200 = no remarks), within 3 werkdagen (OP090).
 * - WMO319/JW319, the antwoordbericht: per product, when no toewijzing (301) follows, within
 *   5 werkdagen (OP274): VerzoekAntwoord 1 (afgewezen, with a RedenAfwijzingVerzoek) or 2
 *   (aanvraag in onderzoek).
 *
 * Element names and order follow JW316.xsd/JW319.xsd/WMO319.xsd in specs/; WMO316 has the
 * structure of JW316 without Client/GezagsdragerBekend.
 */
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { toIstandaardDatum } from '../../../shared/dates';
import { LoketError } from '../../../shared/errors';
import { STANDAARDEN, type Wet } from './standaarden';
import { schrijfHeader, schrijver } from './toewijzing';
import { REDENEN_AFWIJZING_VERZOEK } from '../../../shared/ipc/iwmo-channels';
import type { AangevraagdProduct, VerzoekOmToewijzing } from './verzoek';

/** RetourCode 0200: geen opmerking over deze berichtklasse. */
export const RETOUR_GEEN_OPMERKING = '0200';
/** RetourCode 9056: Identificatie moet per berichtsoort uniek zijn voor de verzendende partij (TR056). */
export const RETOUR_DUBBEL_BERICHT = '9056';

export interface RetourInput {
  verzoek: VerzoekOmToewijzing;
  /** Identificatie of the retour message itself (≤ 12 characters). */
  identificatieRetour: string;
  dagtekeningRetour: string;
  /** Codes on the header (e.g. 9056 for a duplicate); default none (the element is left out). */
  headerCodes?: readonly string[];
  /** Codes on the client; default 0200. */
  clientCodes?: readonly string[];
  /** Codes per product (index as in the verzoek); default 0200. */
  productCodes?: ReadonlyMap<number, readonly string[]>;
}

const janee = (b: boolean) => (b ? '1' : '2');

function checkIdentificatie(id: string, veld: string): void {
  if (!id.trim() || id.length > 12) throw new LoketError('invoer', `${veld} moet 1 tot 12 tekens zijn (nu "${id}").`, veld);
}

/** Builds the WMO316/JW316 retour of a parsed 315. */
export function buildRetourVerzoekXml(input: RetourInput): string {
  const v = input.verzoek;
  checkIdentificatie(input.identificatieRetour, 'IdentificatieRetour');
  const std = STANDAARDEN[v.wet];
  const def = std.retourVerzoek;
  const { doc, root, w } = schrijver(std, def.bericht);
  const { m, b } = w;
  const opt = (p: XMLBuilder, naam: string, waarde: string | number | undefined, ns: 'm' | 'b' = 'm') => {
    if (waarde !== undefined) (ns === 'm' ? m : b)(p, naam, waarde);
  };
  const codes = (p: XMLBuilder, list: readonly string[]) => {
    const rc = m(p, 'RetourCodes');
    for (const c of list) m(rc, 'RetourCode', c);
  };

  // A retour repeats the header of the message it answers, then adds its own identification.
  const h = schrijfHeader(w, root, {
    code: def.code, afzender: v.aanbiederAgb, ontvanger: v.gemeentecode, identificatie: v.berichtIdentificatie, dagtekening: v.dagtekening,
    basisschemaXsdVersie: v.xsdVersie.basisschema, berichtXsdVersie: v.xsdVersie.bericht,
  });
  m(h, 'IdentificatieRetour', input.identificatieRetour);
  m(h, 'DagtekeningRetour', input.dagtekeningRetour);
  const xr = m(h, 'XsdVersieRetour');
  b(xr, 'BasisschemaXsdVersie', std.basisschemaXsdVersie);
  b(xr, 'BerichtXsdVersie', def.berichtXsdVersie);
  if (input.headerCodes?.length) codes(h, input.headerCodes);

  const c = m(root, 'Client');
  m(c, 'Bsn', v.client.bsn);
  const g = toIstandaardDatum(v.client.geboortedatum);
  const ge = m(c, 'Geboortedatum');
  b(ge, 'Datum', g.datum);
  opt(ge, 'DatumGebruik', g.datumGebruik, 'b');
  m(c, 'Geslacht', v.client.geslacht);
  const n = m(c, 'Naam');
  const gn = b(n, 'Geslachtsnaam');
  b(gn, 'Achternaam', v.client.naam.geslachtsnaam);
  opt(gn, 'Voorvoegsel', v.client.naam.voorvoegsel, 'b');
  opt(n, 'Voornamen', v.client.naam.voornamen, 'b');
  opt(n, 'Voorletters', v.client.naam.voorletters, 'b');
  if (std.verzoekHeeftGezagsdragerBekend && v.client.gezagsdragerBekend !== undefined) m(c, 'GezagsdragerBekend', janee(v.client.gezagsdragerBekend));
  opt(c, 'Commentaar', v.client.commentaar);
  const ap = m(c, 'AangevraagdeProducten');
  v.producten.forEach((p: AangevraagdProduct, i) => {
    const e = m(ap, 'AangevraagdProduct');
    m(e, 'ReferentieAanbieder', p.referentieAanbieder);
    opt(e, 'BeschikkingNummer', p.beschikkingNummer);
    if (p.product) {
      const pr = m(e, 'Product');
      b(pr, 'Categorie', p.product.categorie);
      opt(pr, 'Code', p.product.code, 'b');
    }
    opt(e, 'BeschikkingIngangsdatum', p.beschikkingIngangsdatum);
    m(e, 'ToewijzingIngangsdatum', p.ingangsdatum);
    opt(e, 'ToewijzingEinddatum', p.einddatum);
    if (p.omvang) {
      const o = m(e, 'Omvang');
      b(o, 'Volume', p.omvang.volume);
      b(o, 'Eenheid', p.omvang.eenheid);
      b(o, 'Frequentie', p.omvang.frequentie);
    }
    opt(e, 'Budget', p.budgetCents);
    const vw = m(e, 'Verwijzer');
    b(vw, 'Type', p.verwijzer.type);
    opt(vw, 'Naam', p.verwijzer.naam, 'b');
    opt(vw, 'ZorgverlenerCode', p.verwijzer.zorgverlenerCode, 'b');
    if (p.raamcontract !== undefined) m(e, 'Raamcontract', janee(p.raamcontract));
    opt(e, 'Commentaar', p.commentaar);
    codes(e, input.productCodes?.get(i) ?? [RETOUR_GEEN_OPMERKING]);
  });
  codes(c, input.clientCodes ?? [RETOUR_GEEN_OPMERKING]);
  return doc.end({ prettyPrint: true });
}

export { REDENEN_AFWIJZING_VERZOEK };
export type RedenAfwijzingVerzoek = keyof typeof REDENEN_AFWIJZING_VERZOEK;

export interface AntwoordInput {
  wet: Wet;
  gemeentecode: string;
  aanbiederAgb: string;
  berichtIdentificatie: string;
  dagtekening: string;
  /** The 315 product's ReferentieAanbieder this answers. */
  referentieAanbieder: string;
  /** 1 = verzoek afgewezen, 2 = aanvraag in onderzoek. */
  verzoekAntwoord: '1' | '2';
  redenAfwijzing?: RedenAfwijzingVerzoek;
  /** JW319 with reden 8 (woonplaatsbeginsel): the gemeente that is responsible. */
  woonplaatsbeginselGemeente?: string;
}

/** Builds a WMO319/JW319 antwoordbericht for one requested product. */
export function buildAntwoordXml(a: AntwoordInput): string {
  checkIdentificatie(a.berichtIdentificatie, 'BerichtIdentificatie');
  if (a.verzoekAntwoord === '1' && !a.redenAfwijzing) {
    throw new LoketError('invoer', 'Bij een afwijzing van het verzoek hoort een reden (RedenAfwijzingVerzoek); kies er een.', 'redenAfwijzing');
  }
  if (a.verzoekAntwoord === '2' && a.redenAfwijzing) {
    throw new LoketError('invoer', 'Een reden van afwijzing hoort alleen bij een afgewezen verzoek.', 'redenAfwijzing');
  }
  if (a.woonplaatsbeginselGemeente !== undefined && (a.wet !== 'jeugdwet' || a.redenAfwijzing !== '8')) {
    throw new LoketError('invoer', 'De gemeente van het woonplaatsbeginsel hoort alleen bij een JW319 met reden 8 (woonplaatsbeginsel).', 'woonplaatsbeginselGemeente');
  }
  const std = STANDAARDEN[a.wet];
  const def = std.antwoord;
  const { doc, root, w } = schrijver(std, def.bericht);
  const { m } = w;
  schrijfHeader(w, root, {
    code: def.code, afzender: a.gemeentecode, ontvanger: a.aanbiederAgb, identificatie: a.berichtIdentificatie, dagtekening: a.dagtekening,
    basisschemaXsdVersie: std.basisschemaXsdVersie, berichtXsdVersie: def.berichtXsdVersie,
  });
  const an = m(root, 'Antwoord');
  m(an, 'ReferentieAanbieder', a.referentieAanbieder);
  m(an, 'VerzoekAntwoord', a.verzoekAntwoord);
  if (a.redenAfwijzing) m(an, 'RedenAfwijzingVerzoek', a.redenAfwijzing);
  if (a.woonplaatsbeginselGemeente) m(m(an, 'Woonplaatsbeginsel'), 'Gemeente', a.woonplaatsbeginselGemeente);
  return doc.end({ prettyPrint: true });
}

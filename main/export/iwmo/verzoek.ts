/**
 * Incoming WMO315 (iWmo 3.2, BerichtCode 444) and JW315 (iJw 3.2, BerichtCode 446):
 * Verzoek om toewijzing, sent by an aanbieder to the gemeente. Parsed into plain data; the
 * caller turns it into a melding.
 *
 * Structure per WMO315.xsd / JW315.xsd: Header (Afzender = AGB, Ontvanger = gemeente), Client
 * {Bsn, Geboortedatum, Geslacht, Naam (CDT_VerkorteNaam), GezagsdragerBekend? (JW315 only),
 * Commentaar?, AangevraagdeProducten/AangevraagdProduct 1..n}. Every AangevraagdProduct carries
 * its own (mandatory) Verwijzer, in both standards.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { fromIstandaardDatum } from '../../../shared/dates';
import { LoketError } from '../../../shared/errors';
import { STANDAARDEN, namespaceVan, type Wet } from './standaarden';
import {
  EENHEDEN,
  FREQUENTIES,
  GESLACHTEN,
  TYPEN_VERWIJZER,
  agbSchema,
  bsnSchema,
  gemeentecodeSchema,

  isoDatum,
  nlFoutmelding,
  padNaarVeld,
  tekstRegel,
  vrijeTekst,
  voorlettersSchema,
} from './types';

const geheelGetal = (naam: string, max: number) =>
  z
    .string({ error: `${naam} ontbreekt of is geen getal.` })
    .regex(/^\d+$/, { error: `${naam} moet een geheel getal zijn.` })
    .transform(Number)
    .pipe(z.number().max(max, { error: `${naam} is hoogstens ${max}.` }));

const janee = z.enum(['1', '2'], { error: 'Ja/nee-veld moet 1 (ja) of 2 (nee) zijn.' }).transform((v) => v === '1');

const productXml = z.object({
  Categorie: z.string().regex(/^\d{2}$/, { error: 'Productcategorie moet uit 2 cijfers bestaan.' }),
  Code: tekstRegel('Productcode', 5).optional(),
});

const aangevraagdProductXml = z
  .object({
    ReferentieAanbieder: tekstRegel('ReferentieAanbieder', 36),
    BeschikkingNummer: geheelGetal('BeschikkingNummer', 999999999).optional(),
    Product: productXml.optional(),
    BeschikkingIngangsdatum: isoDatum('BeschikkingIngangsdatum').optional(),
    ToewijzingIngangsdatum: isoDatum('ToewijzingIngangsdatum'),
    ToewijzingEinddatum: isoDatum('ToewijzingEinddatum').optional(),
    Omvang: z
      .object({
        Volume: geheelGetal('Volume', 99999999),
        Eenheid: z.enum(EENHEDEN, { error: 'Eenheid is geen geldige code (WJ756).' }),
        Frequentie: z.enum(FREQUENTIES, { error: 'Frequentie is geen geldige code (WMO757).' }),
      })
      .optional(),
    Budget: geheelGetal('Budget', 99999999).optional(),
    Verwijzer: z.object({
      Type: z.enum(TYPEN_VERWIJZER, { error: 'Type verwijzer is geen geldige code (COD327).' }),
      Naam: tekstRegel('Naam verwijzer', 64).optional(),
      ZorgverlenerCode: agbSchema('ZorgverlenerCode verwijzer').optional(),
    }, { error: 'Verwijzer ontbreekt; elk aangevraagd product heeft een verwijzer.' }),
    Raamcontract: janee.optional(),
    Commentaar: vrijeTekst('Commentaar product').optional(),
  })
  .transform((p) => ({
    referentieAanbieder: p.ReferentieAanbieder,
    beschikkingNummer: p.BeschikkingNummer,
    product: p.Product ? { categorie: p.Product.Categorie, code: p.Product.Code } : null,
    beschikkingIngangsdatum: p.BeschikkingIngangsdatum,
    ingangsdatum: p.ToewijzingIngangsdatum,
    einddatum: p.ToewijzingEinddatum,
    omvang: p.Omvang ? { volume: p.Omvang.Volume, eenheid: p.Omvang.Eenheid, frequentie: p.Omvang.Frequentie } : undefined,
    budgetCents: p.Budget,
    verwijzer: { type: p.Verwijzer.Type, naam: p.Verwijzer.Naam, zorgverlenerCode: p.Verwijzer.ZorgverlenerCode },
    raamcontract: p.Raamcontract,
    commentaar: p.Commentaar,
  }));

function berichtSchema(wet: Wet) {
  const std = STANDAARDEN[wet];
  const def = std.verzoekOmToewijzing;
  return z
    .object({
      Header: z.object({
        BerichtCode: z.literal(def.code, { error: `BerichtCode moet ${def.code} zijn.` }),
        BerichtVersie: z.literal('3', { error: 'BerichtVersie moet 3 zijn (release 3.2).' }),
        BerichtSubversie: z.literal('2', { error: 'BerichtSubversie moet 2 zijn (release 3.2).' }),
        Afzender: agbSchema('Afzender (AGB-code aanbieder)'),
        Ontvanger: gemeentecodeSchema,
        BerichtIdentificatie: z.object({
          Identificatie: tekstRegel('Identificatie', 12),
          Dagtekening: isoDatum('Dagtekening'),
        }),
        XsdVersie: z.object({
          BasisschemaXsdVersie: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'BasisschemaXsdVersie moet de vorm n.n.n hebben.' }),
          BerichtXsdVersie: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'BerichtXsdVersie moet de vorm n.n.n hebben.' }),
        }),
      }),
      Client: z.object({
        Bsn: bsnSchema,
        Geboortedatum: z.object({
          Datum: isoDatum('Geboortedatum'),
          DatumGebruik: z.enum(['1', '2', '3'], { error: 'DatumGebruik moet 1, 2 of 3 zijn.' }).optional(),
        }),
        Geslacht: z.enum(GESLACHTEN, { error: 'Geslacht moet 0, 1 of 2 zijn.' }),
        Naam: z.object({
          Geslachtsnaam: z.object({
            Achternaam: tekstRegel('Achternaam', 200),
            Voorvoegsel: tekstRegel('Voorvoegsel', 10).optional(),
          }),
          Voornamen: tekstRegel('Voornamen', 200).optional(),
          Voorletters: voorlettersSchema.optional(),
        }),
        GezagsdragerBekend: std.verzoekHeeftGezagsdragerBekend
          ? janee.optional()
          : z.never({ error: 'GezagsdragerBekend hoort niet in een WMO315.' }).optional(),
        Commentaar: vrijeTekst('Commentaar client').optional(),
        AangevraagdeProducten: z.object({
          AangevraagdProduct: z.array(aangevraagdProductXml).min(1, { error: 'Het verzoek bevat geen aangevraagd product.' }),
        }, { error: 'AangevraagdeProducten ontbreekt; het verzoek bevat geen product.' }),
      }),
    })
    .superRefine((b, ctx) => {
      b.Client.AangevraagdeProducten.AangevraagdProduct.forEach((p, i) => {
        const pad = ['Client', 'AangevraagdeProducten', 'AangevraagdProduct', i];
        if (p.product && !std.productcategorieen.includes(p.product.categorie)) {
          ctx.addIssue({ code: 'custom', path: [...pad, 'Product', 'Categorie'], message: `Productcategorie ${p.product.categorie} bestaat niet in de ${wet === 'wmo' ? 'Wmo' : 'Jeugdwet'}.` });
        }
        if (p.einddatum && p.einddatum < p.ingangsdatum) {
          ctx.addIssue({ code: 'custom', path: [...pad, 'ToewijzingEinddatum'], message: 'ToewijzingEinddatum ligt vóór ToewijzingIngangsdatum.' });
        }
      });
    })
    .transform((b) => ({
      wet,
      bericht: def.bericht.toUpperCase() as 'WMO315' | 'JW315',
      berichtCode: def.code,
      berichtIdentificatie: b.Header.BerichtIdentificatie.Identificatie,
      dagtekening: b.Header.BerichtIdentificatie.Dagtekening,
      aanbiederAgb: b.Header.Afzender,
      gemeentecode: b.Header.Ontvanger,
      xsdVersie: { basisschema: b.Header.XsdVersie.BasisschemaXsdVersie, bericht: b.Header.XsdVersie.BerichtXsdVersie },
      client: {
        bsn: b.Client.Bsn,
        /** ISO; unknown parts as 00 (`1960-00-00`), from DatumGebruik. */
        geboortedatum: fromIstandaardDatum(b.Client.Geboortedatum.Datum, b.Client.Geboortedatum.DatumGebruik),
        geslacht: b.Client.Geslacht,
        naam: {
          geslachtsnaam: b.Client.Naam.Geslachtsnaam.Achternaam,
          voorvoegsel: b.Client.Naam.Geslachtsnaam.Voorvoegsel,
          voornamen: b.Client.Naam.Voornamen,
          voorletters: b.Client.Naam.Voorletters,
        },
        gezagsdragerBekend: b.Client.GezagsdragerBekend as boolean | undefined,
        commentaar: b.Client.Commentaar,
      },
      producten: b.Client.AangevraagdeProducten.AangevraagdProduct,
    }));
}

export type VerzoekOmToewijzing = z.output<ReturnType<typeof berichtSchema>>;
export type AangevraagdProduct = VerzoekOmToewijzing['producten'][number];

/** Which 315 message a namespace or BerichtCode stands for. */
function herken(ns: string | undefined, code: string | undefined): Wet {
  const perNs = (Object.keys(STANDAARDEN) as Wet[]).find(
    (w) => namespaceVan(STANDAARDEN[w], STANDAARDEN[w].verzoekOmToewijzing.bericht) === ns,
  );
  const perCode = (Object.keys(STANDAARDEN) as Wet[]).find((w) => STANDAARDEN[w].verzoekOmToewijzing.code === code);
  if (ns) {
    if (!perNs) {
      const m = /istandaarden\.nl\/(iwmo|ijw)\/[\d_]+\/(\w+)\/schema/.exec(ns);
      throw new LoketError(
        'invoer',
        m
          ? `Dit bericht is een ${m[2]!.toUpperCase()} (${m[1]} ${ns.split('/')[4]?.replace('_', '.')}), geen verzoek om toewijzing (WMO315 of JW315 van release 3.2).`
          : `Dit bericht heeft een onbekende namespace (${ns}); verwacht een WMO315 of JW315 van iWmo/iJw 3.2.`,
        'Bericht',
      );
    }
    if (code !== undefined && perCode !== perNs) {
      throw new LoketError('invoer', `BerichtCode ${code} past niet bij de namespace van een ${STANDAARDEN[perNs].verzoekOmToewijzing.bericht.toUpperCase()} (verwacht ${STANDAARDEN[perNs].verzoekOmToewijzing.code}).`, 'Header.BerichtCode');
    }
    return perNs;
  }
  if (perCode) return perCode;
  throw new LoketError('invoer', `Dit is geen verzoek om toewijzing: BerichtCode ${code ?? '(leeg)'} is niet 444 (WMO315) of 446 (JW315).`, 'Header.BerichtCode');
}

const ARRAYS = new Set(['AangevraagdProduct']);

/**
 * Reads a WMO315 or JW315 (XML text). Throws a LoketError ('invoer') with a Dutch message when
 * the text is not well-formed XML, not a 315 message, or a field is missing or invalid.
 */
export function parseVerzoekOmToewijzing(xml: string): VerzoekOmToewijzing {
  if (typeof xml !== 'string' || !xml.trim()) {
    throw new LoketError('invoer', 'Het bericht is leeg; kies het XML-bestand van het verzoek om toewijzing.');
  }
  if (/<!DOCTYPE/i.test(xml)) {
    throw new LoketError('invoer', 'Het bericht bevat een DOCTYPE; dat hoort niet in een iWmo/iJw-bericht en wordt niet gelezen.');
  }
  const geldig = XMLValidator.validate(xml);
  if (geldig !== true) {
    const e = geldig.err;
    throw new LoketError('invoer', `Het bericht is geen geldige XML (regel ${e.line}, kolom ${e.col}); vraag de aanbieder om een nieuw bestand.`);
  }

  // 1: the root element and its namespace.
  const ruw = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false, parseTagValue: false }).parse(xml) as Record<string, unknown>;
  const rootKey = Object.keys(ruw).find((k) => !k.startsWith('?'));
  if (!rootKey) throw new LoketError('invoer', 'Het bericht heeft geen inhoud.');
  const [prefix, lokaal] = rootKey.includes(':') ? rootKey.split(':', 2) : [undefined, rootKey];
  if (lokaal !== 'Bericht') {
    throw new LoketError('invoer', `Het bericht begint met <${rootKey}> in plaats van <Bericht>; dit is geen iWmo/iJw-bericht.`, 'Bericht');
  }
  const rootAttr = (ruw[rootKey] ?? {}) as Record<string, unknown>;
  const ns = rootAttr[prefix ? `@_xmlns:${prefix}` : '@_xmlns'] as string | undefined;

  // 2: the content without prefixes (message and basisschema namespaces mix in one document).
  const inhoud = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (naam) => ARRAYS.has(naam),
  }).parse(xml) as { Bericht?: { Header?: { BerichtCode?: unknown } } };
  const bericht = inhoud.Bericht;
  const code = typeof bericht?.Header?.BerichtCode === 'string' ? bericht.Header.BerichtCode : undefined;
  const wet = herken(ns, code);

  const naam = STANDAARDEN[wet].verzoekOmToewijzing.bericht.toUpperCase();
  const r = berichtSchema(wet).safeParse(bericht, { error: (iss) => nlFoutmelding(iss) });
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const veld = padNaarVeld(issue.path);
    throw new LoketError('invoer', `Het verzoek om toewijzing (${naam}) klopt niet: ${veld ? `${veld}: ` : ''}${issue.message}`, veld || undefined);
  }
  return r.data;
}

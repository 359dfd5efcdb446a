// Builds WMO315/JW315 test messages (not a test file itself): the verzoek om toewijzing an
// aanbieder sends, with every optional element a 315 can carry.
import { XMLParser } from 'fast-xml-parser';

export interface Product315 {
  ref: string;
  categorie: string;
  code?: string;
  ingang: string;
  eind?: string;
  beschikkingNummer?: number;
  beschikkingIngangsdatum?: string;
  omvang?: { volume: number; eenheid: string; frequentie: string };
  verwijzer: { type: string; naam?: string; agb?: string };
  raamcontract?: boolean;
  commentaar?: string;
}

export interface Verzoek315 {
  wet?: 'wmo' | 'jeugdwet';
  id?: string;
  dagtekening?: string;
  agb?: string;
  gemeentecode?: string;
  bsn: string;
  geboortedatum: string;
  geslacht?: string;
  achternaam: string;
  voornamen?: string;
  gezagsdragerBekend?: boolean;
  commentaar?: string;
  producten: Product315[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function verzoek315Xml(v: Verzoek315): string {
  const jw = (v.wet ?? 'jeugdwet') === 'jeugdwet';
  const ns = jw ? 'ijw' : 'iwmo';
  const msg = jw ? 'jw315' : 'wmo315';
  const el = (name: string, value: string | number | undefined, b = false) =>
    value === undefined ? '' : `<${b ? ns : msg}:${name}>${typeof value === 'string' ? esc(value) : value}</${b ? ns : msg}:${name}>`;
  const jn = (x: boolean | undefined) => (x === undefined ? undefined : x ? '1' : '2');
  const producten = v.producten.map((p) => `<${msg}:AangevraagdProduct>${el('ReferentieAanbieder', p.ref)}${el('BeschikkingNummer', p.beschikkingNummer)}` +
    `<${msg}:Product>${el('Categorie', p.categorie, true)}${el('Code', p.code, true)}</${msg}:Product>` +
    `${el('BeschikkingIngangsdatum', p.beschikkingIngangsdatum)}${el('ToewijzingIngangsdatum', p.ingang)}${el('ToewijzingEinddatum', p.eind)}` +
    (p.omvang ? `<${msg}:Omvang>${el('Volume', p.omvang.volume, true)}${el('Eenheid', p.omvang.eenheid, true)}${el('Frequentie', p.omvang.frequentie, true)}</${msg}:Omvang>` : '') +
    `<${msg}:Verwijzer>${el('Type', p.verwijzer.type, true)}${el('Naam', p.verwijzer.naam, true)}${el('ZorgverlenerCode', p.verwijzer.agb, true)}</${msg}:Verwijzer>` +
    `${el('Raamcontract', jn(p.raamcontract))}${el('Commentaar', p.commentaar)}</${msg}:AangevraagdProduct>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<${msg}:Bericht xmlns:${ns}="http://www.istandaarden.nl/${ns}/3_2/basisschema/schema" xmlns:${msg}="http://www.istandaarden.nl/${ns}/3_2/${msg}/schema">
<${msg}:Header>${el('BerichtCode', jw ? '446' : '444')}${el('BerichtVersie', '3')}${el('BerichtSubversie', '2')}${el('Afzender', v.agb ?? '87654321')}${el('Ontvanger', v.gemeentecode ?? '9999')}
<${msg}:BerichtIdentificatie>${el('Identificatie', v.id ?? 'VZ-1', true)}${el('Dagtekening', v.dagtekening ?? '2026-03-02', true)}</${msg}:BerichtIdentificatie>
<${msg}:XsdVersie>${el('BasisschemaXsdVersie', jw ? '0.1.0' : '1.0.0', true)}${el('BerichtXsdVersie', jw ? '0.1.0' : '1.0.0', true)}</${msg}:XsdVersie></${msg}:Header>
<${msg}:Client>${el('Bsn', v.bsn)}<${msg}:Geboortedatum>${el('Datum', v.geboortedatum, true)}</${msg}:Geboortedatum>${el('Geslacht', v.geslacht ?? '1')}
<${msg}:Naam><${ns}:Geslachtsnaam>${el('Achternaam', v.achternaam, true)}</${ns}:Geslachtsnaam>${el('Voornamen', v.voornamen, true)}</${msg}:Naam>
${jw ? el('GezagsdragerBekend', jn(v.gezagsdragerBekend)) : ''}${el('Commentaar', v.commentaar)}
<${msg}:AangevraagdeProducten>
${producten}
</${msg}:AangevraagdeProducten></${msg}:Client></${msg}:Bericht>
`;
}

/** An iWmo/iJw message as plain objects without namespace prefixes, for element-by-element checks. */
export function readMessage(xml: string): Record<string, any> {
  return (new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (n) => ['AangevraagdProduct', 'RetourCode', 'ToegewezenProduct', 'Relatie', 'Contact'].includes(n) })
    .parse(xml) as { Bericht: Record<string, any> }).Bericht;
}

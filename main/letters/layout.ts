// Shared letter layout: letterhead (with logo), the address block in the envelope window,
// the kenmerk/datum block, "pagina 1 van 2" footer and the signature under mandate.
//
// Window envelope (venster links, e.g. EA5/6 or C5/6 with window 90 × 45 mm, 22 mm from the left
// and 50 mm from the top of the folded A4): the return address and the addressee are printed
// inside x 22–112 mm, y 50–95 mm with a few mm of play on every side, so folding or shifting
// the sheet does not hide a line.
import type { Content, ContentStack, TDocumentDefinitions } from 'pdfmake/interfaces';
import { datumNl, isBlank } from './format';
import type { LetterData } from './types';

export const FONT_FAMILY = 'LoketRoboto';
export const mm = (v: number) => (v * 72) / 25.4;

export const WINDOW = { left: mm(22), top: mm(50), width: mm(90), height: mm(45) } as const;
/** Where the body text starts on page 1 (below window and reference block). */
const BODY_TOP_PAGE1 = mm(103);
const MARGIN = { left: mm(25), top: mm(25), right: mm(20), bottom: mm(22) };
const GREY = '#444444';

export interface LetterLayout {
  onderwerp: string;
  body: Content[];
  /** Shown at the end, after the signature (e.g. the client's signature field of a gespreksverslag). */
  after?: Content[];
  title: string;
}

// ----- small building blocks for the templates -----

export const h = (text: string): Content => ({ text, style: 'kop', headlineLevel: 1 });
export const p = (text: string | Content[]): Content => ({ text, style: 'alinea' } as Content);
export const ul = (items: (string | Content)[]): Content => ({ ul: items, style: 'lijst' } as Content);
export const b = (text: string): Content => ({ text, bold: true } as Content);

/** A two-column table of label/value rows without lines. */
export function kv(rows: [string, string][]): Content {
  return {
    table: {
      widths: [mm(42), '*'],
      body: rows.map(([k, v]) => [{ text: k, color: GREY }, { text: v }]),
    },
    layout: 'noBorders',
    style: 'tabel',
  } as Content;
}

/** Keeps a heading together with what follows. */
export function section(title: string, content: Content[]): Content {
  return { stack: [h(title), ...content.slice(0, 1)], unbreakable: true, margin: [0, 0, 0, 0] } as ContentStack &
    Content;
}

export function sectionAll(title: string, content: Content[]): Content[] {
  if (content.length === 0) return [h(title)];
  return [section(title, content), ...content.slice(1)];
}

// ----- page furniture -----

function logoDataUrl(logo: Uint8Array | string | undefined): string | undefined {
  if (logo === undefined) return undefined;
  if (typeof logo === 'string') {
    if (isBlank(logo)) return undefined;
    return logo.startsWith('data:') ? logo : `data:image/png;base64,${logo}`;
  }
  return `data:image/png;base64,${Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength).toString('base64')}`;
}

/** True when the PNG has an alpha channel or a tRNS chunk (transparency: not allowed in PDF/A-1). */
export function pngHasTransparency(logo: Uint8Array | string | undefined): boolean {
  const url = logoDataUrl(logo);
  if (!url) return false;
  const buf = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  if (buf.length < 33 || buf.readUInt32BE(12) !== 0x49484452 /* IHDR */) return false;
  const colorType = buf[25];
  if (colorType === 4 || colorType === 6) return true;
  return buf.includes(Buffer.from('tRNS', 'latin1'));
}

function letterhead(d: LetterData): Content[] {
  const g = d.gemeente;
  const out: Content[] = [];
  const logo = logoDataUrl(g.logoPng);
  if (logo) out.push({ image: 'logo', fit: [mm(45), mm(24)], absolutePosition: { x: mm(22), y: mm(12) } } as Content);
  const lines: string[] = [g.adres.straat, `${g.adres.postcode} ${g.adres.plaats}`, `Telefoon ${g.telefoon}`];
  if (!isBlank(g.email)) lines.push(g.email!);
  if (!isBlank(g.website)) lines.push(g.website!);
  out.push({
    absolutePosition: { x: mm(125), y: mm(14) },
    stack: [
      { text: `Gemeente ${g.naam}`, bold: true, fontSize: 13, margin: [0, 0, 0, isBlank(g.afdeling) ? 3 : 0] },
      ...(isBlank(g.afdeling) ? [] : [{ text: g.afdeling!, bold: true, fontSize: 9.5, margin: [0, 0, 0, 3] }]),
      { text: lines.join('\n'), fontSize: 8.5, color: GREY, lineHeight: 1.15 },
    ],
    width: mm(65),
  } as Content);
  return out;
}

function addressBlock(d: LetterData): Content {
  const g = d.gemeente;
  const retour = `Retouradres: ${g.adres.straat}, ${g.adres.postcode} ${g.adres.plaats}`;
  // A representative's office first, then the person "t.a.v.": the window never shows the
  // relationship to the client (that is in the reference block, "Over").
  const ga = d.afschrift?.aan ?? d.geadresseerde;
  const wie = isBlank(ga.organisatie) ? [ga.naam] : [ga.organisatie!, `t.a.v. ${ga.naam}`];
  const lines = [...wie, ...ga.adresregels.filter((r) => !isBlank(r))];
  return {
    absolutePosition: { x: WINDOW.left + mm(4), y: WINDOW.top + mm(4) },
    stack: [
      { text: retour, fontSize: 6.5, color: GREY, margin: [0, 0, 0, mm(3)], width: WINDOW.width - mm(8) },
      { text: lines.join('\n'), fontSize: 10, lineHeight: 1.2 },
    ],
  } as Content;
}

function referenceBlock(d: LetterData): Content {
  const rows: [string, string][] = [
    ['Datum', datumNl(d.datum)],
    ['Ons kenmerk', d.kenmerk],
    ['Contactpersoon', d.contactpersoon.naam],
    ['Telefoon', d.contactpersoon.telefoon],
  ];
  if (!isBlank(d.contactpersoon.email)) rows.push(['E-mail', d.contactpersoon.email!]);
  if (d.afschrift || d.geadresseerde.rol || d.client.naam !== d.geadresseerde.naam) rows.push(['Over', d.client.naam]);
  if (!isBlank(d.client.geboortedatum)) rows.push(['Geboortedatum', datumNl(d.client.geboortedatum!)]);
  if (d.client.toonBsn && !isBlank(d.client.bsn)) rows.push(['BSN', d.client.bsn!]);
  return {
    absolutePosition: { x: mm(125), y: mm(53) },
    table: {
      widths: [mm(24), mm(44)],
      body: rows.map(([k, v]) => [
        { text: k, color: GREY, fontSize: 8.5 },
        { text: v, fontSize: 8.5 },
      ]),
    },
    layout: 'noBorders',
  } as Content;
}

function signature(d: LetterData): Content {
  const g = d.gemeente;
  return {
    stack: [
      { text: 'Met vriendelijke groet,', margin: [0, 8, 0, 0] },
      { text: `${g.mandaat},` },
      { text: g.ondertekenaar.naam, bold: true, margin: [0, 22, 0, 0] },
      { text: g.ondertekenaar.functie },
      ...vierOgenRegel(d),
      ...(d.kopieAan.length ? [{ text: `Een kopie van deze brief gaat naar: ${d.kopieAan.join('; ')}.`, fontSize: 9, color: GREY, margin: [0, 10, 0, 0] }] : []),
    ],
    unbreakable: true,
    style: 'alinea',
  } as Content;
}

/** Under the signature: who wrote the besluit and who fixed it (vier-ogen), as recorded. */
function vierOgenRegel(d: LetterData): Content[] {
  const v = d.beschikking?.vierOgen;
  if (!v) return [];
  const text = v.vastgesteldDoor
    ? `Opgesteld door ${v.opgesteldDoor}; vastgesteld door ${v.vastgesteldDoor}${v.mandaat ? ` (${v.mandaat})` : ''}.`
    : `Opgesteld door ${v.opgesteldDoor}; nog niet vastgesteld.`;
  return [{ text, fontSize: 8.5, color: GREY, margin: [0, 6, 0, 0] } as Content];
}

function stripXml(s: string): string {
  // pdfkit copies Title/Author into the XMP packet without escaping: keep them XML-safe.
  return s.replace(/[<>&"]/g, ' ');
}

/** The whole pdfmake document for one letter. Fresh object every call (pdfmake mutates it). */
export function buildDocument(d: LetterData, l: LetterLayout, pdfa: 'PDF/A-1b' | 'PDF/A-2b'): TDocumentDefinitions {
  const g = d.gemeente;
  const logo = logoDataUrl(g.logoPng);
  const kop = `Gemeente ${g.naam} · kenmerk ${d.kenmerk} · ${datumNl(d.datum)}`;
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    version: '1.4',
    subset: pdfa,
    language: 'nl-NL',
    compress: true,
    info: {
      title: stripXml(l.title),
      author: stripXml(`Gemeente ${g.naam}`),
      creator: 'Sociaal Loket',
      producer: 'Sociaal Loket (pdfmake)',
    },
    images: logo ? { logo } : {},
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.25 },
    styles: {
      kop: { fontSize: 11, bold: true, margin: [0, 9, 0, 3] },
      onderwerp: { fontSize: 12, bold: true, margin: [0, 0, 0, 8] },
      alinea: { margin: [0, 0, 0, 6] },
      lijst: { margin: [0, 0, 0, 6] },
      tabel: { margin: [0, 0, 0, 6] },
    },
    header: (currentPage: number) =>
      currentPage === 1
        ? null
        : ({ text: kop, fontSize: 8, color: GREY, margin: [MARGIN.left, mm(10), MARGIN.right, 0] } as Content),
    footer: (currentPage: number, pageCount: number) =>
      ({
        text: `pagina ${currentPage} van ${pageCount}`,
        fontSize: 8,
        color: GREY,
        alignment: 'right',
        margin: [MARGIN.left, mm(8), MARGIN.right, 0],
      }) as Content,
    content: [
      ...letterhead(d),
      addressBlock(d),
      referenceBlock(d),
      { text: '', margin: [0, BODY_TOP_PAGE1 - MARGIN.top, 0, 0] },
      ...afschriftKop(d),
      { text: l.onderwerp, style: 'onderwerp' },
      ...l.body,
      signature(d),
      ...(l.after ?? []),
    ],
  } as TDocumentDefinitions;
}

/** On a copy: "AFSCHRIFT" and whose letter it is, above the subject, so no one takes it for the original. */
function afschriftKop(d: LetterData): Content[] {
  if (!d.afschrift) return [];
  return [
    { text: 'AFSCHRIFT', bold: true, fontSize: 14, characterSpacing: 2, margin: [0, 0, 0, 2] },
    {
      text: `Dit is een afschrift van onze brief aan ${d.geadresseerde.naam}. U krijgt het als ${d.afschrift.rolLabel} van ${d.client.naam}, omdat ${d.client.naam} dat wil.`,
      fontSize: 9, color: GREY, margin: [0, 0, 0, 8],
    },
  ] as Content[];
}

/** Salutation: the caller's aanhef ("Beste mevrouw Jansen"), else "Beste <naam>". */
export function aanhef(d: LetterData): Content {
  const a = d.geadresseerde.aanhef;
  return p(isBlank(a) ? `Beste ${d.geadresseerde.naam},` : `${a!.replace(/,\s*$/, '')},`);
}

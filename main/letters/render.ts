// renderLetter(data) → PDF bytes. Deterministic: the same data gives a byte-identical PDF
// (CreationDate/ModDate = the letter's dagtekening, so pdfkit's document ID, an MD5 of the info
// dictionary, is fixed too; fonts are subset deterministically; no clock, no randomness).
// PDF/A-1b (XMP metadata with pdfaid, sRGB output intent, all fonts embedded); PDF/A-2b when the
// logo has transparency, which PDF/A-1 forbids.
import { beschikkingLayout } from './beschikking';
import { isoToUtcDate } from './format';
import { ensureFontFamily, getPdfMake, type PdfKitDoc } from './fonts';
import { gespreksverslagLayout } from './gespreksverslag';
import { buildDocument, type LetterLayout, pngHasTransparency } from './layout';
import { aanvulverzoekLayout } from './aanvulverzoek';
import { ontvangstbevestigingLayout } from './ontvangstbevestiging';
import { type LetterData, type LetterDataInput, LetterDataSchema, LetterIncompleteError } from './types';
import { verdagingLayout } from './verdaging';
import { voornemenLayout } from './voornemen';
import { missingElements } from './validate';

export { LetterIncompleteError } from './types';
export { missingElements } from './validate';

/** Wrong shape (not just empty fields): a programming or mapping error in the caller. */
export class LetterDataInvalidError extends Error {
  constructor(readonly issues: string[]) {
    super(`Ongeldige briefgegevens: ${issues.join('; ')}`);
    this.name = 'LetterDataInvalidError';
  }
}

/** Why a letter failed, for the person at the print queue: our own Dutch messages, or a plain notice. */
export function failureReason(e: unknown): string {
  if (e instanceof LetterIncompleteError || e instanceof LetterDataInvalidError) return e.message;
  return 'De brief kon niet worden gemaakt door een technische fout. Meld dit aan de beheerder.';
}

export function parseLetterData(input: unknown): LetterData {
  const r = LetterDataSchema.safeParse(input);
  if (!r.success) {
    throw new LetterDataInvalidError(r.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`));
  }
  return r.data;
}

export function layoutFor(d: LetterData): LetterLayout {
  switch (d.soort) {
    case 'beschikking':
      return beschikkingLayout(d);
    case 'gespreksverslag':
      return gespreksverslagLayout(d);
    case 'ontvangstbevestiging':
      return ontvangstbevestigingLayout(d);
    case 'voornemen':
      return voornemenLayout(d);
    case 'verdaging':
      return verdagingLayout(d);
    case 'aanvulverzoek':
      return aanvulverzoekLayout(d);
  }
}

/** Render options outside the letter's content: a preview is marked so it is never taken for the letter sent. */
export interface RenderOptions {
  /** Diagonal text across every page, e.g. "CONCEPT" on previews (not PDF/A: it is translucent). */
  watermark?: string;
}

/** Validates (shape, then the mandatory elements) and renders one letter to PDF. */
export async function renderLetter(input: LetterDataInput, opts: RenderOptions = {}): Promise<Buffer> {
  const data = parseLetterData(input);
  const missing = missingElements(data);
  if (missing.length) throw new LetterIncompleteError(missing);

  const pdfa = pngHasTransparency(data.gemeente.logoPng) ? 'PDF/A-2b' : 'PDF/A-1b';
  const doc = buildDocument(data, layoutFor(data), pdfa) as unknown as Record<string, unknown>;
  const when = isoToUtcDate(data.datum);
  doc.info = { ...(doc.info as object), creationDate: when, modDate: when };
  if (opts.watermark) doc.watermark = { text: opts.watermark, color: '#b01c1c', opacity: 0.18, bold: true, angle: -40 };

  const pdfmake = getPdfMake();
  ensureFontFamily(pdfmake);
  const kit = await pdfmake.createPdf(doc).getStream();
  // pdfkit writes xmp:CreateDate but not xmp:ModifyDate; PDF/A wants Info and XMP to agree.
  const stamp = `${when.toISOString().split('.')[0]}Z`;
  kit.appendXML(
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` +
      `<xmp:ModifyDate>${stamp}</xmp:ModifyDate><xmp:MetadataDate>${stamp}</xmp:MetadataDate></rdf:Description>`,
  );
  return collect(kit);
}

function collect(kit: PdfKitDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    kit.on('readable', () => {
      let c: Buffer | null;
      while ((c = kit.read()) !== null) chunks.push(c);
    });
    kit.on('end', () => resolve(Buffer.concat(chunks)));
    kit.on('error', (e) => reject(e));
    kit.end();
  });
}

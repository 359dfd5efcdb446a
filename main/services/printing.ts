import { LoketError } from '../../shared/errors';
import { sha256Hex } from '../letters/hash';
import { renderLetter } from '../letters/render';
import { LetterIncompleteError } from '../letters/types';
import { BeschikkingEntity, LetterEntity } from '../db/entities';
import { batchPdf, confirmBatch, generateBatch } from './printBatches';
import { clientIdOf, loadBeschikking } from './beschikkingen';
import { logAccess, notFound, nowIso, type TxContext } from './context';
import { VERSLAG_REFUSAL } from '../../shared/ipc/channels';
import { assertClientWritable } from './beperking';
import { MELDING_LETTERS, readsHulpvraagEnVerslag } from './toegang';
import { beschikkingLetterData, gespreksverslagData, ontvangstbevestigingData } from './letterData';
import { MeldingEntity, OnderzoekEntity } from '../db/entities';
import { completeTermijn, meldingKenmerk } from './zaakRecords';

/**
 * Letters: a live preview of a draft, and sending (printing) vastgestelde beschikkingen. A sent
 * letter's bytes and SHA-256 are stored with the beschikking and never change; a reprint returns
 * exactly those bytes.
 */

function incomplete(e: unknown): LoketError | null {
  return e instanceof LetterIncompleteError ? new LoketError('invoer', e.message) : null;
}

export async function previewBeschikking(tx: TxContext, input: { id: number }) {
  const b = await loadBeschikking(tx, input.id);
  const data = await beschikkingLetterData(tx, b, b.verzondenOp ?? tx.today());
  let pdf: Buffer;
  try {
    // A preview is never the letter that is sent: CONCEPT across every page.
    pdf = await renderLetter(data, { watermark: 'CONCEPT' });
  } catch (e) {
    throw incomplete(e) ?? e;
  }
  logAccess(tx, { action: 'lezen', objectType: 'brief-voorbeeld', objectId: b.id, clientId: await clientIdOf(tx.m, b.aanvraagId) });
  return { pdfBase64: pdf.toString('base64'), sha256: sha256Hex(pdf) };
}

/**
 * The one-step path of the CLI, which writes the combined PDF to a file itself: generate and
 * confirm in one transaction. The desk prints in two steps (print.generate, print.confirm).
 */
export async function sendLetters(tx: TxContext, input: { beschikkingIds: number[] }) {
  const { batch, failures } = await generateBatch(tx, input.beschikkingIds);
  if (!batch) return { printed: [], failures: failures.map(({ beschikkingId, reason }) => ({ beschikkingId, reason })), pdfBase64: null };
  const combined = await batchPdf(tx, batch.id);
  const printed = await confirmBatch(tx, batch.id);
  return { printed, failures: failures.map(({ beschikkingId, reason }) => ({ beschikkingId, reason })), pdfBase64: combined.toString('base64') };
}

export async function getLetter(tx: TxContext, input: { id: number }) {
  const letter = await tx.m.findOneBy(LetterEntity, { id: input.id });
  if (!letter) throw notFound('Brief', input.id);
  const b = letter.beschikkingId ? await tx.m.findOneBy(BeschikkingEntity, { id: letter.beschikkingId }) : null;
  if (MELDING_LETTERS.includes(letter.soort) && !readsHulpvraagEnVerslag(tx.session.user)) {
    const m = letter.meldingId ? await tx.m.findOneBy(MeldingEntity, { id: letter.meldingId }) : null;
    throw new LoketError('geen_toegang', VERSLAG_REFUSAL, undefined, m?.clientId);
  }
  logAccess(tx, { action: 'afdrukken', objectType: 'brief', objectId: letter.id, clientId: b ? await clientIdOf(tx.m, b.aanvraagId) : null, detail: 'herdruk van de opgeslagen brief' });
  return { pdfBase64: Buffer.from(letter.pdf).toString('base64'), sha256: letter.sha256 };
}

/**
 * The ontvangstbevestiging of a melding (Wmo 2.3.2 lid 1) or the written gespreksverslag: rendered,
 * stored like a sent beschikking letter, and the verslag's date of sending recorded.
 */
export async function sendMeldingLetter(tx: TxContext, input: { meldingId: number; soort: 'ontvangstbevestiging' | 'gespreksverslag' }) {
  const m = await tx.m.findOneBy(MeldingEntity, { id: input.meldingId });
  if (!m) throw notFound('Melding', input.meldingId);
  await assertClientWritable(tx, m.clientId); // AVG art. 18: no new letter while processing is restricted
  const today = tx.today();
  const onderzoek = await tx.m.findOneBy(OnderzoekEntity, { meldingId: m.id });
  if (input.soort === 'gespreksverslag' && !onderzoek) {
    throw new LoketError('invoer', 'Er is nog geen gespreksverslag vastgelegd bij deze melding. Vul eerst het verslag in.', 'soort');
  }
  const data = input.soort === 'ontvangstbevestiging'
    ? await ontvangstbevestigingData(tx, m.id, meldingKenmerk(m), today)
    : await gespreksverslagData(tx, m.id, meldingKenmerk(m), today);
  let pdf: Buffer;
  try {
    pdf = await renderLetter(data);
  } catch (e) {
    throw incomplete(e) ?? e;
  }
  const sha256 = sha256Hex(pdf);
  const res = await tx.m.insert(LetterEntity, { soort: input.soort, meldingId: m.id, beschikkingId: null, pdf, sha256, createdAt: nowIso(), createdBy: tx.session.user.id });
  if (input.soort === 'gespreksverslag' && onderzoek && !onderzoek.verslagVerzondenOp) {
    await tx.m.update(OnderzoekEntity, { id: onderzoek.id }, { verslagVerzondenOp: today });
    // The onderzoek term is met when the written verslag is sent (Wmo 2.3.2), not on the day of the gesprek.
    await completeTermijn(tx, m.id, 'onderzoek', today);
  }
  logAccess(tx, { action: 'afdrukken', objectType: input.soort, objectId: m.id, clientId: m.clientId });
  return { letterId: res.identifiers[0]!.id as number, pdfBase64: pdf.toString('base64'), sha256 };
}

import { LoketError } from '../../shared/errors';
import { iwmoConfigProblems, readExportConfig, zgwConfigProblems } from '../export/config';
import { enqueueIwmoExport, enqueueZgwExport } from '../export/outbox';
import { printBatch } from '../letters/batch';
import { sha256Hex } from '../letters/hash';
import { countPages, mergePdfs } from '../letters/pdf-merge';
import { renderLetter } from '../letters/render';
import { LetterIncompleteError } from '../letters/types';
import { BeschikkingEntity, LetterEntity } from '../db/entities';
import { clientIdOf, loadBeschikking } from './beschikkingen';
import { BEPERKT_MELDING, isBeperkt } from './beperking';
import { inTransaction, logAccess, notFound, nowIso, type HandlerContext } from './context';
import { beschikkingLetterData, gespreksverslagData, ontvangstbevestigingData } from './letterData';
import { MeldingEntity, OnderzoekEntity } from '../db/entities';
import { meldingKenmerk } from './zaken';

/**
 * Letters: a live preview of a draft, and sending (printing) vastgestelde beschikkingen. A sent
 * letter's bytes and SHA-256 are stored with the beschikking and never change; a reprint returns
 * exactly those bytes.
 */

function incomplete(e: unknown): LoketError | null {
  return e instanceof LetterIncompleteError ? new LoketError('invoer', e.message) : null;
}

export function previewBeschikking(ctx: HandlerContext, input: { id: number }) {
  return inTransaction(ctx, async (tx) => {
    const b = await loadBeschikking(tx, input.id);
    const data = await beschikkingLetterData(tx, b, b.verzondenOp ?? tx.today());
    let pdf: Buffer;
    try {
      pdf = await renderLetter(data);
    } catch (e) {
      throw incomplete(e) ?? e;
    }
    logAccess(tx, { action: 'lezen', objectType: 'brief-voorbeeld', objectId: b.id, clientId: clientIdOf(tx.raw, b.aanvraagId) });
    return { pdfBase64: pdf.toString('base64'), sha256: sha256Hex(pdf) };
  });
}

export function sendLetters(ctx: HandlerContext, input: { beschikkingIds: number[] }) {
  return inTransaction(ctx, async (tx) => {
    const today = tx.today();
    const failures: { beschikkingId: number; reason: string }[] = [];
    const items: { id: string; data: Awaited<ReturnType<typeof beschikkingLetterData>> }[] = [];
    const rows = new Map<number, Awaited<ReturnType<typeof loadBeschikking>>>();
    for (const id of input.beschikkingIds) {
      const b = await tx.m.findOneBy(BeschikkingEntity, { id });
      if (!b) { failures.push({ beschikkingId: id, reason: `Beschikking ${id} bestaat niet.` }); continue; }
      if (b.status !== 'vastgesteld') {
        failures.push({ beschikkingId: id, reason: b.status === 'verzonden' ? `${b.kenmerk} is al verzonden; druk de opgeslagen brief opnieuw af.` : `${b.kenmerk} is nog niet vastgesteld.` });
        continue;
      }
      const clientId = clientIdOf(tx.raw, b.aanvraagId);
      if (isBeperkt(tx.raw, clientId) && !tx.session.user.roles.includes('beheerder')) {
        failures.push({ beschikkingId: id, reason: BEPERKT_MELDING });
        continue;
      }
      rows.set(id, b);
      items.push({ id: String(id), data: await beschikkingLetterData(tx, b, today) });
    }
    const result = items.length ? await printBatch(items, { mode: 'separate' }) : { files: [], failures: [] };
    // A sent beschikking goes to the central system: queued in this same transaction, so it is never lost.
    const exportConfig = await readExportConfig(tx.m);
    const queueZgw = zgwConfigProblems(exportConfig).length === 0;
    const queueIwmo = iwmoConfigProblems(exportConfig).length === 0;
    for (const f of result.failures) failures.push({ beschikkingId: Number(f.id), reason: f.reason });
    const printed: { beschikkingId: number; letterId: number; sha256: string; pages: number }[] = [];
    const pdfs: Buffer[] = [];
    for (const file of result.files ?? []) {
      const b = rows.get(Number(file.id))!;
      const pdf = Buffer.from(file.pdf);
      const sha256 = sha256Hex(pdf);
      const res = await tx.m.insert(LetterEntity, { soort: `beschikking-${b.soort}`, meldingId: null, beschikkingId: b.id, pdf, sha256, createdAt: nowIso(), createdBy: tx.session.user.id });
      await tx.m.update(BeschikkingEntity, { id: b.id }, { status: 'verzonden', verzondenOp: today, updatedAt: nowIso() });
      if (queueZgw) await enqueueZgwExport(tx, b.id);
      const toewijzingen = tx.raw.prepare(`SELECT count(*) AS n FROM beschikking_indicaties bi JOIN indicaties i ON i.id = bi.indicatie_id
        WHERE bi.beschikking_id = ? AND i.leveringsvorm = 'ZIN' AND i.toewijzing_nummer IS NOT NULL`).get(b.id) as { n: number };
      if (queueIwmo && toewijzingen.n > 0) await enqueueIwmoExport(tx, b.id);
      logAccess(tx, { action: 'afdrukken', objectType: 'beschikking', objectId: b.id, clientId: clientIdOf(tx.raw, b.aanvraagId), detail: `brief verzonden, sha256 ${sha256.slice(0, 16)}…` });
      printed.push({ beschikkingId: b.id, letterId: res.identifiers[0]!.id as number, sha256, pages: countPages(pdf) });
      pdfs.push(pdf);
    }
    // One file for the printer: exactly the stored letters, page after page.
    const combined = pdfs.length
      ? mergePdfs(pdfs, { title: `Beschikkingen ${today}`, author: tx.session.user.displayName, date: new Date(`${today}T12:00:00Z`) })
      : null;
    return { printed, failures, pdfBase64: combined ? Buffer.from(combined).toString('base64') : null };
  });
}

export function getLetter(ctx: HandlerContext, input: { id: number }) {
  return inTransaction(ctx, async (tx) => {
    const letter = await tx.m.findOneBy(LetterEntity, { id: input.id });
    if (!letter) throw notFound('Brief', input.id);
    const b = letter.beschikkingId ? await tx.m.findOneBy(BeschikkingEntity, { id: letter.beschikkingId }) : null;
    logAccess(tx, { action: 'afdrukken', objectType: 'brief', objectId: letter.id, clientId: b ? clientIdOf(tx.raw, b.aanvraagId) : null, detail: 'herdruk van de opgeslagen brief' });
    return { pdfBase64: Buffer.from(letter.pdf).toString('base64'), sha256: letter.sha256 };
  });
}

/**
 * The ontvangstbevestiging of a melding (Wmo 2.3.2 lid 1) or the written gespreksverslag: rendered,
 * stored like a sent beschikking letter, and the verslag's date of sending recorded.
 */
export function sendMeldingLetter(ctx: HandlerContext, input: { meldingId: number; soort: 'ontvangstbevestiging' | 'gespreksverslag' }) {
  return inTransaction(ctx, async (tx) => {
    const m = await tx.m.findOneBy(MeldingEntity, { id: input.meldingId });
    if (!m) throw notFound('Melding', input.meldingId);
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
    }
    logAccess(tx, { action: 'afdrukken', objectType: input.soort, objectId: m.id, clientId: m.clientId });
    return { letterId: res.identifiers[0]!.id as number, pdfBase64: pdf.toString('base64'), sha256 };
  });
}

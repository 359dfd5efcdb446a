import { LoketError } from '../../shared/errors';
import type { PrintBatch } from '../../shared/ipc/desk-channels';
import { formatDutchDate } from '../../shared/dates';
import { enqueueDueExports } from '../export/outbox';
import { printBatch } from '../letters/batch';
import { sha256Hex } from '../letters/hash';
import { countPages, mergePdfs } from '../letters/pdf-merge';
import { AanvraagEntity, BeschikkingEntity, LetterEntity } from '../db/entities';
import { clientIdOf } from './beschikkingen';
import { assertClientWritable, BEPERKT_MELDING, isBeperkt } from './beperking';
import { clientNaam } from './clients';
import { logAccess, notFound, nowIso, type TxContext } from './context';
import { afschriften, beschikkingLetterData } from './letterData';
import { completeTermijn } from './zaakRecords';

/**
 * Printing in two steps. `generate` renders the letters and keeps them as a batch in the encrypted
 * database; nothing is verzonden. Only `confirm` ("zijn ze geprint? ja") stores each letter's exact
 * bytes as the sent letter, marks the beschikking verzonden and queues its export. `discard` drops
 * the batch and the beschikkingen are back in the print queue. A batch's PDFs are deleted when it
 * is confirmed or discarded (secure_delete is on).
 */

type Failure = { beschikkingId: number; kenmerk: string | null; reason: string };

export async function generateBatch(tx: TxContext, beschikkingIds: number[]): Promise<{ batch: PrintBatch | null; failures: Failure[] }> {
  const today = tx.today();
  const failures: Failure[] = [];
  const items: { id: string; data: Awaited<ReturnType<typeof beschikkingLetterData>> }[] = [];
  const kenmerken = new Map<number, string>();
  // A copy for a representative who gets one (e.g. the beschermingsbewindvoerder): its own letter, printed after the original.
  const kopie = new Map<string, { beschikkingId: number; volgnr: number; aan: string }>();
  for (const id of beschikkingIds) {
    const b = await tx.m.findOneBy(BeschikkingEntity, { id });
    if (!b) { failures.push({ beschikkingId: id, kenmerk: null, reason: `Beschikking ${id} bestaat niet (meer). Ververs het scherm.` }); continue; }
    kenmerken.set(id, b.kenmerk);
    // AVG art. 18 first: a restricted client's letter is refused whatever else holds.
    if (await isBeperkt(tx.m, await clientIdOf(tx.m, b.aanvraagId)) && !tx.session.user.roles.includes('beheerder')) {
      failures.push({ beschikkingId: id, kenmerk: b.kenmerk, reason: BEPERKT_MELDING });
      continue;
    }
    if (b.status !== 'vastgesteld') {
      failures.push({ beschikkingId: id, kenmerk: b.kenmerk, reason: b.status === 'verzonden' ? `${b.kenmerk} is al verzonden; druk de opgeslagen brief opnieuw af.` : `${b.kenmerk} is nog niet vastgesteld.` });
      continue;
    }
    const waiting = tx.raw.prepare(`SELECT pb.id FROM print_batch_letters bl JOIN print_batches pb ON pb.id = bl.batch_id
      WHERE bl.beschikking_id = ? AND pb.status = 'klaar'`).pluck().get(id) as number | undefined;
    if (waiting !== undefined) {
      failures.push({ beschikkingId: id, kenmerk: b.kenmerk, reason: `${b.kenmerk} zit al in stapel ${waiting}, die wacht op bevestiging.` });
      continue;
    }
    const data = await beschikkingLetterData(tx, b, today);
    items.push({ id: String(id), data });
    (await afschriften(tx, data, await clientIdOf(tx.m, b.aanvraagId))).forEach((a, i) => {
      const aid = `${id}/afschrift-${i + 1}`;
      kopie.set(aid, { beschikkingId: id, volgnr: i + 1, aan: a.afschrift!.aan.organisatie ? `${a.afschrift!.aan.naam}, ${a.afschrift!.aan.organisatie}` : a.afschrift!.aan.naam });
      items.push({ id: aid, data: a });
    });
  }
  const result = items.length ? await printBatch(items, { mode: 'separate' }) : { files: [], failures: [] };
  const mislukt = new Set<number>();
  for (const f of result.failures) {
    const beschikkingId = kopie.get(f.id)?.beschikkingId ?? Number(f.id);
    if (mislukt.has(beschikkingId)) continue;
    mislukt.add(beschikkingId);
    failures.push({ beschikkingId, kenmerk: kenmerken.get(beschikkingId) ?? null, reason: kopie.has(f.id) ? `Het afschrift kon niet worden gemaakt: ${f.reason}` : f.reason });
  }
  // An original goes only with its copies: a letter whose copy failed waits in the queue.
  const alle = (result.files ?? []).filter((f) => !mislukt.has(kopie.get(f.id)?.beschikkingId ?? Number(f.id)));
  const files = alle.filter((f) => !kopie.has(f.id));
  if (files.length === 0) return { batch: null, failures };
  const batchId = Number(tx.raw.prepare(`INSERT INTO print_batches (status, datum, created_by, created_at) VALUES ('klaar', ?, ?, ?)`)
    .run(today, tx.session.user.id, nowIso()).lastInsertRowid);
  const insert = tx.raw.prepare('INSERT INTO print_batch_letters (batch_id, beschikking_id, pdf, sha256, pages) VALUES (?, ?, ?, ?, ?)');
  for (const file of files) {
    const pdf = Buffer.from(file.pdf);
    insert.run(batchId, Number(file.id), pdf, sha256Hex(pdf), countPages(pdf));
  }
  const insertKopie = tx.raw.prepare('INSERT INTO print_batch_afschriften (batch_id, beschikking_id, volgnr, aan, pdf, sha256, pages) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const file of alle.filter((f) => kopie.has(f.id))) {
    const k = kopie.get(file.id)!;
    const pdf = Buffer.from(file.pdf);
    insertKopie.run(batchId, k.beschikkingId, k.volgnr, k.aan, pdf, sha256Hex(pdf), countPages(pdf));
  }
  logAccess(tx, { action: 'afdrukken', objectType: 'printstapel', objectId: batchId, detail: `${files.length} brieven klaargezet, nog niet verzonden` });
  return { batch: loadBatches(tx, batchId)[0]!, failures };
}

function loadBatches(tx: TxContext, onlyId?: number): PrintBatch[] {
  const batches = tx.raw.prepare(`SELECT pb.id, pb.datum, pb.created_at, u.display_name FROM print_batches pb JOIN users u ON u.id = pb.created_by
    WHERE pb.status = 'klaar'${onlyId !== undefined ? ' AND pb.id = ?' : ''} ORDER BY pb.id`)
    .all(...(onlyId !== undefined ? [onlyId] : [])) as { id: number; datum: string; created_at: string; display_name: string }[];
  const letters = tx.raw.prepare(`SELECT bl.beschikking_id, bl.pages, bl.sha256, b.kenmerk, c.voornamen, c.voorletters, c.voorvoegsel, c.geslachtsnaam,
      c.partner_voorvoegsel, c.partner_geslachtsnaam, c.naamgebruik
    FROM print_batch_letters bl JOIN beschikkingen b ON b.id = bl.beschikking_id JOIN aanvragen a ON a.id = b.aanvraag_id
      JOIN meldingen m ON m.id = a.melding_id JOIN clients c ON c.id = m.client_id
    WHERE bl.batch_id = ? ORDER BY bl.rowid`);
  const kopieen = tx.raw.prepare('SELECT aan FROM print_batch_afschriften WHERE batch_id = ? AND beschikking_id = ? ORDER BY volgnr').pluck();
  return batches.map((pb) => ({
    id: pb.id, datum: pb.datum, door: pb.display_name, aangemaaktOp: pb.created_at,
    brieven: (letters.all(pb.id) as Record<string, unknown>[]).map((r) => ({
      beschikkingId: r.beschikking_id as number, kenmerk: r.kenmerk as string, pages: r.pages as number, sha256: r.sha256 as string,
      afschriftAan: kopieen.all(pb.id, r.beschikking_id) as string[],
      clientNaam: clientNaam({
        voornamen: r.voornamen as string, voorletters: r.voorletters as string | null, voorvoegsel: r.voorvoegsel as string | null,
        geslachtsnaam: r.geslachtsnaam as string, partnerVoorvoegsel: r.partner_voorvoegsel as string | null,
        partnerGeslachtsnaam: r.partner_geslachtsnaam as string | null, naamgebruik: r.naamgebruik as string,
      }),
    })),
  }));
}

function openBatch(tx: TxContext, id: number): { id: number; datum: string } {
  const pb = tx.raw.prepare('SELECT id, datum, status FROM print_batches WHERE id = ?').get(id) as { id: number; datum: string; status: string } | undefined;
  if (!pb) throw notFound('Printstapel', id);
  if (pb.status !== 'klaar') throw new LoketError('conflict', `Stapel ${id} is al ${pb.status === 'bevestigd' ? 'bevestigd als geprint' : 'verworpen'}. Ververs het scherm.`);
  return pb;
}

/** The batch as one file for the printer: exactly the kept letters, page after page. */
export function batchPdf(tx: TxContext, id: number): Buffer {
  const pb = openBatch(tx, id);
  // Each original, then its copies: the copy goes in its own envelope right after the letter.
  const pdfs = (tx.raw.prepare(`SELECT pdf FROM (
      SELECT bl.pdf, bl.rowid AS n, 0 AS volgnr FROM print_batch_letters bl WHERE bl.batch_id = ?
      UNION ALL SELECT ba.pdf, bl.rowid AS n, ba.volgnr FROM print_batch_afschriften ba
        JOIN print_batch_letters bl ON bl.batch_id = ba.batch_id AND bl.beschikking_id = ba.beschikking_id WHERE ba.batch_id = ?)
    ORDER BY n, volgnr`).pluck().all(id, id) as Buffer[]).map((b) => Buffer.from(b));
  return Buffer.from(mergePdfs(pdfs, { title: `Beschikkingen ${pb.datum}`, author: tx.session.user.displayName, date: new Date(`${pb.datum}T12:00:00Z`) }));
}

export async function confirmBatch(tx: TxContext, id: number): Promise<{ beschikkingId: number; letterId: number; sha256: string; pages: number }[]> {
  const pb = openBatch(tx, id);
  const today = tx.today();
  if (pb.datum !== today) {
    throw new LoketError('conflict', `Stapel ${id} is gemaakt op ${formatDutchDate(pb.datum)}; die datum staat in de brieven. Verwerp de stapel en maak hem vandaag opnieuw.`);
  }
  const rows = tx.raw.prepare('SELECT beschikking_id, pdf, sha256, pages FROM print_batch_letters WHERE batch_id = ? ORDER BY rowid')
    .all(id) as { beschikking_id: number; pdf: Buffer; sha256: string; pages: number }[];
  const printed: { beschikkingId: number; letterId: number; sha256: string; pages: number }[] = [];
  for (const r of rows) {
    const b = await tx.m.findOneByOrFail(BeschikkingEntity, { id: r.beschikking_id });
    if (b.status !== 'vastgesteld') throw new LoketError('conflict', `${b.kenmerk} is intussen ${b.status}; verwerp stapel ${id} en maak een nieuwe.`);
    await assertClientWritable(tx, await clientIdOf(tx.m, b.aanvraagId)); // restricted since the batch was made: nothing is sent

    const pdf = Buffer.from(r.pdf);
    const res = await tx.m.insert(LetterEntity, { soort: `beschikking-${b.soort}`, meldingId: null, beschikkingId: b.id, pdf, sha256: r.sha256, createdAt: nowIso(), createdBy: tx.session.user.id });
    await tx.m.update(BeschikkingEntity, { id: b.id }, { status: 'verzonden', verzondenOp: pb.datum, updatedAt: nowIso() });
    // Bekendmaking (Awb 3:41) meets the beschikking term, not the vaststelling.
    const aanvraag = await tx.m.findOneByOrFail(AanvraagEntity, { id: b.aanvraagId });
    await completeTermijn(tx, aanvraag.meldingId, 'beschikking', pb.datum);
    // A sent beschikking goes to the central system: queued in this same transaction, so it is never lost.
    await enqueueDueExports(tx, b.id);
    logAccess(tx, { action: 'afdrukken', objectType: 'beschikking', objectId: b.id, clientId: await clientIdOf(tx.m, b.aanvraagId), detail: `brief verzonden (stapel ${id}), sha256 ${r.sha256.slice(0, 16)}…` });
    // The copies are stored as sent too (in the dossier of the melding), not as the beschikking's letter.
    for (const k of tx.raw.prepare('SELECT aan, pdf, sha256 FROM print_batch_afschriften WHERE batch_id = ? AND beschikking_id = ? ORDER BY volgnr')
      .all(id, b.id) as { aan: string; pdf: Buffer; sha256: string }[]) {
      await tx.m.insert(LetterEntity, { soort: 'afschrift-beschikking', meldingId: aanvraag.meldingId, beschikkingId: null, pdf: Buffer.from(k.pdf), sha256: k.sha256, createdAt: nowIso(), createdBy: tx.session.user.id });
      logAccess(tx, { action: 'afdrukken', objectType: 'afschrift', objectId: b.id, clientId: await clientIdOf(tx.m, b.aanvraagId), detail: `afschrift verzonden (stapel ${id}), sha256 ${k.sha256.slice(0, 16)}…` });
    }
    printed.push({ beschikkingId: b.id, letterId: res.identifiers[0]!.id as number, sha256: r.sha256, pages: r.pages });
  }
  closeBatch(tx, id, 'bevestigd');
  return printed;
}

function closeBatch(tx: TxContext, id: number, status: 'bevestigd' | 'verworpen'): void {
  tx.raw.prepare('DELETE FROM print_batch_afschriften WHERE batch_id = ?').run(id);
  tx.raw.prepare('DELETE FROM print_batch_letters WHERE batch_id = ?').run(id);
  tx.raw.prepare('UPDATE print_batches SET status = ?, afgehandeld_op = ? WHERE id = ?').run(status, nowIso(), id);
}

/* ---------- the channels ---------- */

export function generate(tx: TxContext, input: { beschikkingIds: number[] }) {
  return generateBatch(tx, input.beschikkingIds);
}

export function batches(tx: TxContext) {
  return { batches: loadBatches(tx) };
}

export async function getBatchPdf(tx: TxContext, input: { id: number }) {
  const pdf = batchPdf(tx, input.id);
  logAccess(tx, { action: 'afdrukken', objectType: 'printstapel', objectId: input.id, detail: 'stapel geopend om te printen' });
  return { pdfBase64: pdf.toString('base64'), sha256: sha256Hex(pdf) };
}

export async function confirm(tx: TxContext, input: { id: number }) {
  return { printed: await confirmBatch(tx, input.id) };
}

export async function discard(tx: TxContext, input: { id: number }) {
  openBatch(tx, input.id);
  closeBatch(tx, input.id, 'verworpen');
  logAccess(tx, { action: 'wijzigen', objectType: 'printstapel', objectId: input.id, detail: 'verworpen: niet geprint, terug in de wachtrij' });
  return { ok: true as const };
}

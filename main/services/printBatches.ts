import { LoketError } from '../../shared/errors';
import type { PrintBatch } from '../../shared/ipc/desk-channels';
import { formatDutchDate } from '../../shared/dates';
import { enqueueDueExports } from '../export/outbox';
import { printBatch } from '../letters/batch';
import { sha256Hex } from '../letters/hash';
import { countPages, mergePdfs } from '../letters/pdf-merge';
import { In } from 'typeorm';
import {
  AanvraagEntity, BeschikkingEntity, ClientEntity, LetterEntity, MeldingEntity, PrintBatchAfschriftEntity, PrintBatchEntity,
  PrintBatchLetterEntity, UserEntity, type PrintBatchRow,
} from '../db/entities';
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
    const clientId = await clientIdOf(tx.m, b.aanvraagId);
    if (await isBeperkt(tx.m, clientId) && !tx.session.user.roles.includes('beheerder')) {
      failures.push({ beschikkingId: id, kenmerk: b.kenmerk, reason: BEPERKT_MELDING });
      continue;
    }
    if (b.status !== 'vastgesteld') {
      failures.push({ beschikkingId: id, kenmerk: b.kenmerk, reason: b.status === 'verzonden' ? `${b.kenmerk} is al verzonden; druk de opgeslagen brief opnieuw af.` : `${b.kenmerk} is nog niet vastgesteld.` });
      continue;
    }
    const waiting = (await tx.m.createQueryBuilder(PrintBatchLetterEntity, 'bl')
      .innerJoin(PrintBatchEntity.options.name, 'pb', 'pb.id = bl.batchId')
      .select('pb.id', 'id').where('bl.beschikkingId = :id AND pb.status = :klaar', { id, klaar: 'klaar' })
      .getRawOne<{ id: number }>())?.id;
    if (waiting !== undefined) {
      failures.push({ beschikkingId: id, kenmerk: b.kenmerk, reason: `${b.kenmerk} zit al in stapel ${waiting}, die wacht op bevestiging.` });
      continue;
    }
    const data = await beschikkingLetterData(tx, b, today);
    items.push({ id: String(id), data });
    (await afschriften(tx, data, clientId)).forEach((a, i) => {
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
  const res = await tx.m.insert(PrintBatchEntity, { status: 'klaar', datum: today, createdBy: tx.session.user.id, createdAt: nowIso(), afgehandeldOp: null });
  const batchId = res.identifiers[0]!.id as number;
  for (const file of files) {
    const pdf = Buffer.from(file.pdf);
    await tx.m.insert(PrintBatchLetterEntity, { batchId, beschikkingId: Number(file.id), pdf, sha256: sha256Hex(pdf), pages: countPages(pdf) });
  }
  for (const file of alle.filter((f) => kopie.has(f.id))) {
    const k = kopie.get(file.id)!;
    const pdf = Buffer.from(file.pdf);
    await tx.m.insert(PrintBatchAfschriftEntity, { batchId, beschikkingId: k.beschikkingId, volgnr: k.volgnr, aan: k.aan, pdf, sha256: sha256Hex(pdf), pages: countPages(pdf) });
  }
  logAccess(tx, { action: 'afdrukken', objectType: 'printstapel', objectId: batchId, detail: `${files.length} brieven klaargezet, nog niet verzonden` });
  return { batch: (await loadBatches(tx, batchId))[0]!, failures };
}

/**
 * A batch's letters in the order they were put in it. The table has no sequence column: the
 * order is the insertion order, SQLite's rowid.
 */
function lettersInOrder(tx: TxContext) {
  return tx.m.createQueryBuilder(PrintBatchLetterEntity, 'bl').orderBy('bl.batchId').addOrderBy('bl.rowid');
}

/** The kept batches waiting for confirmation (or one of them): three queries for any number of letters. */
async function loadBatches(tx: TxContext, onlyId?: number): Promise<PrintBatch[]> {
  const q = tx.m.createQueryBuilder(PrintBatchEntity, 'pb')
    .innerJoin(UserEntity.options.name, 'u', 'u.id = pb.createdBy')
    .select(['pb.id AS id', 'pb.datum AS datum', 'pb.createdAt AS created_at', 'u.displayName AS display_name'])
    .where('pb.status = :klaar', { klaar: 'klaar' });
  if (onlyId !== undefined) q.andWhere('pb.id = :onlyId', { onlyId });
  const batches = await q.orderBy('pb.id').getRawMany<{ id: number; datum: string; created_at: string; display_name: string }>();
  if (batches.length === 0) return [];
  const batchIds = batches.map((pb) => pb.id);
  const letters = await lettersInOrder(tx)
    .innerJoin(BeschikkingEntity.options.name, 'b', 'b.id = bl.beschikkingId')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
    .innerJoin(ClientEntity.options.name, 'c', 'c.id = m.clientId')
    .select(['bl.batchId AS batch_id', 'bl.beschikkingId AS beschikking_id', 'bl.pages AS pages', 'bl.sha256 AS sha256', 'b.kenmerk AS kenmerk',
      'c.voornamen AS voornamen', 'c.voorletters AS voorletters', 'c.voorvoegsel AS voorvoegsel', 'c.geslachtsnaam AS geslachtsnaam',
      'c.partnerVoorvoegsel AS partner_voorvoegsel', 'c.partnerGeslachtsnaam AS partner_geslachtsnaam', 'c.naamgebruik AS naamgebruik'])
    .where('bl.batchId IN (:...batchIds)', { batchIds })
    .getRawMany<{
      batch_id: number; beschikking_id: number; pages: number; sha256: string; kenmerk: string; voornamen: string; voorletters: string | null;
      voorvoegsel: string | null; geslachtsnaam: string; partner_voorvoegsel: string | null; partner_geslachtsnaam: string | null; naamgebruik: string;
    }>();
  const kopieen = await tx.m.find(PrintBatchAfschriftEntity, {
    where: { batchId: In(batchIds) }, order: { volgnr: 'ASC' }, select: { batchId: true, beschikkingId: true, volgnr: true, aan: true },
  });
  return batches.map((pb) => ({
    id: pb.id, datum: pb.datum, door: pb.display_name, aangemaaktOp: pb.created_at,
    brieven: letters.filter((r) => r.batch_id === pb.id).map((r) => ({
      beschikkingId: r.beschikking_id, kenmerk: r.kenmerk, pages: r.pages, sha256: r.sha256,
      afschriftAan: kopieen.filter((k) => k.batchId === pb.id && k.beschikkingId === r.beschikking_id).map((k) => k.aan),
      clientNaam: clientNaam({
        voornamen: r.voornamen, voorletters: r.voorletters, voorvoegsel: r.voorvoegsel, geslachtsnaam: r.geslachtsnaam,
        partnerVoorvoegsel: r.partner_voorvoegsel, partnerGeslachtsnaam: r.partner_geslachtsnaam, naamgebruik: r.naamgebruik,
      }),
    })),
  }));
}

/** A batch's kept letters with their bytes, in print order. */
function batchLetters(tx: TxContext, batchId: number) {
  return lettersInOrder(tx)
    .select(['bl.beschikkingId AS beschikking_id', 'bl.pdf AS pdf', 'bl.sha256 AS sha256', 'bl.pages AS pages'])
    .where('bl.batchId = :batchId', { batchId })
    .getRawMany<{ beschikking_id: number; pdf: Buffer; sha256: string; pages: number }>();
}

/** The copies of one letter in a batch, in print order. */
function afschriftenVan(tx: TxContext, batchId: number, beschikkingId: number) {
  return tx.m.find(PrintBatchAfschriftEntity, { where: { batchId, beschikkingId }, order: { volgnr: 'ASC' } });
}

async function openBatch(tx: TxContext, id: number): Promise<PrintBatchRow> {
  const pb = await tx.m.findOneBy(PrintBatchEntity, { id });
  if (!pb) throw notFound('Printstapel', id);
  if (pb.status !== 'klaar') throw new LoketError('conflict', `Stapel ${id} is al ${pb.status === 'bevestigd' ? 'bevestigd als geprint' : 'verworpen'}. Ververs het scherm.`);
  return pb;
}

/** The batch as one file for the printer: exactly the kept letters, page after page. */
export async function batchPdf(tx: TxContext, id: number): Promise<Buffer> {
  const pb = await openBatch(tx, id);
  // Each original, then its copies: the copy goes in its own envelope right after the letter.
  const kopieen = await tx.m.find(PrintBatchAfschriftEntity, { where: { batchId: id }, order: { volgnr: 'ASC' } });
  const pdfs = (await batchLetters(tx, id)).flatMap((l) => [l.pdf, ...kopieen.filter((k) => k.beschikkingId === l.beschikking_id).map((k) => k.pdf)])
    .map((b) => Buffer.from(b));
  return Buffer.from(mergePdfs(pdfs, { title: `Beschikkingen ${pb.datum}`, author: tx.session.user.displayName, date: new Date(`${pb.datum}T12:00:00Z`) }));
}

export async function confirmBatch(tx: TxContext, id: number): Promise<{ beschikkingId: number; letterId: number; sha256: string; pages: number }[]> {
  const pb = await openBatch(tx, id);
  const today = tx.today();
  if (pb.datum !== today) {
    throw new LoketError('conflict', `Stapel ${id} is gemaakt op ${formatDutchDate(pb.datum)}; die datum staat in de brieven. Verwerp de stapel en maak hem vandaag opnieuw.`);
  }
  const rows = await batchLetters(tx, id);
  const printed: { beschikkingId: number; letterId: number; sha256: string; pages: number }[] = [];
  for (const r of rows) {
    const b = await tx.m.findOneByOrFail(BeschikkingEntity, { id: r.beschikking_id });
    if (b.status !== 'vastgesteld') throw new LoketError('conflict', `${b.kenmerk} is intussen ${b.status}; verwerp stapel ${id} en maak een nieuwe.`);
    const clientId = await clientIdOf(tx.m, b.aanvraagId);
    await assertClientWritable(tx, clientId); // restricted since the batch was made: nothing is sent

    const pdf = Buffer.from(r.pdf);
    const res = await tx.m.insert(LetterEntity, { soort: `beschikking-${b.soort}`, meldingId: null, beschikkingId: b.id, pdf, sha256: r.sha256, createdAt: nowIso(), createdBy: tx.session.user.id });
    await tx.m.update(BeschikkingEntity, { id: b.id }, { status: 'verzonden', verzondenOp: pb.datum, updatedAt: nowIso() });
    // Bekendmaking (Awb 3:41) meets the beschikking term, not the vaststelling.
    const aanvraag = await tx.m.findOneByOrFail(AanvraagEntity, { id: b.aanvraagId });
    await completeTermijn(tx, aanvraag.meldingId, 'beschikking', pb.datum);
    // A sent beschikking goes to the central system: queued in this same transaction, so it is never lost.
    await enqueueDueExports(tx, b.id);
    logAccess(tx, { action: 'afdrukken', objectType: 'beschikking', objectId: b.id, clientId, detail: `brief verzonden (stapel ${id}), sha256 ${r.sha256.slice(0, 16)}…` });
    // The copies are stored as sent too (in the dossier of the melding), not as the beschikking's letter.
    for (const k of await afschriftenVan(tx, id, b.id)) {
      await tx.m.insert(LetterEntity, { soort: 'afschrift-beschikking', meldingId: aanvraag.meldingId, beschikkingId: null, pdf: Buffer.from(k.pdf), sha256: k.sha256, createdAt: nowIso(), createdBy: tx.session.user.id });
      logAccess(tx, { action: 'afdrukken', objectType: 'afschrift', objectId: b.id, clientId, detail: `afschrift verzonden (stapel ${id}), sha256 ${k.sha256.slice(0, 16)}…` });
    }
    printed.push({ beschikkingId: b.id, letterId: res.identifiers[0]!.id as number, sha256: r.sha256, pages: r.pages });
  }
  await closeBatch(tx, id, 'bevestigd');
  return printed;
}

async function closeBatch(tx: TxContext, id: number, status: 'bevestigd' | 'verworpen'): Promise<void> {
  await tx.m.delete(PrintBatchAfschriftEntity, { batchId: id });
  await tx.m.delete(PrintBatchLetterEntity, { batchId: id });
  await tx.m.update(PrintBatchEntity, { id }, { status, afgehandeldOp: nowIso() });
}

/* ---------- the channels ---------- */

export function generate(tx: TxContext, input: { beschikkingIds: number[] }) {
  return generateBatch(tx, input.beschikkingIds);
}

export async function batches(tx: TxContext) {
  return { batches: await loadBatches(tx) };
}

export async function getBatchPdf(tx: TxContext, input: { id: number }) {
  const pdf = await batchPdf(tx, input.id);
  logAccess(tx, { action: 'afdrukken', objectType: 'printstapel', objectId: input.id, detail: 'stapel geopend om te printen' });
  return { pdfBase64: pdf.toString('base64'), sha256: sha256Hex(pdf) };
}

export async function confirm(tx: TxContext, input: { id: number }) {
  return { printed: await confirmBatch(tx, input.id) };
}

export async function discard(tx: TxContext, input: { id: number }) {
  await openBatch(tx, input.id);
  await closeBatch(tx, input.id, 'verworpen');
  logAccess(tx, { action: 'wijzigen', objectType: 'printstapel', objectId: input.id, detail: 'verworpen: niet geprint, terug in de wachtrij' });
  return { ok: true as const };
}

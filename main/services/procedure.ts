import type { z } from 'zod';
import { LoketError } from '../../shared/errors';
import type { LEGAL_CHANNELS, VoornemenInputSchema } from '../../shared/ipc/legal-channels';
import { sha256Hex } from '../letters/hash';
import { renderLetter } from '../letters/render';
import { LetterIncompleteError, type LetterDataInput } from '../letters/types';
import { AanvraagEntity, BeschikkingEntity, LetterEntity, MeldingEntity, TermijnEntity, VoornemenEntity } from '../db/entities';
import { clientIdOf } from './beschikkingen';
import { assertClientWritable } from './beperking';
import { logAccess, notFound, nowIso, type TxContext } from './context';
import { aanvulverzoekData, verdagingData, voornemenData } from './letterData';
import { schortTermijnOp, verlengTermijn } from './zaken';
import { meldingKenmerk } from './zaakRecords';
import { atwKlok } from './atw';

/**
 * The letters of the Awb procedure around a decision: voornemen + zienswijze (4:8), verdaging
 * (4:14), request to complete the aanvraag with a hersteltermijn (4:5, the term suspended from the
 * day of the request, 4:15). Each letter is stored like a sent beschikking letter.
 */

type In<C extends keyof typeof LEGAL_CHANNELS> = z.output<(typeof LEGAL_CHANNELS)[C]['input']>;

async function renderAndStore(tx: TxContext, data: LetterDataInput, meldingId: number, soort: string) {
  let pdf: Buffer;
  try {
    pdf = await renderLetter(data);
  } catch (e) {
    throw e instanceof LetterIncompleteError ? new LoketError('invoer', e.message) : e;
  }
  const sha256 = sha256Hex(pdf);
  const res = await tx.m.insert(LetterEntity, { soort, meldingId, beschikkingId: null, pdf, sha256, createdAt: nowIso(), createdBy: tx.session.user.id });
  return { letterId: res.identifiers[0]!.id as number, pdfBase64: pdf.toString('base64'), sha256 };
}

export async function sendVoornemen(tx: TxContext, input: z.output<typeof VoornemenInputSchema>) {
  const b = await tx.m.findOneBy(BeschikkingEntity, { id: input.beschikkingId });
  if (!b) throw notFound('Beschikking', input.beschikkingId);
  if (b.status !== 'vastgesteld' && b.status !== 'verzonden') {
    throw new LoketError('invoer', `Beschikking ${b.kenmerk} is nog niet vastgesteld; een voornemen gaat over een genomen besluit.`, 'beschikkingId');
  }
  const clientId = await clientIdOf(tx.m, b.aanvraagId);
  await assertClientWritable(tx, clientId);
  const today = tx.today();
  if (input.zienswijzeUiterlijk <= today) {
    throw new LoketError('invoer', 'Geef de cliënt een redelijke termijn om te reageren: de uiterste datum ligt na vandaag (Awb 4:8).', 'zienswijzeUiterlijk');
  }
  const aanvraag = await tx.m.findOneByOrFail(AanvraagEntity, { id: b.aanvraagId });
  const melding = await tx.m.findOneByOrFail(MeldingEntity, { id: aanvraag.meldingId });
  const data = await voornemenData(tx, b, meldingKenmerk(melding), today, {
    soort: input.soort, wat: input.wat, reden: input.reden, perDatum: input.perDatum ?? undefined,
    vorigeBeschikkingKenmerk: b.kenmerk, zienswijzeUiterlijk: input.zienswijzeUiterlijk,
  });
  const letter = await renderAndStore(tx, data, melding.id, 'voornemen');
  const res = await tx.m.insert(VoornemenEntity, {
    beschikkingId: b.id, soort: input.soort, wat: input.wat, reden: input.reden, perDatum: input.perDatum,
    verzondenOp: today, zienswijzeUiterlijk: input.zienswijzeUiterlijk, zienswijze: null, zienswijzeOp: null,
    letterId: letter.letterId, createdBy: tx.session.user.id, createdAt: nowIso(),
  });
  const voornemenId = res.identifiers[0]!.id as number;
  logAccess(tx, { action: 'afdrukken', objectType: 'voornemen', objectId: voornemenId, clientId, detail: `zienswijze tot ${input.zienswijzeUiterlijk}` });
  return { ...letter, voornemenId };
}

export async function listVoornemens(tx: TxContext, input: In<'voornemen.list'>) {
  const m = await tx.m.findOneBy(MeldingEntity, { id: input.meldingId });
  if (!m) throw notFound('Melding', input.meldingId);
  const rows = await tx.m.createQueryBuilder(VoornemenEntity, 'v')
    .innerJoin(BeschikkingEntity.options.name, 'b', 'b.id = v.beschikkingId')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
    .select(['v.id AS id', 'v.beschikkingId AS beschikking_id', 'b.kenmerk AS kenmerk', 'v.soort AS soort', 'v.wat AS wat', 'v.perDatum AS per_datum',
      'v.verzondenOp AS verzonden_op', 'v.zienswijzeUiterlijk AS zienswijze_uiterlijk', 'v.zienswijze AS zienswijze', 'v.zienswijzeOp AS zienswijze_op'])
    .where('a.meldingId = :meldingId', { meldingId: m.id })
    .orderBy('v.id', 'DESC')
    .getRawMany<{
      id: number; beschikking_id: number; kenmerk: string; soort: 'beeindiging' | 'herziening' | 'terugvordering'; wat: string; per_datum: string | null;
      verzonden_op: string; zienswijze_uiterlijk: string; zienswijze: string | null; zienswijze_op: string | null;
    }>();
  logAccess(tx, { action: 'lezen', objectType: 'voornemen', objectId: m.id, clientId: m.clientId, detail: `${rows.length} voornemens` });
  return {
    voornemens: rows.map((r) => ({
      id: r.id, beschikkingId: r.beschikking_id, beschikkingKenmerk: r.kenmerk, soort: r.soort, wat: r.wat, perDatum: r.per_datum,
      verzondenOp: r.verzonden_op, zienswijzeUiterlijk: r.zienswijze_uiterlijk, zienswijze: r.zienswijze, zienswijzeOp: r.zienswijze_op,
    })),
  };
}

export async function recordZienswijze(tx: TxContext, input: In<'voornemen.zienswijze'>) {
  const v = await tx.m.findOneBy(VoornemenEntity, { id: input.voornemenId });
  if (!v) throw notFound('Voornemen', input.voornemenId);
  const b = await tx.m.findOneByOrFail(BeschikkingEntity, { id: v.beschikkingId });
  const clientId = await clientIdOf(tx.m, b.aanvraagId);
  await assertClientWritable(tx, clientId);
  if (input.ontvangenOp < v.verzondenOp) throw new LoketError('invoer', `Het voornemen is verstuurd op ${v.verzondenOp}; een reactie kan niet eerder zijn ontvangen.`, 'ontvangenOp');
  if (input.ontvangenOp > tx.today()) throw new LoketError('invoer', 'De datum van ontvangst ligt in de toekomst.', 'ontvangenOp');
  await tx.m.update(VoornemenEntity, { id: v.id }, { zienswijze: input.zienswijze, zienswijzeOp: input.ontvangenOp });
  logAccess(tx, { action: 'wijzigen', objectType: 'voornemen', objectId: v.id, clientId, detail: 'zienswijze vastgelegd' });
  return { voornemenId: v.id };
}

export async function sendVerdaging(tx: TxContext, input: In<'letter.verdaging'>) {
  const t = await tx.m.findOneBy(TermijnEntity, { id: input.termijnId });
  if (!t) throw notFound('Termijn', input.termijnId);
  const m = await tx.m.findOneByOrFail(MeldingEntity, { id: t.meldingId });
  await assertClientWritable(tx, m.clientId); // AVG art. 18 first, whatever else is wrong
  if (input.dagen !== undefined || input.reden !== undefined) {
    if (t.soort !== 'beschikking') throw new LoketError('invoer', 'Verdagen (Awb 4:14) kan alleen de beslistermijn op de aanvraag.', 'termijnId');
    if (input.dagen === undefined || input.reden === undefined) {
      throw new LoketError('invoer', input.dagen === undefined ? 'Vul in met hoeveel dagen de termijn wordt verdaagd.' : 'Schrijf de reden van de verdaging op; de cliënt krijgt die te horen (Awb 4:14).', input.dagen === undefined ? 'dagen' : 'reden');
    }
    await verlengTermijn(tx, { termijnId: t.id, dagen: input.dagen, reden: input.reden, grond: 'awb', grondTekst: undefined });
    Object.assign(t, await tx.m.findOneByOrFail(TermijnEntity, { id: t.id }));
  }
  const laatste = t.verlengingen[t.verlengingen.length - 1];
  if (t.soort !== 'beschikking' || !laatste || !t.uiterlijk) {
    throw new LoketError('invoer', 'Een verdagingsbrief hoort bij een verlengde beslistermijn. Verleng eerst de termijn en geef de reden (Awb 4:14).', 'termijnId');
  }
  const oud = (await atwKlok(tx)).termijn({ ...t, verlengingen: t.verlengingen.slice(0, -1) }).uiterlijk;
  const data = await verdagingData(tx, m.id, meldingKenmerk(m), tx.today(), {
    aanvraagDatum: t.startdatum, oorspronkelijkUiterlijk: oud ?? t.uiterlijk, nieuwUiterlijk: t.uiterlijk, reden: laatste.reden,
  });
  const letter = await renderAndStore(tx, data, m.id, 'verdaging');
  logAccess(tx, { action: 'afdrukken', objectType: 'verdaging', objectId: t.id, clientId: m.clientId });
  return letter;
}

export async function sendAanvulverzoek(tx: TxContext, input: In<'letter.aanvulverzoek'>) {
  const m = await tx.m.findOneBy(MeldingEntity, { id: input.meldingId });
  if (!m) throw notFound('Melding', input.meldingId);
  await assertClientWritable(tx, m.clientId);
  const aanvraag = await tx.m.findOneBy(AanvraagEntity, { meldingId: m.id });
  const t = await tx.m.findOneBy(TermijnEntity, { meldingId: m.id, soort: 'beschikking' });
  if (!aanvraag || !t) throw new LoketError('invoer', 'Er is nog geen aanvraag vastgelegd; vraag om aanvulling nadat de aanvraag binnen is.', 'meldingId');
  const today = tx.today();
  if (input.hersteltermijnEinde <= today) throw new LoketError('invoer', 'Geef een hersteltermijn die na vandaag eindigt (Awb 4:5).', 'hersteltermijnEinde');
  // Awb 4:15 lid 1 a: the beslistermijn stands still from the request until the aanvulling comes in.
  await schortTermijnOp(tx, {
    termijnId: t.id, van: today, grond: 'awb', grondTekst: undefined,
    reden: `Aanvraag niet compleet; gevraagd om aanvulling tot ${input.hersteltermijnEinde} (Awb 4:5 en 4:15).`,
  });
  const data = await aanvulverzoekData(tx, m.id, meldingKenmerk(m), today, {
    aanvraagDatum: aanvraag.ontvangenOp, ontbreekt: input.ontbreekt, hersteltermijnEinde: input.hersteltermijnEinde,
  });
  const letter = await renderAndStore(tx, data, m.id, 'aanvulverzoek');
  logAccess(tx, { action: 'afdrukken', objectType: 'aanvulverzoek', objectId: m.id, clientId: m.clientId });
  return letter;
}

import type { z } from 'zod';
import { addIsoDuration } from './retention';
import { LoketError } from '../../shared/errors';
import type {
  BeperkingOpheffenSchema, RectificatieSchema, Verzoek, VerzoekBesluitSchema, VerzoekInputSchema, VerzoekLijstSchema,
} from '../../shared/schemas/beheer';
import type { Client } from '../../shared/schemas/client';
import { In } from 'typeorm';
import {
  ClientEntity, MeldingEntity, RechtenVerzoekEntity, RepresentativeEntity, UserEntity, VernietigingVoorstelEntity, type RechtenVerzoekRow,
} from '../db/entities';
import { updateClient } from '../services/clients';
import { logAccess, notFound, nowIso, type TxContext } from '../services/context';
import { meldingKenmerk } from '../services/zaakRecords';
import { assertClientWritable, isBeperkt } from '../services/beperking';
import { createVoorstel } from './retention';

/**
 * Citizens' rights. Every request is recorded with its decision and reason:
 * - vernietiging (AVG art. 17 with the Selectielijst 2020 note and Jeugdwet 7.3.9): decide within
 *   3 months; refused when the law or a significant interest of a third party prevents it;
 *   granted → a destruction proposal that a second person approves (the same path as retention).
 * - rectificatie (art. 16): decide within 1 month; the change itself goes through client.update.
 * - beperking (art. 18): a flag on the client; while it is set only a beheerder may change the record.
 */

async function toVerzoek(tx: TxContext, r: RechtenVerzoekRow): Promise<Verzoek> {
  const door = r.besluitDoor === null ? null
    : (await tx.m.findOne(UserEntity, { where: { id: r.besluitDoor }, select: { id: true, username: true } }))?.username ?? null;
  const voorstel = await tx.m.findOne(VernietigingVoorstelEntity, { where: { verzoekId: r.id }, order: { id: 'DESC' }, select: { id: true } });
  return {
    id: r.id, clientId: r.clientId, soort: r.soort, ontvangenOp: r.ontvangenOp, uiterlijkOp: r.uiterlijkOp,
    toelichting: r.toelichting, meldingIds: r.meldingIds, status: r.status, besluitOp: r.besluitOp,
    besluitDoor: door, reden: r.reden, wijziging: r.wijziging, uitgevoerdOp: r.uitgevoerdOp, voorstelId: voorstel?.id ?? null,
  };
}

async function loadVerzoek(tx: TxContext, id: number): Promise<RechtenVerzoekRow> {
  const r = await tx.m.findOneBy(RechtenVerzoekEntity, { id });
  if (!r) throw notFound('Verzoek', id);
  return r;
}

async function clientExists(tx: TxContext, id: number): Promise<void> {
  if (!(await tx.m.existsBy(ClientEntity, { id }))) throw notFound('Cliënt', id);
}

export async function registreerVerzoek(tx: TxContext, input: z.output<typeof VerzoekInputSchema>): Promise<Verzoek> {
  await clientExists(tx, input.clientId);
  if (input.ontvangenOp > tx.today()) throw new LoketError('invoer', 'De datum van ontvangst ligt in de toekomst.', 'ontvangenOp');
  if (input.soort !== 'vernietiging' && input.meldingIds.length) {
    throw new LoketError('invoer', 'Zaken kiest u alleen bij een verzoek om vernietiging.', 'meldingIds');
  }
  for (const id of input.meldingIds) {
    const m = await tx.m.findOne(MeldingEntity, { where: { id }, select: { id: true, clientId: true } });
    if (!m || m.clientId !== input.clientId) throw new LoketError('invoer', `Zaak ${id} hoort niet bij deze cliënt.`, 'meldingIds');
  }
  // Selectielijst 2020 / Jeugdwet 7.3.9: destruction within 3 months; AVG art. 12(3): an answer within 1 month.
  const uiterlijk = addIsoDuration(input.ontvangenOp, input.soort === 'vernietiging' ? 'P3M' : 'P1M');
  const res = await tx.m.insert(RechtenVerzoekEntity, {
    clientId: input.clientId, soort: input.soort, ontvangenOp: input.ontvangenOp, uiterlijkOp: uiterlijk, toelichting: input.toelichting,
    meldingIds: input.meldingIds, status: 'ontvangen', geregistreerdDoor: tx.session.user.id, createdAt: nowIso(),
  });
  const id = res.identifiers[0]!.id as number;
  logAccess(tx, { action: 'aanmaken', objectType: `verzoek-${input.soort}`, objectId: id, clientId: input.clientId });
  return toVerzoek(tx, await loadVerzoek(tx, id));
}

export async function verzoekenLijst(tx: TxContext, input: z.output<typeof VerzoekLijstSchema>) {
  const rows = await tx.m.find(RechtenVerzoekEntity, {
    where: {
      ...(input.clientId !== undefined ? { clientId: input.clientId } : {}),
      ...(input.alleenOpen ? { status: In(['ontvangen', 'toegewezen'] as const) } : {}),
    },
    order: { uiterlijkOp: 'ASC', id: 'ASC' }, take: 500,
  });
  const beperkt = input.clientId !== undefined && await tx.m.existsBy(ClientEntity, { id: input.clientId })
    ? await isBeperkt(tx.m, input.clientId) : null;
  logAccess(tx, { action: 'lezen', objectType: 'verzoeken', clientId: input.clientId ?? null, detail: `${rows.length} verzoeken` });
  const verzoeken: Verzoek[] = [];
  for (const r of rows) verzoeken.push(await toVerzoek(tx, r));
  return { verzoeken, beperkt };
}

export async function besluitVerzoek(tx: TxContext, input: z.output<typeof VerzoekBesluitSchema>): Promise<Verzoek> {
  const r = await loadVerzoek(tx, input.verzoekId);
  if (r.status !== 'ontvangen') throw new LoketError('conflict', `Over verzoek ${r.id} is al besloten (${r.status}).`);
  if (r.soort === 'opheffing_beperking') throw new LoketError('conflict', 'Dit is geen verzoek van de cliënt.');
  await clientExists(tx, r.clientId);
  const vandaag = tx.today();
  let status: Verzoek['status'] = input.besluit;
  if (input.besluit === 'toegewezen') {
    if (r.soort === 'beperking') {
      await tx.m.update(ClientEntity, { id: r.clientId }, { verwerkingBeperkt: true });
      status = 'uitgevoerd';
    } else if (r.soort === 'vernietiging') {
      const meldingIds = r.meldingIds.length ? r.meldingIds
        : (await tx.m.find(MeldingEntity, { where: { clientId: r.clientId }, order: { id: 'ASC' }, select: { id: true } })).map((m) => m.id);
      if (!meldingIds.length) throw new LoketError('conflict', 'Deze cliënt heeft geen zaken. Vernietigen van alleen de cliëntgegevens loopt via de beheerder.');
      const open = await tx.m.find(MeldingEntity, { where: { id: In(meldingIds), status: 'open' }, order: { id: 'ASC' }, select: { id: true, datum: true, wet: true } });
      if (open.length) {
        throw new LoketError('conflict', `Zaak ${open.map(meldingKenmerk).join(', ')} is nog open. Sluit haar eerst af (bijvoorbeeld met resultaat 'afgebroken'); daarna kan het verzoek worden toegewezen.`);
      }
      await tx.m.update(RechtenVerzoekEntity, { id: r.id }, { status: 'toegewezen', besluitOp: vandaag, besluitDoor: tx.session.user.id, reden: input.reden });
      await createVoorstel(tx, meldingIds, 'verzoek', r.id, `verzoek ${r.id} van de cliënt (ontvangen ${r.ontvangenOp}, uiterlijk ${r.uiterlijkOp})`);
    }
    // rectificatie: granted here, carried out with rechten.rectificatie.
  }
  await tx.m.update(RechtenVerzoekEntity, { id: r.id }, {
    status, besluitOp: vandaag, besluitDoor: tx.session.user.id, reden: input.reden, uitgevoerdOp: status === 'uitgevoerd' ? vandaag : null,
  });
  logAccess(tx, { action: 'wijzigen', objectType: `verzoek-${r.soort}`, objectId: r.id, clientId: r.clientId, detail: `besluit: ${input.besluit}` });
  return toVerzoek(tx, await loadVerzoek(tx, r.id));
}

const RECTIFIABLE = ['bsn', 'voornamen', 'voorletters', 'voorvoegsel', 'geslachtsnaam', 'partnerVoorvoegsel', 'partnerGeslachtsnaam',
  'naamgebruik', 'geslacht', 'geboortedatum', 'straat', 'huisnummer', 'huisletter', 'huisnummerToevoeging', 'postcode', 'woonplaats',
  'telefoon', 'email', 'wijk', 'geheimhouding', 'overleden', 'nietIngezetene', 'vertegenwoordigers'] as const;

/**
 * Carries out a rectification in one transaction: the change goes through the client module's
 * operation (with its own log entry), then the request records which fields changed — the field
 * names, never the values.
 */
export async function rectificeer(tx: TxContext, input: z.output<typeof RectificatieSchema>): Promise<{ verzoek: Verzoek; client: Client }> {
  const r = await loadVerzoek(tx, input.verzoekId);
  if (r.soort !== 'rectificatie') throw new LoketError('conflict', `Verzoek ${r.id} is geen verzoek om rectificatie.`);
  if (r.status === 'afgewezen' || r.status === 'uitgevoerd') throw new LoketError('conflict', `Verzoek ${r.id} is al ${r.status}.`);
  if (r.clientId !== input.client.id) throw new LoketError('invoer', `Verzoek ${r.id} hoort bij een andere cliënt.`, 'client.id');
  await assertClientWritable(tx, r.clientId);
  const reps = async (clientId: number) => JSON.stringify(await tx.m.find(RepresentativeEntity, {
    where: { clientId }, order: { id: 'ASC' }, select: { id: true, soort: true, naam: true, adresregels: true, telefoon: true, email: true, ontvangtPost: true },
  }).then((rows) => rows.map(({ id: _id, ...rep }) => rep)));
  const before = { row: await tx.m.findOneByOrFail(ClientEntity, { id: r.clientId }) as unknown as Record<string, unknown>, reps: await reps(r.clientId) };
  const client = await updateClient(tx, input.client);
  const afterReps = await reps(client.id);
  const changed = RECTIFIABLE.filter((k) => {
    if (k === 'vertegenwoordigers') return afterReps !== before.reps;
    const old = before.row[k];
    const cur = (client as unknown as Record<string, unknown>)[k];
    const norm = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v ?? null);
    return norm(old) !== norm(cur);
  });
  const wijziging = changed.length ? `gewijzigd: ${changed.join(', ')}` : 'geen velden gewijzigd';
  const vandaag = tx.today();
  // A request granted earlier keeps its decision; one carried out at once is decided now.
  await tx.m.update(RechtenVerzoekEntity, { id: input.verzoekId }, {
    status: 'uitgevoerd', wijziging, uitgevoerdOp: vandaag, besluitOp: r.besluitOp ?? vandaag, besluitDoor: r.besluitDoor ?? tx.session.user.id,
    reden: r.reden ?? 'rectificatie uitgevoerd',
  });
  logAccess(tx, { action: 'wijzigen', objectType: 'verzoek-rectificatie', objectId: input.verzoekId, clientId: client.id, detail: wijziging });
  return { verzoek: await toVerzoek(tx, await loadVerzoek(tx, input.verzoekId)), client };
}

export async function heffBeperkingOp(tx: TxContext, input: z.output<typeof BeperkingOpheffenSchema>): Promise<Verzoek> {
  await clientExists(tx, input.clientId);
  if (!(await isBeperkt(tx.m, input.clientId))) throw new LoketError('conflict', 'De verwerking van deze cliënt is niet beperkt.');
  await tx.m.update(ClientEntity, { id: input.clientId }, { verwerkingBeperkt: false });
  const vandaag = tx.today();
  const res = await tx.m.insert(RechtenVerzoekEntity, {
    clientId: input.clientId, soort: 'opheffing_beperking', ontvangenOp: vandaag, uiterlijkOp: vandaag, toelichting: null, meldingIds: [],
    status: 'uitgevoerd', besluitOp: vandaag, besluitDoor: tx.session.user.id, reden: input.reden, uitgevoerdOp: vandaag,
    geregistreerdDoor: tx.session.user.id, createdAt: nowIso(),
  });
  const id = res.identifiers[0]!.id as number;
  logAccess(tx, { action: 'wijzigen', objectType: 'verzoek-beperking', objectId: id, clientId: input.clientId, detail: 'beperking opgeheven' });
  return toVerzoek(tx, await loadVerzoek(tx, id));
}

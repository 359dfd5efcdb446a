import { In, Like, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { productcategorieLabel } from '../../shared/codelists';
import { LoketError } from '../../shared/errors';
import type { AccorderingPage, Beschikking, BeschikkingInputSchema, BeschikkingSoort, BeschikkingStatus, Wet } from '../../shared/schemas/zaak';
import {
  AanvraagEntity, BeschikkingEntity, BeschikkingIndicatieEntity, ClientEntity, IndicatieEntity, LetterEntity,
  MeldingEntity, PrintBatchEntity, PrintBatchLetterEntity, TermijnEntity, UserEntity, VoornemenEntity, BeschikkingBewerkerEntity, BeschikkingAuteursView, TerugzendingEntity, type BeschikkingRow, type IndicatieRow,
} from '../db/entities';
import { clientNaam } from './clients';
import { vreemdeGrondslag } from '../letters/wet';
import { logAccess, logShown, notFound, nowIso, type TxContext } from './context';
import { toIndicatie, toTermijn } from './zaakRecords';
import { assertClientWritable } from './beperking';
import { notify } from './notificaties';

/**
 * Beschikkingen: concept → ter_accordering → vastgesteld → verzonden. Vier-ogen: the approver
 * holds the mandate and is not the author. A vastgestelde beschikking never changes (the database
 * refuses it too); a change is a new beschikking that references it.
 */

export const TRANSITIONS: Record<BeschikkingStatus, BeschikkingStatus[]> = {
  concept: ['ter_accordering'],
  ter_accordering: ['vastgesteld', 'concept'],
  vastgesteld: ['verzonden'],
  verzonden: [],
};

const STATUS_LABEL: Record<BeschikkingStatus, string> = {
  concept: 'concept', ter_accordering: 'ter accordering', vastgesteld: 'vastgesteld', verzonden: 'verzonden',
};

export function assertTransition(from: BeschikkingStatus, to: BeschikkingStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw new LoketError('conflict', `Een beschikking met status '${STATUS_LABEL[from]}' kan niet naar '${STATUS_LABEL[to]}'.` +
      (from === 'vastgesteld' || from === 'verzonden' ? ' Een vastgestelde beschikking verandert niet meer: maak een nieuwe beschikking (wijziging) die ernaar verwijst.' : ''));
  }
}

/** Everyone who had a hand in a beschikking: its authors (who wrote or took it over), who submitted it, who made its indicaties. */
export interface Betrokkenen {
  auteurIds: number[];
  indienerIds: number[];
  indicatieMakerIds: number[];
}

/** Vier-ogen: who may fix (vaststellen) a beschikking. Returns the reason it is refused, or null. */
export function approvalProblem(approver: { id: number; roles: string[]; mandaat: string | null }, b: Betrokkenen): string | null {
  if (!approver.roles.includes('besluitbevoegd')) return 'Alleen een besluitbevoegde collega kan een beschikking vaststellen.';
  if (!approver.mandaat || approver.mandaat.trim() === '') return 'U heeft geen vastgelegd mandaat om beschikkingen vast te stellen. Vraag de beheerder uw mandaat vast te leggen.';
  if (b.auteurIds.includes(approver.id)) return 'U heeft deze beschikking zelf opgesteld of overgenomen. Een tweede, besluitbevoegde collega moet haar vaststellen (vier-ogen).';
  if (b.indienerIds.includes(approver.id)) return 'U heeft deze beschikking zelf ter accordering aangeboden. Een tweede, besluitbevoegde collega moet haar vaststellen (vier-ogen).';
  if (b.indicatieMakerIds.includes(approver.id)) return 'U heeft een indicatie van deze beschikking zelf vastgelegd. Een tweede, besluitbevoegde collega moet haar vaststellen (vier-ogen).';
  return null;
}

/** Who wrote, submitted and made the indicaties of a beschikking (the original author included). */
export async function betrokkenenOf(tx: TxContext, b: BeschikkingRow): Promise<Betrokkenen> {
  const rows = await tx.m.find(BeschikkingBewerkerEntity, { where: { beschikkingId: b.id }, order: { id: 'ASC' } });
  const makers = await tx.m.createQueryBuilder(BeschikkingIndicatieEntity, 'bi')
    .innerJoin(IndicatieEntity.options.name, 'i', 'i.id = bi.indicatieId')
    .select('i.createdBy', 'id').distinct(true)
    .where('bi.beschikkingId = :beschikkingId AND i.createdBy IS NOT NULL', { beschikkingId: b.id })
    .getRawMany<{ id: number }>();
  const auteurIds = unique([b.auteurId, ...rows.filter((r) => r.rol === 'auteur').map((r) => r.userId)]);
  return { auteurIds, indienerIds: unique(rows.filter((r) => r.rol === 'indiener').map((r) => r.userId)), indicatieMakerIds: makers.map((r) => r.id) };
}

async function addBewerker(tx: TxContext, beschikkingId: number, rol: 'auteur' | 'indiener', reden: string | null = null): Promise<void> {
  // Once per person and role (UNIQUE in the table): a second submission keeps the first moment.
  await tx.m.createQueryBuilder().insert().into(BeschikkingBewerkerEntity)
    .values({ beschikkingId, userId: tx.session.user.id, rol, op: nowIso(), reden }).orIgnore().execute();
}

/** Only an author changes or submits a concept; a colleague first takes it over (beschikking.overnemen). */
async function assertAuteur(tx: TxContext, b: BeschikkingRow, clientId: number): Promise<void> {
  const { auteurIds } = await betrokkenenOf(tx, b);
  if (auteurIds.includes(tx.session.user.id)) return;
  const namen = (await tx.m.findBy(UserEntity, { id: In(auteurIds) })).map((u) => u.displayName).join(' en ');
  throw new LoketError('geen_toegang', `Beschikking ${b.kenmerk} is opgesteld door ${namen}; alleen de opsteller past het concept aan of biedt het aan. ` +
    'Wilt u het verder schrijven? Neem het dan eerst over (dat wordt vastgelegd); daarna kunt u het niet zelf vaststellen.', undefined, clientId);
}

const NEEDS_INDICATIES: BeschikkingSoort[] = ['toekenning', 'gedeeltelijke_toekenning', 'wijziging'];
const NEEDS_VORIGE: BeschikkingSoort[] = ['wijziging', 'beeindiging'];

export async function toBeschikking(tx: TxContext, b: BeschikkingRow): Promise<Beschikking> {
  return (await toBeschikkingen(tx, [b]))[0]!;
}

/** Beschikkingen with their client, indicaties, people and latest letter: seven queries for any number of rows. */
export async function toBeschikkingen(tx: TxContext, rows: BeschikkingRow[]): Promise<Beschikking[]> {
  if (rows.length === 0) return [];
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const ids = rows.map((b) => b.id);
  const aanvragen = byId(await tx.m.findBy(AanvraagEntity, { id: In(unique(rows.map((b) => b.aanvraagId))) }));
  const meldingen = byId(await tx.m.findBy(MeldingEntity, { id: In(unique([...aanvragen.values()].map((a) => a.meldingId))) }));
  const clients = byId(await tx.m.findBy(ClientEntity, { id: In(unique([...meldingen.values()].map((m) => m.clientId))) }));
  const links = await tx.m.findBy(BeschikkingIndicatieEntity, { beschikkingId: In(ids) });
  const indicaties = byId(links.length ? await tx.m.findBy(IndicatieEntity, { id: In(unique(links.map((l) => l.indicatieId))) }) : []);
  const indicatiesOf = new Map<number, IndicatieRow[]>();
  for (const l of links) {
    const list = indicatiesOf.get(l.beschikkingId) ?? [];
    list.push(indicaties.get(l.indicatieId)!);
    indicatiesOf.set(l.beschikkingId, list);
  }
  const auteurs = new Map((await tx.m.findBy(BeschikkingAuteursView, { beschikkingId: In(ids) })).map((r) => [r.beschikkingId, r.namen]));
  const users = byId(await tx.m.findBy(UserEntity, { id: In(unique(rows.flatMap((b) => (b.accordeurId ? [b.accordeurId] : [])))) }));
  const letters = new Map<number, { id: number; sha256: string }>(); // the latest letter per beschikking
  for (const l of await tx.m.find(LetterEntity, { where: { beschikkingId: In(ids) }, order: { id: 'ASC' }, select: { id: true, sha256: true, beschikkingId: true } })) {
    if (l.beschikkingId !== null) letters.set(l.beschikkingId, l);
  }
  const terug = new Map<number, { reden: string; door: string; op: string }>(); // the latest per beschikking
  for (const t of await tx.m.createQueryBuilder(TerugzendingEntity, 't')
    .innerJoin(UserEntity.options.name, 'u', 'u.id = t.doorId')
    .select(['t.beschikkingId AS beschikking_id', 't.reden AS reden', 't.op AS op', 'u.displayName AS door'])
    .where('t.beschikkingId IN (:...ids)', { ids }).orderBy('t.id')
    .getRawMany<{ beschikking_id: number; reden: string; op: string; door: string }>()) {
    terug.set(t.beschikking_id, { reden: t.reden, door: t.door, op: t.op });
  }
  return rows.map((b) => {
    const melding = meldingen.get(aanvragen.get(b.aanvraagId)!.meldingId)!;
    const client = clients.get(melding.clientId)!;
    const own = indicatiesOf.get(b.id) ?? [];
    const letter = letters.get(b.id);
    return {
      id: b.id, aanvraagId: b.aanvraagId, meldingId: melding.id, clientId: client.id, clientNaam: clientNaam(client),
      kenmerk: b.kenmerk, soort: b.soort as BeschikkingSoort, status: b.status as BeschikkingStatus,
      besluitTekst: b.besluitTekst, motivering: b.motivering, wettelijkeGrondslag: b.wettelijkeGrondslag,
      indicaties: own.sort((x, y) => x.id - y.id).map(toIndicatie), auteur: auteurs.get(b.id)!,
      accordeur: b.accordeurId ? (users.get(b.accordeurId)?.displayName ?? null) : null, vastgesteldOp: b.vastgesteldOp, verzondenOp: b.verzondenOp,
      vervangtId: b.vervangtId, perDatum: b.perDatum, redenEinde: (b.redenEinde ?? null) as Beschikking['redenEinde'], ambtshalveAanleiding: b.ambtshalveAanleiding, nietToegekend: b.nietToegekend, voornemenId: b.voornemenId, letterId: letter?.id ?? null, letterSha256: letter?.sha256 ?? null,
      terugzending: b.status === 'concept' ? (terug.get(b.id) ?? null) : null,
    };
  });
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

export async function beschikkingenForAanvraag(tx: TxContext, aanvraagId: number): Promise<Beschikking[]> {
  return toBeschikkingen(tx, await tx.m.find(BeschikkingEntity, { where: { aanvraagId }, order: { id: 'ASC' } }));
}

export async function loadBeschikking(tx: TxContext, id: number): Promise<BeschikkingRow> {
  const b = await tx.m.findOneBy(BeschikkingEntity, { id });
  if (!b) throw notFound('Beschikking', id);
  return b;
}

/** The client an aanvraag (and so its beschikkingen and letters) belongs to. */
export async function clientIdOf(m: EntityManager, aanvraagId: number): Promise<number> {
  const r = await m.createQueryBuilder(AanvraagEntity, 'a')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
    .select('m.clientId', 'id').where('a.id = :aanvraagId', { aanvraagId })
    .getRawOne<{ id: number }>();
  if (!r) throw notFound('Aanvraag', aanvraagId);
  return r.id;
}

/** The client of an aanvraag, checked writable (AVG art. 18 restriction). */
async function writableClientOf(tx: TxContext, aanvraagId: number): Promise<number> {
  const clientId = await clientIdOf(tx.m, aanvraagId);
  await assertClientWritable(tx, clientId);
  return clientId;
}

type Input = z.output<typeof BeschikkingInputSchema>;

/**
 * One open decision per voorziening: an indicatie already in a concept or a beschikking ter
 * accordering cannot go into a second one (both would otherwise reach the approval queue).
 */
async function assertNoOtherOpenBeschikking(tx: TxContext, indicatieIds: number[], selfId: number | null): Promise<void> {
  for (const indicatieId of indicatieIds) {
    const q = tx.m.createQueryBuilder(BeschikkingIndicatieEntity, 'bi')
      .innerJoin(BeschikkingEntity.options.name, 'b', 'b.id = bi.beschikkingId')
      .innerJoin(IndicatieEntity.options.name, 'i', 'i.id = bi.indicatieId')
      .select(['b.kenmerk AS kenmerk', 'b.status AS status', 'i.wet AS wet', 'i.productcategorie AS productcategorie'])
      .where('bi.indicatieId = :indicatieId', { indicatieId })
      .andWhere('b.status IN (:...open)', { open: ['concept', 'ter_accordering'] });
    if (selfId !== null) q.andWhere('b.id <> :selfId', { selfId });
    const other = await q.limit(1).getRawOne<{ kenmerk: string; status: BeschikkingStatus; wet: Wet; productcategorie: string }>();
    if (other) {
      throw new LoketError('conflict', `De voorziening '${productcategorieLabel(other.wet, other.productcategorie)}' zit al in beschikking ${other.kenmerk} (${STATUS_LABEL[other.status]}). ` +
        (other.status === 'concept'
          ? 'Pas die beschikking aan in plaats van een tweede te maken.'
          : 'Wacht op het besluit van de besluitbevoegde, of laat haar terugsturen; er kan maar één besluit tegelijk openstaan.'), 'indicatieIds');
    }
  }
}

/**
 * Issue 14: a gedeeltelijke toekenning says what is not granted and why; a decision without an
 * aanvraag (ambtshalve) is a wijziging or beëindiging of an earlier decision, preceded by a
 * voornemen whose zienswijze term has passed or whose zienswijze came in (Awb 4:8).
 */
async function checkLegal(tx: TxContext, input: Input): Promise<void> {
  const wet = (await tx.m.createQueryBuilder(AanvraagEntity, 'a')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
    .select('m.wet', 'wet').where('a.id = :aanvraagId', { aanvraagId: input.aanvraagId })
    .getRawOne<{ wet: Wet }>())?.wet;
  const vreemd = wet ? vreemdeGrondslag(wet, input.wettelijkeGrondslag) : null;
  if (vreemd) {
    throw new LoketError('invoer', `"${vreemd}" is een grond uit de Wmo, maar dit is een ${wet === 'jeugdwet' ? 'Jeugdwet' : 'Participatiewet'}-zaak. Noem de artikelen van die wet en de verordening.`, 'wettelijkeGrondslag');
  }
  if (input.soort === 'gedeeltelijke_toekenning' && input.nietToegekend.length === 0) {
    throw new LoketError('invoer', 'Schrijf bij een gedeeltelijke toekenning op wat niet wordt toegekend en waarom (Awb 3:46).', 'nietToegekend');
  }
  if (input.soort !== 'gedeeltelijke_toekenning' && input.nietToegekend.length > 0) {
    throw new LoketError('invoer', 'Alleen een gedeeltelijke toekenning noemt wat niet wordt toegekend. Kies dat soort besluit of haal de regels weg.', 'nietToegekend');
  }
  if (input.ambtshalveAanleiding === null) {
    if (input.voornemenId !== null) throw new LoketError('invoer', 'Een voornemen hoort bij een besluit zonder aanvraag (ambtshalve). Vul de aanleiding in.', 'ambtshalveAanleiding');
    return;
  }
  if (input.soort !== 'wijziging' && input.soort !== 'beeindiging') {
    throw new LoketError('invoer', 'Zonder aanvraag (ambtshalve) kunt u alleen een eerder besluit wijzigen of beëindigen.', 'soort');
  }
  if (input.voornemenId === null) {
    throw new LoketError('invoer', 'Stuur eerst een voornemen en geef de cliënt de kans te reageren (Awb 4:8). Kies daarna dat voornemen.', 'voornemenId');
  }
  const v = await tx.m.findOneBy(VoornemenEntity, { id: input.voornemenId });
  if (!v) throw notFound('Voornemen', input.voornemenId);
  if (v.beschikkingId !== input.vervangtId) {
    throw new LoketError('invoer', 'Dit voornemen gaat over een ander besluit dan het besluit dat u wijzigt of beëindigt.', 'voornemenId');
  }
  if (v.zienswijze === null && tx.today() <= v.zienswijzeUiterlijk) {
    throw new LoketError('conflict', `De cliënt kan nog reageren op het voornemen, tot en met ${v.zienswijzeUiterlijk} (Awb 4:8). Besluit daarna, of leg eerst de zienswijze vast.`, 'voornemenId');
  }
}

async function checkContent(tx: TxContext, input: Input, selfId: number | null = null): Promise<void> {
  const aanvraag = await tx.m.findOneBy(AanvraagEntity, { id: input.aanvraagId });
  if (!aanvraag) throw notFound('Aanvraag', input.aanvraagId);
  await checkLegal(tx, input);
  if (NEEDS_INDICATIES.includes(input.soort) && input.indicatieIds.length === 0) {
    throw new LoketError('invoer', 'Kies de indicatie(s) die deze beschikking toekent.', 'indicatieIds');
  }
  if (input.soort === 'afwijzing' || input.soort === 'buiten_behandeling') {
    if (input.indicatieIds.length > 0) throw new LoketError('invoer', 'Een afwijzing of buiten-behandelingstelling kent geen indicaties toe. Haal de indicaties weg.', 'indicatieIds');
  }
  if (input.redenEinde !== null && input.soort !== 'beeindiging') {
    throw new LoketError('invoer', 'Een reden van beëindiging hoort alleen bij een beëindiging. Laat het veld leeg.', 'redenEinde');
  }
  if (input.soort === 'beeindiging') {
    if (input.indicatieIds.length === 0) throw new LoketError('invoer', 'Kies de voorziening(en) die stoppen.', 'indicatieIds');
    if (input.perDatum === null) throw new LoketError('invoer', 'Vul de datum in waarop de ondersteuning stopt.', 'perDatum');
  }
  // A beëindiging ends voorzieningen granted by the beschikking it changes; others grant this aanvraag's.
  const vorigeIndicaties = input.soort === 'beeindiging' && input.vervangtId !== null
    ? new Set((await tx.m.findBy(BeschikkingIndicatieEntity, { beschikkingId: input.vervangtId })).map((l) => l.indicatieId))
    : new Set<number>();
  for (const indicatieId of input.indicatieIds) {
    const i = await tx.m.findOneBy(IndicatieEntity, { id: indicatieId });
    if (input.soort === 'beeindiging') {
      if (!i || !vorigeIndicaties.has(indicatieId)) {
        throw new LoketError('invoer', `Indicatie ${indicatieId} is niet toegekend in de beschikking die u beëindigt.`, 'indicatieIds');
      }
      if (input.perDatum !== null && (input.perDatum < i.ingangsdatum || (i.einddatum !== null && input.perDatum > i.einddatum))) {
        throw new LoketError('invoer', `De einddatum moet tussen ${i.ingangsdatum} en ${i.einddatum ?? 'nu'} liggen: dan loopt de voorziening.`, 'perDatum');
      }
    } else if (!i || i.aanvraagId !== input.aanvraagId) {
      throw new LoketError('invoer', `Indicatie ${indicatieId} hoort niet bij deze aanvraag.`, 'indicatieIds');
    }
  }
  await assertNoOtherOpenBeschikking(tx, input.indicatieIds, selfId);
  if (NEEDS_VORIGE.includes(input.soort) && input.vervangtId === null) {
    throw new LoketError('invoer', 'Een wijziging of beëindiging verwijst naar de beschikking die zij verandert. Kies die beschikking.', 'vervangtId');
  }
  if (input.vervangtId !== null) {
    const vorige = await tx.m.findOneBy(BeschikkingEntity, { id: input.vervangtId });
    if (!vorige) throw notFound('Beschikking', input.vervangtId);
    if (vorige.status !== 'vastgesteld' && vorige.status !== 'verzonden') {
      throw new LoketError('invoer', `Beschikking ${vorige.kenmerk} is nog niet vastgesteld; u kunt haar zelf nog aanpassen.`, 'vervangtId');
    }
  }
}

async function setIndicaties(tx: TxContext, beschikkingId: number, ids: number[]): Promise<void> {
  await tx.m.delete(BeschikkingIndicatieEntity, { beschikkingId });
  for (const indicatieId of ids) await tx.m.insert(BeschikkingIndicatieEntity, { beschikkingId, indicatieId });
}

export async function createBeschikking(tx: TxContext, input: Input): Promise<Beschikking> {
  const clientId = await writableClientOf(tx, input.aanvraagId);
  await checkContent(tx, input);
  const now = nowIso();
  const year = tx.today().slice(0, 4);
  const seq = (await tx.m.countBy(BeschikkingEntity, { kenmerk: Like(`BES-${year}-%`) })) + 1;
  const res = await tx.m.insert(BeschikkingEntity, {
    aanvraagId: input.aanvraagId, kenmerk: `BES-${year}-${String(seq).padStart(6, '0')}`, soort: input.soort,
    besluitTekst: input.besluitTekst, motivering: input.motivering, wettelijkeGrondslag: input.wettelijkeGrondslag,
    status: 'concept', auteurId: tx.session.user.id, accordeurId: null, terAccorderingOp: null, vastgesteldOp: null,
    verzondenOp: null, vervangtId: input.vervangtId, perDatum: input.perDatum, redenEinde: input.redenEinde, createdAt: now, updatedAt: now,
    ambtshalveAanleiding: input.ambtshalveAanleiding, nietToegekend: input.nietToegekend, voornemenId: input.voornemenId,
  });
  const id = res.identifiers[0]!.id as number;
  await addBewerker(tx, id, 'auteur');
  await setIndicaties(tx, id, input.indicatieIds);
  logAccess(tx, { action: 'aanmaken', objectType: 'beschikking', objectId: id, clientId });
  return toBeschikking(tx, await loadBeschikking(tx, id));
}

export async function updateBeschikking(tx: TxContext, input: Input & { id: number }): Promise<Beschikking> {
  const b = await loadBeschikking(tx, input.id);
  const clientId = await writableClientOf(tx, b.aanvraagId);
  if (b.status !== 'concept') {
    throw new LoketError('conflict', b.status === 'ter_accordering'
      ? 'Deze beschikking ligt ter accordering. Laat de besluitbevoegde haar terugsturen als u iets wilt aanpassen.'
      : 'Een vastgestelde beschikking verandert niet meer: maak een nieuwe beschikking (wijziging) die ernaar verwijst.');
  }
  await assertAuteur(tx, b, clientId);
  if (input.aanvraagId !== b.aanvraagId) throw new LoketError('invoer', 'Een beschikking hoort bij één aanvraag; die kunt u niet wisselen.', 'aanvraagId');
  await checkContent(tx, input, b.id);
  await tx.m.update(BeschikkingEntity, { id: b.id }, {
    soort: input.soort, besluitTekst: input.besluitTekst, motivering: input.motivering,
    wettelijkeGrondslag: input.wettelijkeGrondslag, vervangtId: input.vervangtId, perDatum: input.perDatum, redenEinde: input.redenEinde, updatedAt: nowIso(),
    ambtshalveAanleiding: input.ambtshalveAanleiding, nietToegekend: input.nietToegekend, voornemenId: input.voornemenId,
  });
  await setIndicaties(tx, b.id, input.indicatieIds);
  logAccess(tx, { action: 'wijzigen', objectType: 'beschikking', objectId: b.id, clientId });
  return toBeschikking(tx, await loadBeschikking(tx, b.id));
}

export async function getBeschikking(tx: TxContext, input: { id: number }): Promise<Beschikking> {
  const b = await loadBeschikking(tx, input.id);
  logAccess(tx, { action: 'lezen', objectType: 'beschikking', objectId: b.id, clientId: await clientIdOf(tx.m, b.aanvraagId) });
  return toBeschikking(tx, b);
}

export async function submitBeschikking(tx: TxContext, input: { id: number }): Promise<Beschikking> {
  const b = await loadBeschikking(tx, input.id);
  const clientId = await writableClientOf(tx, b.aanvraagId);
  assertTransition(b.status as BeschikkingStatus, 'ter_accordering');
  await assertAuteur(tx, b, clientId);
  await addBewerker(tx, b.id, 'indiener');
  await tx.m.update(BeschikkingEntity, { id: b.id }, { status: 'ter_accordering', terAccorderingOp: nowIso(), updatedAt: nowIso() });
  logAccess(tx, { action: 'wijzigen', objectType: 'beschikking', objectId: b.id, clientId, detail: 'ter accordering aangeboden' });
  return toBeschikking(tx, await loadBeschikking(tx, b.id));
}

export async function approveBeschikking(tx: TxContext, input: { id: number }): Promise<Beschikking> {
  const b = await loadBeschikking(tx, input.id);
  const clientId = await writableClientOf(tx, b.aanvraagId);
  const problem = approvalProblem(tx.session.user, await betrokkenenOf(tx, b));
  // The router logs the refusal (vier-ogen or mandate) with the client.
  if (problem) throw new LoketError('geen_toegang', problem, undefined, clientId);
  assertTransition(b.status as BeschikkingStatus, 'vastgesteld');
  const today = tx.today();
  const moment = nowIso();
  await tx.m.update(BeschikkingEntity, { id: b.id }, { status: 'vastgesteld', accordeurId: tx.session.user.id, vastgesteldOp: today, vastgesteldMoment: moment, updatedAt: moment });
  // Each granted ZIN indicatie gets its toewijzingnummer now (iWmo: set by the gemeente, IV066).
  const links = await tx.m.findBy(BeschikkingIndicatieEntity, { beschikkingId: b.id });
  let next = (await tx.m.createQueryBuilder(IndicatieEntity, 'i').select('COALESCE(MAX(i.toewijzingNummer), 0)', 'n').getRawOne<{ n: number }>())!.n;
  for (const l of links) {
    const i = await tx.m.findOneByOrFail(IndicatieEntity, { id: l.indicatieId });
    if (i.leveringsvorm === 'ZIN' && i.toewijzingNummer === null && b.soort !== 'afwijzing') {
      await tx.m.update(IndicatieEntity, { id: i.id }, { toewijzingNummer: ++next });
    }
  }
  const aanvraag = await tx.m.findOneByOrFail(AanvraagEntity, { id: b.aanvraagId });
  // The beschikking term is met at bekendmaking (Awb 3:41: sending), not here: see printBatches.confirm.
  if (b.auteurId !== tx.session.user.id) {
    await notify(tx, b.auteurId, 'vastgesteld', `Beschikking ${b.kenmerk} is vastgesteld door ${tx.session.user.displayName}.`, aanvraag.meldingId, b.id);
  }
  logAccess(tx, { action: 'wijzigen', objectType: 'beschikking', objectId: b.id, clientId, detail: 'vastgesteld (vier-ogen)' });
  return toBeschikking(tx, await loadBeschikking(tx, b.id));
}

export async function rejectBeschikking(tx: TxContext, input: { id: number; reden: string }): Promise<Beschikking> {
  const b = await loadBeschikking(tx, input.id);
  const clientId = await writableClientOf(tx, b.aanvraagId);
  assertTransition(b.status as BeschikkingStatus, 'concept');
  await tx.m.update(BeschikkingEntity, { id: b.id }, { status: 'concept', terAccorderingOp: null, updatedAt: nowIso() });
  // The reason may hold health data: kept in the (encrypted) database with the beschikking, never in the log.
  await tx.m.insert(TerugzendingEntity, { beschikkingId: b.id, reden: input.reden, doorId: tx.session.user.id, op: nowIso() });
  const aanvraag = await tx.m.findOneByOrFail(AanvraagEntity, { id: b.aanvraagId });
  await notify(tx, b.auteurId, 'teruggestuurd', `Beschikking ${b.kenmerk} is teruggestuurd door ${tx.session.user.displayName}: ${input.reden}`, aanvraag.meldingId, b.id);
  logAccess(tx, { action: 'wijzigen', objectType: 'beschikking', objectId: b.id, clientId, detail: 'teruggestuurd naar concept, reden vastgelegd bij de beschikking' });
  return toBeschikking(tx, await loadBeschikking(tx, b.id));
}

/**
 * A colleague takes over a concept to write it further: logged with her reason, and from then on
 * she is one of its authors (so she cannot approve it herself).
 */
export async function takeOverBeschikking(tx: TxContext, input: { id: number; reden: string }): Promise<Beschikking> {
  const b = await loadBeschikking(tx, input.id);
  const clientId = await writableClientOf(tx, b.aanvraagId);
  if (b.status !== 'concept') {
    throw new LoketError('conflict', b.status === 'ter_accordering'
      ? `Beschikking ${b.kenmerk} ligt ter accordering. Laat de besluitbevoegde haar eerst terugsturen; daarna kunt u haar overnemen.`
      : `Beschikking ${b.kenmerk} is vastgesteld en verandert niet meer; overnemen kan niet.`);
  }
  if ((await betrokkenenOf(tx, b)).auteurIds.includes(tx.session.user.id)) {
    throw new LoketError('conflict', `U bent al opsteller van beschikking ${b.kenmerk}; u kunt haar gewoon aanpassen.`);
  }
  await addBewerker(tx, b.id, 'auteur', input.reden);
  // The reason stays with the beschikking, not in the log (it may say something about the client).
  logAccess(tx, { action: 'wijzigen', objectType: 'beschikking', objectId: b.id, clientId, detail: 'overgenomen door een collega (nu mede-opsteller)' });
  return toBeschikking(tx, await loadBeschikking(tx, b.id));
}

/**
 * What waits for the besluitbevoegde, the nearest beslistermijn first (a suspended term, with no
 * date, and a case without one last; then the oldest submission first).
 */
export async function accorderingQueue(tx: TxContext, input: { pagina: number; perPagina: number }): Promise<AccorderingPage> {
  const totaal = await tx.m.countBy(BeschikkingEntity, { status: 'ter_accordering' });
  const pagina = Math.min(input.pagina, Math.max(1, Math.ceil(totaal / input.perPagina)));
  const order = await tx.m.createQueryBuilder(BeschikkingEntity, 'b')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
    .leftJoin(TermijnEntity.options.name, 't', 't.meldingId = a.meldingId AND t.soort = :soort', { soort: 'beschikking' })
    .select(['b.id AS id', 't.id AS termijn_id'])
    .where('b.status = :status', { status: 'ter_accordering' })
    .orderBy('t.uiterlijk IS NULL').addOrderBy('t.uiterlijk').addOrderBy('b.id')
    .limit(input.perPagina).offset((pagina - 1) * input.perPagina)
    .getRawMany<{ id: number; termijn_id: number | null }>();
  const byId = new Map((await tx.m.findBy(BeschikkingEntity, { id: In(order.map((o) => o.id)) })).map((b) => [b.id, b]));
  const termijnIds = order.flatMap((o) => (o.termijn_id === null ? [] : [o.termijn_id]));
  const termijnen = new Map((await tx.m.findBy(TermijnEntity, { id: In(termijnIds) })).map((t) => [t.id, t]));
  const beschikkingen = await toBeschikkingen(tx, order.map((o) => byId.get(o.id)!));
  const items = beschikkingen.map((b, i) => {
    const t = order[i]!.termijn_id === null ? undefined : termijnen.get(order[i]!.termijn_id!);
    return { ...b, beslistermijn: t ? toTermijn(t, tx.today()) : null };
  });
  logShown(tx, { objectType: 'accordering', detail: `${items.length} van ${totaal} beschikkingen` }, items.map((i) => i.clientId));
  return { items, totaal, pagina, perPagina: input.perPagina };
}

export function printQueue(tx: TxContext): Promise<{ items: Beschikking[] }> {
  return queue(tx, 'vastgesteld', 'printwachtrij');
}

async function queue(tx: TxContext, status: BeschikkingStatus, what: string): Promise<{ items: Beschikking[] }> {
  // Letters already generated in a kept batch wait there for confirmation, not in the queue.
  const waiting = new Set(status === 'vastgesteld' ? (await tx.m.createQueryBuilder(PrintBatchLetterEntity, 'bl')
    .innerJoin(PrintBatchEntity.options.name, 'pb', 'pb.id = bl.batchId')
    .select('bl.beschikkingId', 'id').where('pb.status = :klaar', { klaar: 'klaar' })
    .getRawMany<{ id: number }>()).map((r) => r.id) : []);
  const rows = (await tx.m.find(BeschikkingEntity, { where: { status }, order: { id: 'ASC' }, take: 500 + waiting.size }))
    .filter((b) => !waiting.has(b.id)).slice(0, 500);
  const items = await toBeschikkingen(tx, rows);
  logShown(tx, { objectType: what, detail: `${items.length} beschikkingen` }, items.map((i) => i.clientId));
  return { items };
}

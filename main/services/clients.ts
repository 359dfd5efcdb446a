import { z } from 'zod';
import { huisnummerAanduiding } from '../../shared/adres';
import { normalizeBsn } from '../../shared/bsn';
import { LoketError } from '../../shared/errors';
import { partialDateProblem } from '../../shared/dates';
import { foldForSearch, formatNaam, voorlettersProblem } from '../../shared/names';
import type {
  Client, ClientInputSchema, ClientSearchSchema, ClientSummary, Household, HouseholdInputSchema,
  HouseholdPlanSchema,
} from '../../shared/schemas/client';
import { standaardHandeltIn } from '../../shared/schemas/client';
import type { RawDb } from '../db/database';
import {
  clientsByIds, clientsByZoeknaamBegin, clientsPage, clientsWithZoeknaamContaining, countZoeknaamContaining, namesContainingAll,
  type ClientSearchRow, type FoundClients,
} from '../db/sqlite/clientSearch';
import {
  ClientEntity, HouseholdEntity, RepresentativeEntity, UserEntity, type ClientRow,
} from '../db/entities';
import { assertClientWritable } from './beperking';
import { fuzzySearchRaw } from './fuzzy';
import { gekozenWijk } from './keuzelijsten';
import { logAccess, logShown, notFound, nowIso, type TxContext } from './context';

type ClientInput = z.output<typeof ClientInputSchema>;

export function clientNaam(c: Pick<ClientRow, 'voornamen' | 'voorletters' | 'voorvoegsel' | 'geslachtsnaam' |
  'partnerVoorvoegsel' | 'partnerGeslachtsnaam' | 'naamgebruik'>): string {
  return formatNaam({
    voornamen: c.voornamen, voorletters: c.voorletters ?? undefined, voorvoegsel: c.voorvoegsel ?? undefined,
    geslachtsnaam: c.geslachtsnaam, partnerVoorvoegsel: c.partnerVoorvoegsel ?? undefined,
    partnerGeslachtsnaam: c.partnerGeslachtsnaam ?? undefined,
    naamgebruik: c.naamgebruik as 'E' | 'P' | 'V' | 'N',
  });
}

export function adresRegels(c: Pick<ClientRow, 'straat' | 'huisnummer' | 'huisletter' | 'huisnummerToevoeging' | 'postcode' | 'woonplaats'>): string[] {
  const huis = huisnummerAanduiding(c);
  const lines = [[c.straat, huis].filter(Boolean).join(' '), [c.postcode, c.woonplaats?.toUpperCase()].filter(Boolean).join('  ')];
  return lines.filter((l) => l.trim().length > 0);
}

function summary(c: ClientRow): ClientSummary {
  return {
    id: c.id, bsn: c.bsn, naam: clientNaam(c), geboortedatum: c.geboortedatum, adres: adresRegels(c).join(', '),
    wijk: c.wijk, geheimhouding: c.geheimhouding, overleden: c.overleden,
  };
}

async function toClient(tx: TxContext, c: ClientRow): Promise<Client> {
  const reps = await tx.m.findBy(RepresentativeEntity, { clientId: c.id });
  return {
    ...c,
    naamgebruik: c.naamgebruik as Client['naamgebruik'],
    geslacht: c.geslacht as Client['geslacht'],
    naam: clientNaam(c),
    vertegenwoordigers: reps.map((r) => ({
      id: r.id, soort: r.soort as Client['vertegenwoordigers'][number]['soort'], naam: r.naam,
      adresregels: r.adresregels, telefoon: r.telefoon, email: r.email, ontvangtPost: r.ontvangtPost,
      handeltIn: r.handeltIn as ('zorg' | 'financieel')[], organisatie: r.organisatie, geslacht: r.geslacht as '0' | '1' | '2',
    })),
  };
}

async function existingWithBsn(tx: TxContext, bsn: string, exceptId?: number): Promise<ClientRow | null> {
  const found = await tx.m.findOneBy(ClientEntity, { bsn });
  return found && found.id !== exceptId ? found : null;
}

function duplicateBsn(existing: ClientRow): LoketError {
  return new LoketError('conflict',
    `BSN ${existing.bsn} is al geregistreerd bij ${clientNaam(existing)} (cliënt ${existing.id}, geboren ${existing.geboortedatum}). Open die cliënt in plaats van een nieuwe aan te maken.`,
    'bsn');
}

async function saveRepresentatives(tx: TxContext, clientId: number, reps: ClientInput['vertegenwoordigers']): Promise<void> {
  await tx.m.delete(RepresentativeEntity, { clientId });
  for (const r of reps) {
    await tx.m.insert(RepresentativeEntity, {
      clientId, soort: r.soort, naam: r.naam, adresregels: r.adresregels, telefoon: r.telefoon ?? null,
      email: r.email ?? null, ontvangtPost: r.ontvangtPost,
      handeltIn: r.handeltIn ?? standaardHandeltIn(r.soort), organisatie: r.organisatie ?? null, geslacht: r.geslacht,
    });
  }
}

/** What the shared schema cannot know: today (no birth date ahead of it) and the voorletters' shape. */
function checkClientInput(tx: TxContext, input: ClientInput): void {
  const datum = partialDateProblem(input.geboortedatum, tx.today());
  if (datum) throw new LoketError('invoer', datum, 'geboortedatum');
  const letters = input.voorletters ? voorlettersProblem(input.voorletters) : null;
  if (letters) throw new LoketError('invoer', letters, 'voorletters');
  if (input.huisnummer === null && (input.huisletter || input.huisnummerToevoeging)) {
    throw new LoketError('invoer', 'Vul ook het huisnummer in: een huisletter of toevoeging hoort altijd bij een huisnummer.', 'huisnummer');
  }
}

/** The row to store; the wijk as the beheerder's list spells it (`huidigeWijk`: a wijk no longer chosen may stay). */
async function rowFields(tx: TxContext, input: ClientInput, huidigeWijk: string | null = null) {
  const { vertegenwoordigers: _reps, ...fields } = input;
  return { ...fields, bsn: normalizeBsn(input.bsn), wijk: await gekozenWijk(tx, input.wijk, huidigeWijk) };
}

export async function createClient(tx: TxContext, input: ClientInput): Promise<Client> {
  checkClientInput(tx, input);
  const fields = await rowFields(tx, input);
  const existing = await existingWithBsn(tx, fields.bsn);
  if (existing) throw duplicateBsn(existing);
  const now = nowIso();
  const res = await tx.m.insert(ClientEntity, { ...fields, householdId: null, createdAt: now, updatedAt: now });
  const id = res.identifiers[0]!.id as number;
  await saveRepresentatives(tx, id, input.vertegenwoordigers);
  logAccess(tx, { action: 'aanmaken', objectType: 'client', objectId: id, clientId: id });
  return toClient(tx, await tx.m.findOneByOrFail(ClientEntity, { id }));
}

export async function updateClient(tx: TxContext, input: ClientInput & { id: number }): Promise<Client> {
  const current = await tx.m.findOneBy(ClientEntity, { id: input.id });
  if (!current) throw notFound('Cliënt', input.id);
  await assertClientWritable(tx, input.id);
  const { id, ...rest } = input;
  checkClientInput(tx, rest);
  const fields = await rowFields(tx, rest, current.wijk);
  const existing = await existingWithBsn(tx, fields.bsn, id);
  if (existing) throw duplicateBsn(existing);
  await tx.m.update(ClientEntity, { id }, { ...fields, updatedAt: nowIso() });
  await saveRepresentatives(tx, id, input.vertegenwoordigers);
  logAccess(tx, { action: 'wijzigen', objectType: 'client', objectId: id, clientId: id });
  return toClient(tx, await tx.m.findOneByOrFail(ClientEntity, { id }));
}

export async function getClient(tx: TxContext, input: { id: number }): Promise<Client> {
  const c = await tx.m.findOneBy(ClientEntity, { id: input.id });
  if (!c) throw notFound('Cliënt', input.id);
  logAccess(tx, { action: 'lezen', objectType: 'client', objectId: c.id, clientId: c.id });
  return toClient(tx, c);
}

export type SearchKind = 'bsn' | 'naam' | 'fuzzy' | 'postcode' | 'geboortedatum' | 'adres';

export interface DetectedSearch { kind: SearchKind; value: string; huisnummer?: number; huisletter?: string }

/**
 * What the person typed, recognised: 9 digits is a BSN, "1234 AB 5" a postcode + huisnummer, a date
 * a date, "Hovenlaan 37a" a street + huisnummer (+ huisletter); anything else is a name.
 */
export function detectSearch(query: string): DetectedSearch {
  const q = query.trim();
  // "999 927 243" and "999.927.243" are a BSN as well.
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d{8,9}$/.test(digits)) return { kind: 'bsn', value: digits.padStart(9, '0') };
  // "7423 AH 37", "7423ah37": postcode with huisnummer.
  const pc = /^([1-9]\d{3})\s?([a-zA-Z]{2})(?:\s*(\d+))?/.exec(q);
  if (pc) return { kind: 'postcode', value: `${pc[1]} ${pc[2]!.toUpperCase()}`, huisnummer: pc[3] ? Number(pc[3]) : undefined };
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(q);
  if (nl) return { kind: 'geboortedatum', value: `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}` };
  if (/^\d{4}-\d{2}-\d{2}$/.test(q)) return { kind: 'geboortedatum', value: q };
  // Words without digits, then a number (and perhaps a letter): a street and huisnummer.
  const adres = /^(\D*\p{L}\D*?)\s+(\d{1,5})\s*(\p{L})?$/u.exec(q);
  if (adres) return { kind: 'adres', value: adres[1]!.trim(), huisnummer: Number(adres[2]), huisletter: adres[3]?.toUpperCase() };
  return { kind: 'naam', value: foldForSearch(q) };
}

/**
 * By name. One word: names starting with it first, then names containing it (3+ characters, the
 * trigram index). Several words: every word starts a word of the name, in any order, so "Anna van
 * Vliet" finds "Vliet, van, Anna" (the folded zoeknaam); names in the typed order first.
 */
function naamRows(raw: RawDb, q: string, limit: number): FoundClients {
  const words = q.split(' ').filter(Boolean);
  const long = words.filter((w) => w.length >= 3);
  if (words.length > 1 && long.length > 0) {
    const hits = namesContainingAll(raw, long).filter((c) => {
      const naam = c.zoeknaam.split(' ');
      return words.every((w) => naam.some((n) => n.startsWith(w)));
    }).sort((a, b) => Number(!a.zoeknaam.startsWith(q)) - Number(!b.zoeknaam.startsWith(q))
      || (a.zoeknaam < b.zoeknaam ? -1 : a.zoeknaam > b.zoeknaam ? 1 : a.id - b.id));
    return { rows: clientsByIds(raw, hits.slice(0, limit).map((h) => h.id)), total: hits.length };
  }
  if (q.length < 3) return clientsPage(raw, { by: 'zoeknaamBegin', zoeknaam: q }, limit);
  const rows = clientsByZoeknaamBegin(raw, q, limit);
  // Every name starting with q also contains it: the substring count is the total.
  const count = countZoeknaamContaining(raw, q);
  if (rows.length < limit) {
    const seen = new Set(rows.map((r) => r.id));
    for (const r of clientsWithZoeknaamContaining(raw, q, limit)) {
      if (rows.length >= limit) break;
      if (!seen.has(r.id)) rows.push(r);
    }
  }
  return { rows, total: Math.max(count.total, rows.length), capped: count.capped };
}

function fuzzyRows(raw: RawDb, query: string, limit: number): { rows: ClientSearchRow[]; total: number } {
  // Ranked by likeness: counted among the candidates the index gives (at most 500).
  const hits = fuzzySearchRaw(raw, query, 500);
  return { rows: clientsByIds(raw, hits.slice(0, limit).map((h) => h.id)), total: hits.length };
}

function rawSummary(r: ClientSearchRow): ClientSummary {
  const c = {
    ...r, partnerVoorvoegsel: r.partner_voorvoegsel, partnerGeslachtsnaam: r.partner_geslachtsnaam,
    huisnummerToevoeging: r.huisnummer_toevoeging,
  };
  return {
    id: r.id, bsn: r.bsn, naam: clientNaam(c), geboortedatum: r.geboortedatum, adres: adresRegels(c).join(', '),
    wijk: r.wijk, geheimhouding: r.geheimhouding === 1, overleden: r.overleden === 1,
  };
}

function searchRows(raw: RawDb, query: string, k: SearchKind, d: DetectedSearch, limit: number): FoundClients {
  switch (k) {
    case 'bsn': return clientsPage(raw, { by: 'bsn', bsn: normalizeBsn(query).padStart(9, '0') }, limit);
    case 'postcode': return clientsPage(raw, { by: 'postcode', postcode: d.value, huisnummer: d.huisnummer }, limit);
    case 'geboortedatum': return clientsPage(raw, { by: 'geboortedatum', geboortedatum: d.value }, limit);
    case 'adres': return d.huisnummer === undefined ? { rows: [], total: 0 }
      : clientsPage(raw, { by: 'adres', straatBegin: d.value, huisnummer: d.huisnummer, huisletter: d.huisletter }, limit);
    case 'fuzzy': return fuzzyRows(raw, query, limit);
    case 'naam': return naamRows(raw, foldForSearch(query), limit);
  }
}

export function searchClientsRaw(raw: RawDb, query: string, kind: 'auto' | SearchKind, limit: number): { kind: SearchKind; results: ClientSummary[]; total: number; totalCapped: boolean } {
  const detected = detectSearch(query);
  let k = kind === 'auto' ? detected.kind : kind;
  let found = searchRows(raw, query, k, detected, limit);
  // Nothing found by name: perhaps a typo ("Vreis" for "de Vries").
  if (k === 'naam' && found.total === 0 && foldForSearch(query).length >= 4) {
    k = 'fuzzy';
    found = fuzzyRows(raw, query, limit);
  }
  return { kind: k, results: found.rows.map(rawSummary), total: found.total, totalCapped: found.capped ?? false };
}

export async function searchClients(tx: TxContext, input: z.output<typeof ClientSearchSchema>): Promise<{ results: ClientSummary[]; total: number; totalCapped: boolean }> {
  const { kind, results, total, totalCapped } = searchClientsRaw(tx.raw, input.query, input.kind, input.limit);
  // The search terms are personal data: log the kind of search and the hits, not the terms.
  logShown(tx, {
    objectType: 'client', detail: `zoeken op ${kind}: ${results.length} resultaten${total > results.length ? ` van ${totalCapped ? 'meer dan ' : ''}${total}` : ''}${results.length ? ` (${results.map((r) => r.id).join(',')})` : ''}`,
  }, results.map((r) => r.id));
  return { results, total, totalCapped };
}

async function toHousehold(tx: TxContext, id: number): Promise<Household> {
  const h = await tx.m.findOneBy(HouseholdEntity, { id });
  if (!h) throw notFound('Huishouden', id);
  const leden = await tx.m.find(ClientEntity, { where: { householdId: id }, order: { geboortedatum: 'ASC' } });
  const regisseur = h.regisseurId ? await tx.m.findOneBy(UserEntity, { id: h.regisseurId }) : null;
  return {
    id: h.id, naam: h.naam, regisseurId: h.regisseurId, regisseurNaam: regisseur?.displayName ?? null,
    doelen: h.planDoelen as Household['doelen'], afspraken: h.planAfspraken as Household['afspraken'],
    leden: leden.map(summary),
  };
}

async function checkRegisseur(tx: TxContext, regisseurId: number | null): Promise<void> {
  if (regisseurId === null) return;
  const u = await tx.m.findOneBy(UserEntity, { id: regisseurId, active: true });
  if (!u || !u.roles.some((r) => r === 'consulent' || r === 'besluitbevoegd')) {
    throw new LoketError('invoer', 'De regisseur moet een actieve consulent zijn. Kies een consulent uit de lijst.', 'regisseurId');
  }
}

export async function createHousehold(tx: TxContext, input: z.output<typeof HouseholdInputSchema>): Promise<Household> {
  await checkRegisseur(tx, input.regisseurId);
  const now = nowIso();
  const res = await tx.m.insert(HouseholdEntity, {
    naam: input.naam, regisseurId: input.regisseurId, planDoelen: [], planAfspraken: [], createdAt: now, updatedAt: now,
  });
  const id = res.identifiers[0]!.id as number;
  for (const clientId of input.memberIds) {
    const c = await tx.m.findOneBy(ClientEntity, { id: clientId });
    if (!c) throw notFound('Cliënt', clientId);
    await assertClientWritable(tx, clientId);
    if (c.householdId !== null) {
      throw new LoketError('conflict', `${clientNaam(c)} hoort al bij huishouden ${c.householdId}: één huishouden, één plan. Voeg de cliënt daar toe.`, 'memberIds');
    }
    await tx.m.update(ClientEntity, { id: clientId }, { householdId: id, updatedAt: now });
    logAccess(tx, { action: 'wijzigen', objectType: 'huishouden', objectId: id, clientId });
  }
  return toHousehold(tx, id);
}

export async function getHousehold(tx: TxContext, input: { id: number }): Promise<Household> {
  const h = await toHousehold(tx, input.id);
  for (const lid of h.leden) logAccess(tx, { action: 'lezen', objectType: 'huishouden', objectId: h.id, clientId: lid.id });
  return h;
}

export async function updateHouseholdPlan(tx: TxContext, input: z.output<typeof HouseholdPlanSchema>): Promise<Household> {
  const h = await tx.m.findOneBy(HouseholdEntity, { id: input.id });
  if (!h) throw notFound('Huishouden', input.id);
  await checkRegisseur(tx, input.regisseurId);
  for (const lid of await tx.m.findBy(ClientEntity, { householdId: input.id })) await assertClientWritable(tx, lid.id);
  await tx.m.update(HouseholdEntity, { id: input.id }, {
    regisseurId: input.regisseurId, planDoelen: input.doelen, planAfspraken: input.afspraken, updatedAt: nowIso(),
  });
  const result = await toHousehold(tx, input.id);
  for (const lid of result.leden) logAccess(tx, { action: 'wijzigen', objectType: 'plan', objectId: h.id, clientId: lid.id });
  return result;
}

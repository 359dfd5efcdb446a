import { z } from 'zod';
import { eenheidLabel, frequentieLabel, productcategorieLabel } from '../../shared/codelists';
import { LoketError } from '../../shared/errors';
import type {
  AanvraagInputSchema, Indicatie, IndicatieInputSchema, Melding, MeldingDetail, MeldingInputSchema,
  OnderzoekInputSchema, Termijn, TermijnHervatSchema, TermijnOpschortSchema, TermijnVerlengSchema, Wet,
} from '../../shared/schemas/zaak';
import {
  termijnWijzigingProbleem, type TermijnWijziging, type WijzigingGrond,
} from '../../shared/termijnen';
import { atwKlok, type AtwKlok } from './atw';
import { checkReferentie } from '../export/referentie';
import {
  AanvraagEntity, BeschikkingEntity, BeschikkingIndicatieEntity, ClientEntity, IndicatieEntity, MeldingEntity, OnderzoekEntity,
  TermijnEntity, UserEntity,
  type MeldingRow, type TermijnRow,
} from '../db/entities';
import { clientNaam } from './clients';
import { beschikkingenForAanvraag } from './beschikkingen';
import { assertClientWritable } from './beperking';
import { readsHulpvraagEnVerslag } from './toegang';
import { logAccess, notFound, nowIso, type TxContext } from './context';
import { meldingKenmerk, toIndicatie, toTermijn } from './zaakRecords';
import { gekozenAanbieder } from './keuzelijsten';

/**
 * Wmo 2015 art. 2.3.2 lid 2: the client may hand in a persoonlijk plan until 7 days after the
 * melding; a term set by law, so the Atw moves an end on a weekend or feestdag.
 */
export function persoonlijkPlanUiterlijk(meldingDatum: string, klok: AtwKlok): string {
  return klok.dagenNa(meldingDatum, 7);
}

// ---------------------------------------------------------------- termijnen

async function startTermijn(tx: TxContext, meldingId: number, soort: 'onderzoek' | 'beschikking', wet: string, start: string): Promise<void> {
  const t = { meldingId, soort, wet, startdatum: start, verlengingen: [], opschortingen: [] };
  await tx.m.insert(TermijnEntity, { ...t, uiterlijk: (await atwKlok(tx)).termijn(t).uiterlijk, afgerondOp: null, behaald: null });
}

async function changeTermijn(tx: TxContext, termijnId: number, change: (t: TermijnRow) => Partial<TermijnRow>, detail: string): Promise<Termijn> {
  const t = await tx.m.findOneBy(TermijnEntity, { id: termijnId });
  if (!t) throw notFound('Termijn', termijnId);
  const melding = await tx.m.findOneByOrFail(MeldingEntity, { id: t.meldingId });
  await assertClientWritable(tx, melding.clientId);
  if (t.afgerondOp) throw new LoketError('conflict', `Deze termijn is al afgerond op ${t.afgerondOp}; u kunt hem niet meer wijzigen.`);
  const next = { ...t, ...change(t) };
  next.uiterlijk = (await atwKlok(tx)).termijn(next).uiterlijk;
  await tx.m.update(TermijnEntity, { id: t.id }, { verlengingen: next.verlengingen, opschortingen: next.opschortingen, uiterlijk: next.uiterlijk });
  logAccess(tx, { action: 'wijzigen', objectType: 'termijn', objectId: t.id, clientId: melding.clientId, detail });
  return toTermijn(next, tx.today());
}

/** Refuses what the law does not allow: after expiry, or an Awb ground for a term that is no beslistermijn. */
function assertWijzigbaar(t: TermijnRow, w: TermijnWijziging, today: string, veld: string): void {
  const problem = termijnWijzigingProbleem({ wet: t.wet as Wet, soort: t.soort, uiterlijk: t.uiterlijk }, w, today);
  if (problem) throw new LoketError(t.uiterlijk && today > t.uiterlijk ? 'conflict' : 'invoer', problem, w.grond !== 'awb' && !w.grondTekst ? 'grondTekst' : veld);
}

export function verlengTermijn(tx: TxContext, input: z.output<typeof TermijnVerlengSchema>): Promise<Termijn> {
  return changeTermijn(tx, input.termijnId, (t) => {
    assertWijzigbaar(t, { soort: 'verlenging', grond: input.grond, grondTekst: input.grondTekst }, tx.today(), 'dagen');
    const grond = input.grond === 'awb' ? {} : { grond: input.grond, grondTekst: input.grondTekst };
    return { verlengingen: [...t.verlengingen, { dagen: input.dagen, reden: input.reden, op: tx.today(), ...grond }] };
  }, `verlengd met ${input.dagen} dagen (${GROND_LOG[input.grond]})`);
}

export function schortTermijnOp(tx: TxContext, input: z.output<typeof TermijnOpschortSchema>): Promise<Termijn> {
  return changeTermijn(tx, input.termijnId, (t) => {
    if (t.opschortingen.some((o) => o.tot === null)) throw new LoketError('conflict', 'De termijn is al opgeschort. Hervat hem eerst.');
    if (input.van < t.startdatum) throw new LoketError('invoer', 'De opschorting kan niet beginnen vóór de start van de termijn.', 'van');
    assertWijzigbaar(t, { soort: 'opschorting', grond: input.grond, grondTekst: input.grondTekst, van: input.van }, tx.today(), 'van');
    const grond = input.grond === 'awb' ? {} : { grond: input.grond, grondTekst: input.grondTekst };
    return { opschortingen: [...t.opschortingen, { van: input.van, tot: null, reden: input.reden, ...grond }] };
  }, `opgeschort (${GROND_LOG[input.grond]})`);
}

const GROND_LOG: Record<WijzigingGrond, string> = { awb: 'Awb', instemming_client: 'met instemming van de cliënt', verordening: 'op grond van de verordening' };

export function hervatTermijn(tx: TxContext, input: z.output<typeof TermijnHervatSchema>): Promise<Termijn> {
  return changeTermijn(tx, input.termijnId, (t) => {
    const open = t.opschortingen.find((o) => o.tot === null);
    if (!open) throw new LoketError('conflict', 'Deze termijn is niet opgeschort.');
    if (input.tot < open.van) throw new LoketError('invoer', `De opschorting begon op ${open.van}; hervatten kan niet eerder.`, 'tot');
    return { opschortingen: t.opschortingen.map((o) => (o === open ? { ...o, tot: input.tot } : o)) };
  }, 'hervat');
}

// ---------------------------------------------------------------- melding

async function toMelding(tx: TxContext, m: MeldingRow): Promise<Melding> {
  const [client, consulent] = await Promise.all([
    tx.m.findOneByOrFail(ClientEntity, { id: m.clientId }),
    tx.m.findOneByOrFail(UserEntity, { id: m.consulentId }),
  ]);
  return {
    id: m.id, clientId: m.clientId, datum: m.datum, kanaal: m.kanaal as Melding['kanaal'], wet: m.wet as Wet,
    hulpvraag: m.hulpvraag, toestemming: m.toestemming, clientondersteuningAangeboden: m.clientondersteuningAangeboden,
    persoonlijkPlanOntvangenOp: m.persoonlijkPlanOntvangenOp, mantelzorger: m.mantelzorger,
    consulentId: m.consulentId, consulentNaam: consulent.displayName, persoonlijkPlanUiterlijk: persoonlijkPlanUiterlijk(m.datum, await atwKlok(tx)), status: m.status as Melding['status'],
    clientNaam: clientNaam(client), kenmerk: meldingKenmerk(m),
  };
}

export async function meldingDetail(tx: TxContext, meldingId: number): Promise<MeldingDetail> {
  const m = await tx.m.findOneBy(MeldingEntity, { id: meldingId });
  if (!m) throw notFound('Melding', meldingId);
  const onderzoek = await tx.m.findOneBy(OnderzoekEntity, { meldingId });
  const aanvraag = await tx.m.findOneBy(AanvraagEntity, { meldingId });
  const indicaties = aanvraag ? await tx.m.find(IndicatieEntity, { where: { aanvraagId: aanvraag.id }, order: { id: 'ASC' } }) : [];
  const termijnen = await tx.m.find(TermijnEntity, { where: { meldingId }, order: { id: 'ASC' } });
  return {
    melding: await toMelding(tx, m),
    onderzoek: onderzoek ? { ...onderzoek } : null,
    aanvraag: aanvraag ? { ...aanvraag } : null,
    indicaties: indicaties.map(toIndicatie),
    beschikkingen: aanvraag ? await beschikkingenForAanvraag(tx, aanvraag.id) : [],
    termijnen: termijnen.map((t) => toTermijn(t, tx.today())),
  };
}

/**
 * `onderzoekstermijn: false` for a Jeugdwet verwijzing (JW315): the right to jeugdhulp is
 * established by the verwijzer, so no onderzoek term runs (its clock is OP274's 5 werkdagen).
 */
export async function createMelding(tx: TxContext, input: z.output<typeof MeldingInputSchema>, opties: { onderzoekstermijn?: boolean } = {}): Promise<MeldingDetail> {
  const client = await tx.m.findOneBy(ClientEntity, { id: input.clientId });
  if (!client) throw notFound('Cliënt', input.clientId);
  await assertClientWritable(tx, client.id);
  if (client.overleden) throw new LoketError('conflict', `${clientNaam(client)} is overleden volgens de BRP. Een melding is niet mogelijk.`, 'clientId');
  if (input.datum > tx.today()) throw new LoketError('invoer', 'De datum van de melding ligt in de toekomst. Vul de dag in waarop de melding binnenkwam.', 'datum');
  const consulentId = input.consulentId ?? tx.session.user.id;
  const res = await tx.m.insert(MeldingEntity, {
    clientId: input.clientId, consulentId, datum: input.datum, kanaal: input.kanaal, wet: input.wet,
    hulpvraag: input.hulpvraag, toestemming: input.toestemming,
    clientondersteuningAangeboden: input.clientondersteuningAangeboden,
    persoonlijkPlanOntvangenOp: input.persoonlijkPlanOntvangenOp, mantelzorger: input.mantelzorger,
    status: 'open', createdAt: nowIso(),
  });
  const id = res.identifiers[0]!.id as number;
  // The melding starts the clock: Wmo onderzoek 6 weeks, Jeugdwet and Participatiewet 8 weeks.
  if (opties.onderzoekstermijn !== false) await startTermijn(tx, id, 'onderzoek', input.wet, input.datum);
  logAccess(tx, { action: 'aanmaken', objectType: 'melding', objectId: id, clientId: input.clientId });
  return meldingDetail(tx, id);
}

export async function getMelding(tx: TxContext, input: { id: number }): Promise<MeldingDetail> {
  const detail = await meldingDetail(tx, input.id);
  logAccess(tx, { action: 'lezen', objectType: 'melding', objectId: input.id, clientId: detail.melding.clientId });
  return detail;
}

async function openMelding(tx: TxContext, meldingId: number): Promise<MeldingRow> {
  const m = await tx.m.findOneBy(MeldingEntity, { id: meldingId });
  if (!m) throw notFound('Melding', meldingId);
  if (m.status !== 'open') throw new LoketError('conflict', `Melding ${meldingKenmerk(m)} is afgesloten; wijzigen kan niet meer.`);
  await assertClientWritable(tx, m.clientId);
  return m;
}

export async function saveOnderzoek(tx: TxContext, input: z.output<typeof OnderzoekInputSchema>) {
  const m = await openMelding(tx, input.meldingId);
  if (input.datum < m.datum) throw new LoketError('invoer', `Het gesprek kan niet vóór de melding (${m.datum}) zijn gehouden.`, 'datum');
  const { meldingId, ...fields } = input;
  const existing = await tx.m.findOneBy(OnderzoekEntity, { meldingId });
  if (existing) await tx.m.update(OnderzoekEntity, { id: existing.id }, { ...fields, updatedAt: nowIso() });
  else await tx.m.insert(OnderzoekEntity, { meldingId, ...fields, updatedAt: nowIso() });
  const saved = await tx.m.findOneByOrFail(OnderzoekEntity, { meldingId });
  logAccess(tx, { action: existing ? 'wijzigen' : 'aanmaken', objectType: 'onderzoek', objectId: saved.id, clientId: m.clientId });
  return { ...saved };
}

export async function createAanvraag(tx: TxContext, input: z.output<typeof AanvraagInputSchema>) {
  const m = await openMelding(tx, input.meldingId);
  if (await tx.m.findOneBy(AanvraagEntity, { meldingId: m.id })) {
    throw new LoketError('conflict', `Bij melding ${meldingKenmerk(m)} is al een aanvraag vastgelegd.`);
  }
  if (input.ontvangenOp < m.datum) throw new LoketError('invoer', `De aanvraag kan niet vóór de melding (${m.datum}) zijn ontvangen.`, 'ontvangenOp');
  if (input.ontvangenOp > tx.today()) throw new LoketError('invoer', 'De datum van ontvangst ligt in de toekomst.', 'ontvangenOp');
  const res = await tx.m.insert(AanvraagEntity, { ...input });
  // The aanvraag starts the beschikking clock: Wmo 2 weeks (art. 2.3.5), Jeugdwet/Pw 8 weeks (Awb 4:13).
  await startTermijn(tx, m.id, 'beschikking', m.wet, input.ontvangenOp);
  const id = res.identifiers[0]!.id as number;
  logAccess(tx, { action: 'aanmaken', objectType: 'aanvraag', objectId: id, clientId: m.clientId });
  return { id, ...input };
}

/** Whether two date ranges (open end = null) overlap. */
function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return (aEnd === null || bStart <= aEnd) && (bEnd === null || aStart <= bEnd);
}

export async function createIndicatie(tx: TxContext, input: z.output<typeof IndicatieInputSchema>): Promise<Indicatie> {
  const aanvraag = await tx.m.findOneBy(AanvraagEntity, { id: input.aanvraagId });
  if (!aanvraag) throw notFound('Aanvraag', input.aanvraagId);
  const m = await openMelding(tx, aanvraag.meldingId);
  const wet = m.wet as Wet;
  if (wet === 'participatiewet') {
    throw new LoketError('invoer', 'Voor de Participatiewet legt u hier geen indicatie vast; die loopt via Werk en Inkomen.', 'productcategorie');
  }
  if (!productcategorieLabel(wet, input.productcategorie, null)) {
    throw new LoketError('invoer', `Productcategorie ${input.productcategorie} bestaat niet in de ${wet === 'wmo' ? 'iWmo' : 'iJw'}-codelijst. Kies een categorie uit de lijst.`, 'productcategorie');
  }
  if ((input.omvang === null) === (input.budgetCents === null)) {
    throw new LoketError('invoer', 'Vul de omvang (volume, eenheid, frequentie) óf een budget in, niet allebei en niet geen van beide.', 'omvang');
  }
  if (input.omvang) {
    if (!eenheidLabel(input.omvang.eenheid, 1, null)) throw new LoketError('invoer', `Eenheid ${input.omvang.eenheid} bestaat niet in de codelijst.`, 'omvang.eenheid');
    if (!frequentieLabel(input.omvang.frequentie, null)) throw new LoketError('invoer', `Frequentie ${input.omvang.frequentie} bestaat niet in de codelijst.`, 'omvang.frequentie');
  }
  if (input.budgetCents !== null && input.einddatum === null) {
    throw new LoketError('invoer', 'Bij een budget hoort een einddatum.', 'einddatum');
  }
  if (input.omvang?.frequentie === '2' && input.einddatum === null) {
    throw new LoketError('invoer', 'Bij een omvang per week hoort een einddatum.', 'einddatum');
  }
  if (input.einddatum !== null && input.einddatum < input.ingangsdatum) {
    throw new LoketError('invoer', 'De einddatum ligt vóór de ingangsdatum.', 'einddatum');
  }
  if (input.leveringsvorm === 'ZIN' && !input.aanbiederAgb) {
    throw new LoketError('invoer', 'Bij zorg in natura hoort een aanbieder: vul de AGB-code in.', 'aanbiederAgb');
  }
  // Zorg in natura goes to a contracted aanbieder from the beheerder's list; its name comes from there.
  const aanbieder = input.leveringsvorm === 'ZIN' && input.aanbiederAgb ? await gekozenAanbieder(tx, input.aanbiederAgb) : null;
  if (input.leveringsvorm === 'PGB' && (input.pgbZorgverlener === null || input.pgbTariefCents === null)) {
    throw new LoketError('invoer', 'Bij een PGB horen de soort hulp (formeel of informeel) en het tarief uit de verordening: daarmee is het budget berekend (Wmo 2015 art. 2.3.6 lid 4).', 'pgbTariefCents');
  }
  // iWmo OP043 and issue 14: for one product no two granted indicaties at once, unless the new
  // one explicitly replaces the running one (a wijziging, e.g. zorg in natura → PGB).
  const others = await tx.m.createQueryBuilder(IndicatieEntity, 'i')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = i.aanvraagId')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
    .innerJoin(BeschikkingIndicatieEntity.options.name, 'bi', 'bi.indicatieId = i.id')
    .innerJoin(BeschikkingEntity.options.name, 'b', 'b.id = bi.beschikkingId')
    .where('m.clientId = :clientId AND i.productcategorie = :categorie', { clientId: m.clientId, categorie: input.productcategorie })
    .andWhere(`COALESCE(i.productcode, '') = COALESCE(:code, '')`, { code: input.productcode })
    .andWhere(`(i.leveringsvorm <> :leveringsvorm OR i.leveringsvorm = 'ZIN')`, { leveringsvorm: input.leveringsvorm })
    .andWhere(`b.status IN ('vastgesteld', 'verzonden') AND b.soort IN ('toekenning', 'gedeeltelijke_toekenning', 'wijziging')`)
    .getMany();
  if (input.vervangtIndicatieId !== null && !others.some((o) => o.id === input.vervangtIndicatieId)) {
    throw new LoketError('invoer', `Indicatie ${input.vervangtIndicatieId} is geen toegekende indicatie voor dit product van deze cliënt; kies de indicatie die deze vervangt.`, 'vervangtIndicatieId');
  }
  const clash = others.find((o) => o.id !== input.vervangtIndicatieId && overlaps(o.ingangsdatum, o.einddatum, input.ingangsdatum, input.einddatum));
  if (clash) {
    throw new LoketError('conflict',
      `Voor dit product loopt al ${clash.leveringsvorm === 'PGB' ? 'een PGB' : 'zorg in natura'} (indicatie ${clash.id}, tot ${clash.einddatum ?? 'onbepaalde tijd'}). ` +
      'Twee indicaties voor hetzelfde product kunnen niet tegelijk lopen: beëindig eerst de lopende indicatie, of geef aan dat deze indicatie haar vervangt.', 'vervangtIndicatieId');
  }
  if (input.referentieAanbieder) await checkReferentie(tx, m.clientId, input.referentieAanbieder);
  const res = await tx.m.insert(IndicatieEntity, {
    aanvraagId: input.aanvraagId, wet, productcategorie: input.productcategorie, productcode: input.productcode,
    volume: input.omvang?.volume ?? null, eenheid: input.omvang?.eenheid ?? null, frequentie: input.omvang?.frequentie ?? null,
    budgetCents: input.budgetCents, leveringsvorm: input.leveringsvorm,
    aanbiederAgb: aanbieder?.agbCode ?? null, aanbiederNaam: aanbieder?.naam ?? input.aanbiederNaam,
    ingangsdatum: input.ingangsdatum, einddatum: input.einddatum, motivering: input.motivering,
    toewijzingNummer: null, referentieAanbieder: input.referentieAanbieder ?? null, createdAt: nowIso(), createdBy: tx.session.user.id,
    pgbZorgverlener: input.leveringsvorm === 'PGB' ? input.pgbZorgverlener : null,
    pgbTariefCents: input.leveringsvorm === 'PGB' ? input.pgbTariefCents : null,
    vervangtIndicatieId: input.vervangtIndicatieId,
  });
  const id = res.identifiers[0]!.id as number;
  logAccess(tx, { action: 'aanmaken', objectType: 'indicatie', objectId: id, clientId: m.clientId });
  return toIndicatie(await tx.m.findOneByOrFail(IndicatieEntity, { id }));
}

export async function clientTimeline(tx: TxContext, input: { id: number }) {
  const client = await tx.m.findOneBy(ClientEntity, { id: input.id });
  if (!client) throw notFound('Cliënt', input.id);
  const meldingen = await tx.m.find(MeldingEntity, { where: { clientId: input.id }, order: { datum: 'DESC', id: 'DESC' } });
  const indicaties = await tx.m.createQueryBuilder(IndicatieEntity, 'i')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = i.aanvraagId')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
    .where('m.clientId = :clientId', { clientId: input.id })
    .orderBy('i.ingangsdatum', 'DESC').addOrderBy('i.id')
    .getMany();
  logAccess(tx, { action: 'lezen', objectType: 'client-tijdlijn', objectId: input.id, clientId: input.id });
  const hulpvraag = readsHulpvraagEnVerslag(tx.session.user);
  return {
    // Administratie sees the cases, not what the client asked for.
    meldingen: (await Promise.all(meldingen.map((m) => toMelding(tx, m)))).map((m) => (hulpvraag ? m : { ...m, hulpvraag: '' })),
    indicaties: indicaties.map(toIndicatie),
  };
}


/**
 * Incoming WMO315/JW315 (verzoek om toewijzing), kept with what they carry (iwmo_berichten,
 * migration 0009), with the terms the iStandaarden set:
 *
 * - a retour (WMO316/JW316) within 3 werkdagen (OP090): written when the message is read;
 * - per requested product, within 5 werkdagen, a toewijzing (301, which echoes the
 *   ReferentieAanbieder, IV097) or an antwoordbericht (319) (OP274).
 *
 * A JW315 is a verwijzing (huisarts, jeugdarts, gecertificeerde instelling): the right to jeugdhulp
 * is established, so it does not start an 8-week onderzoek. A 315 whose BSN belongs to a client
 * with another name or birth date, or a JW315 for an adult, waits for a person instead of being
 * attached silently. Duplicates are recognised per berichtsoort and afzender (TR056).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { compareDates } from '../../shared/dates';
import { LoketError } from '../../shared/errors';
import type { AntwoordSchema, VerzoekSchema } from '../../shared/ipc/iwmo-channels';
import { foldForSearch } from '../../shared/names';
import { inputTextProblem } from '../../shared/text';
import { eenheidLabel, frequentieLabel, productcategorieLabel } from '../../shared/codelists';
import { ClientInputSchema } from '../../shared/schemas/client';
import { MeldingInputSchema } from '../../shared/schemas/zaak';
import {
  AanvraagEntity, ClientEntity, IndicatieEntity, IwmoBerichtEntity, MeldingEntity, SettingEntity, type ClientRow, type IwmoBerichtRow,
} from '../db/entities';
import { createClient } from '../services/clients';
import { createMelding } from '../services/zaken';
import { atwKlok } from '../services/atw';
import { assertClientWritable } from '../services/beperking';
import { logAccess, notFound, type TxContext } from '../services/context';
import { readExportConfig } from './config';
import { buildAntwoordXml, buildRetourVerzoekXml, type RedenAfwijzingVerzoek } from './iwmo/antwoord';
import type { Wet } from './iwmo/standaarden';
import type { AangevraagdProduct, VerzoekOmToewijzing } from './iwmo/verzoek';

type BerichtRow = IwmoBerichtRow;

/** TR056: the same Identificatie from the same afzender for the same berichtsoort is read once. */
export async function assertNieuwBericht(tx: TxContext, v: VerzoekOmToewijzing): Promise<void> {
  const dup = await tx.m.existsBy(IwmoBerichtEntity, { berichtsoort: v.bericht, afzender: v.aanbiederAgb, identificatie: v.berichtIdentificatie });
  if (dup) {
    throw new LoketError('conflict', `${v.bericht} ${v.berichtIdentificatie} van aanbieder ${v.aanbiederAgb} is al ingelezen; een bericht wordt één keer verwerkt (TR056).`);
  }
}

/** Age in whole years on a day; birth dates may be partly unknown (00), then the earliest reading. */
function leeftijd(geboortedatum: string, op: string): number {
  const [j, m, d] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [oj, om, od] = op.split('-').map(Number) as [number, number, number];
  return oj - j - ((om < (m || 1) || (om === (m || 1) && od < (d || 1))) ? 1 : 0);
}

/** Whether the known parts of two BRP-style dates agree ("1960-05-00" agrees with "1960-05-17"). */
function datumKlopt(a: string, b: string): boolean {
  const pa = a.split('-'), pb = b.split('-');
  return pa.every((x, i) => x === '00' || x === '0000' || pb[i] === '00' || pb[i] === '0000' || x === pb[i]);
}

/** Why a person must look at this 315 before it is attached; null when it can be processed. */
export function redenOmTeWachten(v: VerzoekOmToewijzing, bestaand: ClientRow | null, vandaag: string): string | null {
  const redenen: string[] = [];
  if (bestaand) {
    const naam = (c: { geslachtsnaam: string; voorvoegsel?: string | null }) => foldForSearch(`${c.voorvoegsel ?? ''} ${c.geslachtsnaam}`);
    const partner = bestaand.partnerGeslachtsnaam ? foldForSearch(`${bestaand.partnerVoorvoegsel ?? ''} ${bestaand.partnerGeslachtsnaam}`) : null;
    const inBericht = naam(v.client.naam);
    if (inBericht !== naam(bestaand) && inBericht !== partner) {
      redenen.push(`de achternaam in het bericht (${v.client.naam.geslachtsnaam}) verschilt van die van de cliënt met dit BSN`);
    }
    if (!datumKlopt(v.client.geboortedatum, bestaand.geboortedatum)) {
      redenen.push('de geboortedatum in het bericht verschilt van die van de cliënt met dit BSN');
    }
  }
  if (v.wet === 'jeugdwet' && leeftijd(v.client.geboortedatum, vandaag) >= 18) {
    redenen.push('de jeugdige is 18 jaar of ouder; jeugdhulp na 18 jaar kan alleen als verlengde jeugdhulp');
  }
  return redenen.length ? `Controleer dit verzoek: ${redenen.join('; ')}.` : null;
}

export interface Termijnen315 { retourUiterlijk: string; antwoordUiterlijk: string }

/** OP090: retour within 3 werkdagen; OP274: toewijzing or antwoord within 5 werkdagen. */
export async function termijnen315(tx: TxContext, ontvangen: string): Promise<Termijnen315> {
  const klok = await atwKlok(tx);
  return { retourUiterlijk: klok.werkdagenNa(ontvangen, 3), antwoordUiterlijk: klok.werkdagenNa(ontvangen, 5) };
}

export async function bewaarBericht(tx: TxContext, v: VerzoekOmToewijzing, r: {
  ontvangenOp: string; clientId: number | null; meldingId: number | null; status: BerichtRow['status']; redenWacht: string | null;
} & Termijnen315): Promise<number> {
  const res = await tx.m.insert(IwmoBerichtEntity, {
    berichtsoort: v.bericht, afzender: v.aanbiederAgb, identificatie: v.berichtIdentificatie, dagtekening: v.dagtekening,
    ontvangenOp: r.ontvangenOp, clientId: r.clientId, meldingId: r.meldingId, status: r.status, redenWacht: r.redenWacht,
    inhoud: JSON.stringify(v), antwoorden: '{}', retourUiterlijk: r.retourUiterlijk, retourIdentificatie: null, retourOp: null,
    antwoordUiterlijk: r.antwoordUiterlijk,
  });
  return res.identifiers[0]!.id as number;
}

async function volgnummer(tx: TxContext, key: string, prefix: string): Promise<string> {
  const counter = await tx.m.findOneBy(SettingEntity, { key });
  const n = (typeof counter?.value === 'number' ? counter.value : 0) + 1;
  await tx.m.save(SettingEntity, { key, value: n });
  return `${prefix}${String(n).padStart(10, '0')}`;
}

/**
 * Writes a message into the GGk folder when one is set (else only returns it). Last step of its
 * transaction: a failed write rolls the recording back.
 */
async function schrijf(tx: TxContext, bestand: string, xml: string): Promise<string | null> {
  const dir = (await readExportConfig(tx.m)).export.iwmoOutDir;
  if (!dir) return null;
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, bestand);
  await fs.writeFile(`${file}.tmp`, xml, 'utf8');
  await fs.rename(`${file}.tmp`, file);
  return bestand;
}

/** The WMO316/JW316 retour of a stored 315 (OP090), recorded on the message. */
export async function schrijfRetour(tx: TxContext, berichtId: number): Promise<{ bestand: string | null; xml: string }> {
  const row = await loadBericht(tx, berichtId);
  const v = JSON.parse(row.inhoud) as VerzoekOmToewijzing;
  const id = row.retourIdentificatie ?? await volgnummer(tx, 'iwmo.retourvolgnummer', 'RT');
  const xml = buildRetourVerzoekXml({ verzoek: v, identificatieRetour: id, dagtekeningRetour: tx.today() });
  await tx.m.update(IwmoBerichtEntity, { id: berichtId }, { retourIdentificatie: id, retourOp: tx.today() });
  const gemeente = v.gemeentecode;
  const bestand = await schrijf(tx, `${v.bericht === 'JW315' ? 'JW316' : 'WMO316'}_${gemeente}_${v.aanbiederAgb}_${id}.xml`, xml);
  return { bestand, xml };
}

async function loadBericht(tx: TxContext, id: number): Promise<BerichtRow> {
  const row = await tx.m.findOneBy(IwmoBerichtEntity, { id });
  if (!row) throw notFound('Verzoek om toewijzing', id);
  return row;
}

type Antwoorden = Record<string, { antwoord: '1' | '2'; reden?: string; op: string; identificatie: string }>;

/** The state of each requested product: toegewezen (a 301 echoes its reference), beantwoord (319), or open. */
async function verzoekInfo(tx: TxContext, row: BerichtRow): Promise<z.input<typeof VerzoekSchema>> {
  const v = JSON.parse(row.inhoud) as VerzoekOmToewijzing;
  const antwoorden = JSON.parse(row.antwoorden) as Antwoorden;
  const producten = [];
  for (const [i, p] of v.producten.entries()) {
    const toegewezen = row.clientId === null ? null : await tx.m.createQueryBuilder(IndicatieEntity, 'i')
      .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = i.aanvraagId')
      .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
      .where('m.clientId = :clientId AND i.referentieAanbieder = :ref AND i.toewijzingNummer IS NOT NULL', { clientId: row.clientId, ref: p.referentieAanbieder })
      .getExists();
    const a = antwoorden[String(i)];
    producten.push({
      index: i, referentieAanbieder: p.referentieAanbieder, categorie: p.product?.categorie ?? null, code: p.product?.code ?? null,
      ingangsdatum: p.ingangsdatum, einddatum: p.einddatum ?? null, beschikkingNummer: p.beschikkingNummer ?? null,
      beschikkingIngangsdatum: p.beschikkingIngangsdatum ?? null, raamcontract: p.raamcontract ?? null, commentaar: p.commentaar ?? null,
      verwijzer: { type: p.verwijzer.type, naam: p.verwijzer.naam ?? null, zorgverlenerCode: p.verwijzer.zorgverlenerCode ?? null },
      status: toegewezen ? 'toegewezen' as const : a ? 'beantwoord' as const : 'open' as const,
      antwoord: a?.antwoord ?? null,
    });
  }
  const open = producten.some((p) => p.status === 'open');
  return {
    id: row.id, bericht: row.berichtsoort, afzender: row.afzender, identificatie: row.identificatie, dagtekening: row.dagtekening,
    ontvangenOp: row.ontvangenOp, status: row.status, redenWacht: row.redenWacht, clientId: row.clientId, meldingId: row.meldingId,
    clientNaam: [v.client.naam.voorletters, v.client.naam.voorvoegsel, v.client.naam.geslachtsnaam].filter(Boolean).join(' '),
    gezagsdragerBekend: v.client.gezagsdragerBekend ?? null,
    retourUiterlijk: row.retourUiterlijk, retourOp: row.retourOp, antwoordUiterlijk: row.antwoordUiterlijk,
    antwoordTeLaat: open && compareDates(tx.today(), row.antwoordUiterlijk) > 0, producten,
  };
}

export async function listVerzoeken(tx: TxContext, input: { alleenOpen: boolean }) {
  const rows = await tx.m.find(IwmoBerichtEntity, { order: { antwoordUiterlijk: 'ASC', id: 'ASC' }, take: 500 });
  const items = [];
  for (const r of rows) {
    const info = await verzoekInfo(tx, r);
    if (!input.alleenOpen || info.status === 'wacht_op_beoordeling' || info.producten.some((p) => p.status === 'open')) items.push(info);
  }
  logAccess(tx, { action: 'zoeken', objectType: 'iwmo-verzoeken', detail: `${items.length} verzoeken` });
  return { items };
}

/** A WMO319/JW319 for one requested product (OP274), recorded on the message. */
export async function beantwoordProduct(tx: TxContext, input: z.output<typeof AntwoordSchema>) {
  const row = await loadBericht(tx, input.id);
  const v = JSON.parse(row.inhoud) as VerzoekOmToewijzing;
  const p = v.producten[input.productIndex];
  if (!p) throw new LoketError('invoer', `Het verzoek heeft geen product ${input.productIndex + 1}.`, 'productIndex');
  if (row.clientId !== null) await assertClientWritable(tx, row.clientId);
  const antwoorden = JSON.parse(row.antwoorden) as Antwoorden;
  if (antwoorden[String(input.productIndex)]) throw new LoketError('conflict', `Product ${p.referentieAanbieder} is al beantwoord.`, 'productIndex');
  const id = await volgnummer(tx, 'iwmo.antwoordvolgnummer', 'AW');
  const xml = buildAntwoordXml({
    wet: v.wet, gemeentecode: v.gemeentecode, aanbiederAgb: v.aanbiederAgb, berichtIdentificatie: id, dagtekening: tx.today(),
    referentieAanbieder: p.referentieAanbieder, verzoekAntwoord: input.antwoord,
    ...(input.redenAfwijzing ? { redenAfwijzing: input.redenAfwijzing as RedenAfwijzingVerzoek } : {}),
    ...(input.woonplaatsbeginselGemeente ? { woonplaatsbeginselGemeente: input.woonplaatsbeginselGemeente } : {}),
  });
  antwoorden[String(input.productIndex)] = { antwoord: input.antwoord, ...(input.redenAfwijzing ? { reden: input.redenAfwijzing } : {}), op: tx.today(), identificatie: id };
  await tx.m.update(IwmoBerichtEntity, { id: row.id }, { antwoorden: JSON.stringify(antwoorden) });
  logAccess(tx, { action: 'exporteren', objectType: 'iwmo-antwoord', objectId: String(row.id), clientId: row.clientId, detail: `${v.wet === 'wmo' ? 'WMO319' : 'JW319'} ${id}` });
  const bestand = await schrijf(tx, `${v.wet === 'wmo' ? 'WMO319' : 'JW319'}_${v.gemeentecode}_${v.aanbiederAgb}_${id}.xml`, xml);
  return { bestand, xml };
}

function productTekst(wet: Wet, p: AangevraagdProduct): string {
  const cat = p.product ? `${productcategorieLabel(wet, p.product.categorie, null) ?? `categorie ${p.product.categorie}`}${p.product.code ? ` (${p.product.code})` : ''}` : 'product niet genoemd';
  const omvang = p.omvang ? `, ${p.omvang.volume} ${eenheidLabel(p.omvang.eenheid, p.omvang.volume).toLowerCase()} ${frequentieLabel(p.omvang.frequentie).toLowerCase()}` : '';
  const budget = p.budgetCents !== undefined ? `, budget € ${(p.budgetCents / 100).toFixed(2).replace('.', ',')}` : '';
  const periode = `, van ${p.ingangsdatum}${p.einddatum ? ` tot en met ${p.einddatum}` : ''}`;
  const verwijzer = p.verwijzer.naam ? `; verwezen door ${p.verwijzer.naam}` : p.verwijzer.zorgverlenerCode ? `; verwezen door zorgverlener ${p.verwijzer.zorgverlenerCode}` : '';
  const extra = [
    p.referentieAanbieder ? `referentie ${p.referentieAanbieder}` : '',
    p.beschikkingNummer !== undefined ? `beschikking ${p.beschikkingNummer}${p.beschikkingIngangsdatum ? ` van ${p.beschikkingIngangsdatum}` : ''}` : '',
    p.raamcontract ? 'landelijk raamcontract' : '',
    p.commentaar ? `toelichting: ${p.commentaar}` : '',
  ].filter(Boolean).join('; ');
  return `${cat}${omvang}${budget}${periode}${verwijzer}${extra ? ` (${extra})` : ''}`;
}

/** The message's texts pass the same text validator as typed input (no control characters, no bidi overrides). */
function checkedText<T>(schema: unknown, value: T): T {
  const bad = inputTextProblem(schema, value);
  if (bad) throw new LoketError('invoer', `Het verzoek is geweigerd: het veld ${bad.path} uit het bericht ${bad.message.replace(/ Typ de tekst .*$/, '')} Vraag de aanbieder om een correct bericht.`);
  return value;
}

/**
 * Attaches a 315 to its client (created from the message when the desk does not know them) with
 * a melding (kanaal 'verwijzer'). A WMO315 starts the Wmo onderzoek like any melding; a JW315 is
 * a verwijzing and starts none: its clock is the 5 werkdagen of OP274.
 */
export async function koppel(tx: TxContext, v: VerzoekOmToewijzing, bestaand: ClientRow | null) {
  let clientId: number;
  let aangemaakt = false;
  if (bestaand) clientId = bestaand.id;
  else {
    const c = await createClient(tx, checkedText(ClientInputSchema, ClientInputSchema.parse({
      bsn: v.client.bsn, voornamen: v.client.naam.voornamen ?? v.client.naam.voorletters ?? '-',
      voorletters: v.client.naam.voorletters ? v.client.naam.voorletters.split('').map((l) => `${l}.`).join('') : null,
      voorvoegsel: v.client.naam.voorvoegsel ?? null, geslachtsnaam: v.client.naam.geslachtsnaam,
      geslacht: v.client.geslacht, geboortedatum: v.client.geboortedatum,
    })));
    clientId = c.id;
    aangemaakt = true;
  }
  const hulpvraag = [
    `${v.wet === 'jeugdwet' ? 'Verwijzing' : 'Verzoek om toewijzing'} (${v.bericht} ${v.berichtIdentificatie}, ${v.dagtekening}) van aanbieder ${v.aanbiederAgb}:`,
    ...v.producten.map((p) => `- ${productTekst(v.wet, p)}`),
    ...(v.client.gezagsdragerBekend !== undefined ? [`Gezagsdrager bekend: ${v.client.gezagsdragerBekend ? 'ja' : 'nee'}`] : []),
    ...(v.client.commentaar ? [`Toelichting aanbieder: ${v.client.commentaar}`] : []),
  ].join('\n').slice(0, 5000);
  const detail = await createMelding(tx, checkedText(MeldingInputSchema, MeldingInputSchema.parse({
    clientId, datum: tx.today(), kanaal: 'verwijzer', wet: v.wet, hulpvraag,
    // Consent and cliëntondersteuning are asked at the first contact, not assumed from a message.
    toestemming: false, clientondersteuningAangeboden: false,
  })), { onderzoekstermijn: v.wet !== 'jeugdwet' });
  return { clientId, aangemaakt, detail };
}

/** A person decides on a 315 that waited: attach it to the client, or refuse it (then a 319 follows per product). */
export async function beoordeel(tx: TxContext, input: { id: number; besluit: 'koppelen' | 'afwijzen'; toelichting: string }) {
  const row = await loadBericht(tx, input.id);
  if (row.status !== 'wacht_op_beoordeling') throw new LoketError('conflict', 'Dit verzoek wacht niet (meer) op beoordeling.');
  const v = JSON.parse(row.inhoud) as VerzoekOmToewijzing;
  if (input.besluit === 'afwijzen') {
    await tx.m.update(IwmoBerichtEntity, { id: row.id }, { status: 'afgewezen', redenWacht: `${row.redenWacht ?? ''} Afgewezen: ${input.toelichting}`.trim() });
    logAccess(tx, { action: 'wijzigen', objectType: 'iwmo-verzoek', objectId: String(row.id), detail: 'afgewezen na beoordeling' });
    return verzoekInfo(tx, await loadBericht(tx, row.id));
  }
  const bestaand = await tx.m.findOneBy(ClientEntity, { bsn: v.client.bsn });
  const { clientId, detail } = await koppel(tx, v, bestaand);
  await tx.m.update(IwmoBerichtEntity, { id: row.id }, { status: 'verwerkt', clientId, meldingId: detail.melding.id });
  logAccess(tx, { action: 'wijzigen', objectType: 'iwmo-verzoek', objectId: String(row.id), clientId, detail: `gekoppeld na beoordeling: ${input.toelichting.slice(0, 200)}` });
  return verzoekInfo(tx, await loadBericht(tx, row.id));
}

import { eenheidLabel, frequentieLabel, productcategorieLabel } from '../../shared/codelists';
import type { Indicatie, Termijn, Wet } from '../../shared/schemas/zaak';
import { deadlineStatus, wettelijkeTermijn } from '../../shared/termijnen';
import { TermijnEntity, type IndicatieRow, type MeldingRow, type TermijnRow } from '../db/entities';
import type { TxContext } from './context';

/**
 * How a case's records read and close, shared by the case and beschikking modules (below both,
 * so neither imports the other for them): the melding's kenmerk, a termijn's deadline and status,
 * completing a termijn, an indicatie as the screens and letters show it.
 */

/** Each law its own case-number prefix: WMO-, JW- (Jeugdwet), PW- (Participatiewet). */
const KENMERK_PREFIX: Record<Wet, string> = { wmo: 'WMO', jeugdwet: 'JW', participatiewet: 'PW' };

export function meldingKenmerk(m: Pick<MeldingRow, 'id' | 'datum' | 'wet'>): string {
  return `${KENMERK_PREFIX[m.wet as Wet] ?? 'WMO'}-${m.datum.slice(0, 4)}-${String(m.id).padStart(6, '0')}`;
}

export function toTermijn(t: TermijnRow, today: string): Termijn {
  const opgeschort = t.opschortingen.some((o) => o.tot === null);
  const status: Termijn['status'] = t.afgerondOp ? 'afgerond' : opgeschort || !t.uiterlijk ? 'opgeschort' : deadlineStatus(t.uiterlijk, today);
  const { grondslag, bron, awbBeslistermijn } = wettelijkeTermijn(t.wet as Wet, t.soort);
  return {
    id: t.id, soort: t.soort, wet: t.wet as Wet, startdatum: t.startdatum, uiterlijk: t.uiterlijk, opgeschort,
    verlengingen: t.verlengingen, opschortingen: t.opschortingen, afgerondOp: t.afgerondOp, behaald: t.behaald, status,
    grondslag, bron, awbBeslistermijn,
  };
}

/** Records that the step the term was for is done, and whether that was in time. */
export async function completeTermijn(tx: TxContext, meldingId: number, soort: 'onderzoek' | 'beschikking', op: string): Promise<void> {
  const t = await tx.m.findOneBy(TermijnEntity, { meldingId, soort });
  if (!t || t.afgerondOp) return;
  await tx.m.update(TermijnEntity, { id: t.id }, { afgerondOp: op, behaald: t.uiterlijk !== null && op <= t.uiterlijk });
}

export function toIndicatie(i: IndicatieRow): Indicatie {
  const omvang = i.volume !== null && i.eenheid && i.frequentie ? { volume: i.volume, eenheid: i.eenheid, frequentie: i.frequentie } : null;
  return {
    id: i.id, aanvraagId: i.aanvraagId, wet: i.wet as Wet, productcategorie: i.productcategorie,
    productcategorieLabel: productcategorieLabel(i.wet as Wet, i.productcategorie), productcode: i.productcode,
    omvang, omvangTekst: omvang ? omvangTekst(omvang) : null, budgetCents: i.budgetCents,
    leveringsvorm: i.leveringsvorm, aanbiederAgb: i.aanbiederAgb, aanbiederNaam: i.aanbiederNaam,
    ingangsdatum: i.ingangsdatum, einddatum: i.einddatum, motivering: i.motivering, toewijzingNummer: i.toewijzingNummer,
    pgbZorgverlener: i.pgbZorgverlener, pgbTariefCents: i.pgbTariefCents, vervangtIndicatieId: i.vervangtIndicatieId,
  };
}

/** "3 uur per week": the omvang as the letter and the screen say it. */
export function omvangTekst(o: { volume: number; eenheid: string; frequentie: string }): string {
  return `${o.volume} ${eenheidLabel(o.eenheid, o.volume).toLowerCase()} ${frequentieLabel(o.frequentie).toLowerCase()}`;
}

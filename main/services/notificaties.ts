import { addDays, formatDutchDate } from '../../shared/dates';
import type { Notificatie } from '../../shared/ipc/desk-channels';
import { In, IsNull, MoreThanOrEqual } from 'typeorm';
import { MeldingEntity, NotificatieEntity, TermijnEntity } from '../db/entities';
import { nowIso, type TxContext } from './context';
import { meldingKenmerk } from './zaakRecords';

/**
 * In-app notifications: "teruggestuurd" and "vastgesteld" are stored for the beschikking's author
 * when they happen; "termijn verloopt" is computed from the user's own open cases while it holds.
 */

/** Days before a legal deadline that the consulent is warned. */
export const TERMIJN_WAARSCHUWING_DAGEN = 5;

export async function notify(tx: TxContext, userId: number, soort: 'teruggestuurd' | 'vastgesteld', tekst: string, meldingId: number | null, beschikkingId: number | null): Promise<void> {
  await tx.m.insert(NotificatieEntity, { userId, soort, tekst, meldingId, beschikkingId, aangemaaktOp: nowIso(), gelezenOp: null });
}

export async function listNotificaties(tx: TxContext): Promise<{ items: Notificatie[]; ongelezen: number }> {
  const userId = tx.session.user.id;
  const stored = await tx.m.find(NotificatieEntity, {
    where: [{ userId, gelezenOp: IsNull() }, { userId, aangemaaktOp: MoreThanOrEqual(addDays(tx.today(), -14)) }],
    order: { id: 'DESC' }, take: 50,
  });
  const today = tx.today();
  const termijnen = await tx.m.createQueryBuilder(TermijnEntity, 't')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = t.meldingId')
    .select(['t.soort AS soort', 't.uiterlijk AS uiterlijk', 'm.id AS melding_id', 'm.datum AS datum', 'm.wet AS wet'])
    .where(`m.consulentId = :userId AND m.status = 'open' AND t.afgerondOp IS NULL AND t.uiterlijk IS NOT NULL AND t.uiterlijk <= :tot`,
      { userId, tot: addDays(today, TERMIJN_WAARSCHUWING_DAGEN) })
    .orderBy('t.uiterlijk').limit(20)
    .getRawMany<{ soort: string; uiterlijk: string; melding_id: number; datum: string; wet: string }>();
  const items: Notificatie[] = [
    ...termijnen.map((t): Notificatie => ({
      id: null, soort: 'termijn', meldingId: t.melding_id, beschikkingId: null, op: today, gelezen: false,
      tekst: t.uiterlijk < today
        ? `De ${t.soort}stermijn van melding ${meldingKenmerk({ id: t.melding_id, datum: t.datum, wet: t.wet })} is verlopen (uiterlijk ${formatDutchDate(t.uiterlijk)}).`
        : `De ${t.soort}stermijn van melding ${meldingKenmerk({ id: t.melding_id, datum: t.datum, wet: t.wet })} verloopt binnen ${TERMIJN_WAARSCHUWING_DAGEN} dagen (uiterlijk ${formatDutchDate(t.uiterlijk)}).`,
    })),
    ...stored.map((n): Notificatie => ({
      id: n.id, soort: n.soort, tekst: n.tekst, meldingId: n.meldingId, beschikkingId: n.beschikkingId, op: n.aangemaaktOp, gelezen: n.gelezenOp !== null,
    })),
  ];
  return { items, ongelezen: items.filter((n) => !n.gelezen).length };
}

export async function markGelezen(tx: TxContext, input: { ids: number[] }): Promise<{ ok: true }> {
  if (input.ids.length) {
    await tx.m.update(NotificatieEntity, { id: In(input.ids), userId: tx.session.user.id, gelezenOp: IsNull() }, { gelezenOp: nowIso() });
  }
  return { ok: true as const };
}

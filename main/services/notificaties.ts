import { addDays, formatDutchDate } from '../../shared/dates';
import type { Notificatie } from '../../shared/ipc/desk-channels';
import { nowIso, type TxContext } from './context';
import { meldingKenmerk } from './zaakRecords';

/**
 * In-app notifications: "teruggestuurd" and "vastgesteld" are stored for the beschikking's author
 * when they happen; "termijn verloopt" is computed from the user's own open cases while it holds.
 */

/** Days before a legal deadline that the consulent is warned. */
export const TERMIJN_WAARSCHUWING_DAGEN = 5;

export function notify(tx: TxContext, userId: number, soort: 'teruggestuurd' | 'vastgesteld', tekst: string, meldingId: number | null, beschikkingId: number | null): void {
  tx.raw.prepare(`INSERT INTO notificaties (user_id, soort, tekst, melding_id, beschikking_id, aangemaakt_op, gelezen_op)
    VALUES (?, ?, ?, ?, ?, ?, NULL)`).run(userId, soort, tekst, meldingId, beschikkingId, nowIso());
}

export async function listNotificaties(tx: TxContext): Promise<{ items: Notificatie[]; ongelezen: number }> {
  const userId = tx.session.user.id;
  const stored = tx.raw.prepare(`SELECT id, soort, tekst, melding_id, beschikking_id, aangemaakt_op, gelezen_op FROM notificaties
    WHERE user_id = ? AND (gelezen_op IS NULL OR aangemaakt_op >= ?) ORDER BY id DESC LIMIT 50`)
    .all(userId, addDays(tx.today(), -14)) as { id: number; soort: 'teruggestuurd' | 'vastgesteld'; tekst: string; melding_id: number | null; beschikking_id: number | null; aangemaakt_op: string; gelezen_op: string | null }[];
  const today = tx.today();
  const termijnen = tx.raw.prepare(`SELECT t.soort, t.uiterlijk, m.id AS melding_id, m.datum, m.wet FROM termijnen t JOIN meldingen m ON m.id = t.melding_id
    WHERE m.consulent_id = ? AND m.status = 'open' AND t.afgerond_op IS NULL AND t.uiterlijk IS NOT NULL AND t.uiterlijk <= ?
    ORDER BY t.uiterlijk LIMIT 20`).all(userId, addDays(today, TERMIJN_WAARSCHUWING_DAGEN)) as { soort: string; uiterlijk: string; melding_id: number; datum: string; wet: string }[];
  const items: Notificatie[] = [
    ...termijnen.map((t): Notificatie => ({
      id: null, soort: 'termijn', meldingId: t.melding_id, beschikkingId: null, op: today, gelezen: false,
      tekst: t.uiterlijk < today
        ? `De ${t.soort}stermijn van melding ${meldingKenmerk({ id: t.melding_id, datum: t.datum, wet: t.wet })} is verlopen (uiterlijk ${formatDutchDate(t.uiterlijk)}).`
        : `De ${t.soort}stermijn van melding ${meldingKenmerk({ id: t.melding_id, datum: t.datum, wet: t.wet })} verloopt binnen ${TERMIJN_WAARSCHUWING_DAGEN} dagen (uiterlijk ${formatDutchDate(t.uiterlijk)}).`,
    })),
    ...stored.map((n): Notificatie => ({
      id: n.id, soort: n.soort, tekst: n.tekst, meldingId: n.melding_id, beschikkingId: n.beschikking_id, op: n.aangemaakt_op, gelezen: n.gelezen_op !== null,
    })),
  ];
  return { items, ongelezen: items.filter((n) => !n.gelezen).length };
}

export async function markGelezen(tx: TxContext, input: { ids: number[] }): Promise<{ ok: true }> {
  const stmt = tx.raw.prepare('UPDATE notificaties SET gelezen_op = ? WHERE id = ? AND user_id = ? AND gelezen_op IS NULL');
  for (const id of input.ids) stmt.run(nowIso(), id, tx.session.user.id);
  return { ok: true as const };
}

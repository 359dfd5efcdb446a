import type { LetterInfo } from '../../shared/ipc/desk-channels';
import { ClientEntity } from '../db/entities';
import { logAccess, notFound, type TxContext } from './context';
import { meldingKenmerk } from './zaakRecords';

/** The letters sent to a client (ontvangstbevestigingen, verslagen, beschikkingen), newest first, for a reprint. */
export async function letterList(tx: TxContext, input: { clientId: number }): Promise<{ letters: LetterInfo[] }> {
  if (!(await tx.m.existsBy(ClientEntity, { id: input.clientId }))) throw notFound('Cliënt', input.clientId);
  const rows = tx.raw.prepare(`SELECT l.id, l.soort, l.melding_id, l.beschikking_id, l.created_at, l.sha256, b.kenmerk AS b_kenmerk, m.datum AS m_datum, m.wet AS m_wet
    FROM letters l
      LEFT JOIN beschikkingen b ON b.id = l.beschikking_id
      LEFT JOIN aanvragen a ON a.id = b.aanvraag_id
      JOIN meldingen m ON m.id = COALESCE(l.melding_id, a.melding_id)
    WHERE m.client_id = ? ORDER BY l.id DESC`).all(input.clientId) as {
    id: number; soort: string; melding_id: number | null; beschikking_id: number | null; created_at: string; sha256: string; b_kenmerk: string | null; m_datum: string; m_wet: string;
  }[];
  logAccess(tx, { action: 'lezen', objectType: 'brieven', clientId: input.clientId, detail: `${rows.length} brieven` });
  return {
    letters: rows.map((r) => ({
      id: r.id, soort: r.soort, beschikkingId: r.beschikking_id, meldingId: r.melding_id, aangemaaktOp: r.created_at, sha256: r.sha256,
      kenmerk: r.b_kenmerk ?? (r.melding_id !== null ? meldingKenmerk({ id: r.melding_id, datum: r.m_datum, wet: r.m_wet }) : null),
    })),
  };
}

import type { LetterInfo } from '../../shared/ipc/desk-channels';
import { AanvraagEntity, BeschikkingEntity, ClientEntity, LetterEntity, MeldingEntity } from '../db/entities';
import { logAccess, notFound, type TxContext } from './context';
import { meldingKenmerk } from './zaakRecords';

/** The letters sent to a client (ontvangstbevestigingen, verslagen, beschikkingen), newest first, for a reprint. */
export async function letterList(tx: TxContext, input: { clientId: number }): Promise<{ letters: LetterInfo[] }> {
  if (!(await tx.m.existsBy(ClientEntity, { id: input.clientId }))) throw notFound('Cliënt', input.clientId);
  const rows = await tx.m.createQueryBuilder(LetterEntity, 'l')
    .leftJoin(BeschikkingEntity.options.name, 'b', 'b.id = l.beschikkingId')
    .leftJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = COALESCE(l.meldingId, a.meldingId)')
    .select(['l.id AS id', 'l.soort AS soort', 'l.meldingId AS melding_id', 'l.beschikkingId AS beschikking_id', 'l.createdAt AS created_at',
      'l.sha256 AS sha256', 'b.kenmerk AS b_kenmerk', 'm.datum AS m_datum', 'm.wet AS m_wet'])
    .where('m.clientId = :clientId', { clientId: input.clientId })
    .orderBy('l.id', 'DESC')
    .getRawMany<{
      id: number; soort: string; melding_id: number | null; beschikking_id: number | null; created_at: string; sha256: string; b_kenmerk: string | null; m_datum: string; m_wet: string;
    }>();
  logAccess(tx, { action: 'lezen', objectType: 'brieven', clientId: input.clientId, detail: `${rows.length} brieven` });
  return {
    letters: rows.map((r) => ({
      id: r.id, soort: r.soort, beschikkingId: r.beschikking_id, meldingId: r.melding_id, aangemaaktOp: r.created_at, sha256: r.sha256,
      kenmerk: r.b_kenmerk ?? (r.melding_id !== null ? meldingKenmerk({ id: r.melding_id, datum: r.m_datum, wet: r.m_wet }) : null),
    })),
  };
}

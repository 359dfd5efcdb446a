import { LoketError } from '../../shared/errors';
import { IwmoBerichtEntity } from '../db/entities';
import type { TxContext } from '../services/context';
import type { VerzoekOmToewijzing } from './iwmo/verzoek';

/** The indicatie's ReferentieAanbieder must come from a 315 of this client (IV097). */
export async function checkReferentie(tx: TxContext, clientId: number, referentie: string): Promise<void> {
  const rows = await tx.m.find(IwmoBerichtEntity, { where: { clientId }, select: { id: true, inhoud: true } });
  const known = rows.some((r) => (JSON.parse(r.inhoud) as VerzoekOmToewijzing).producten.some((p) => p.referentieAanbieder === referentie));
  if (!known) throw new LoketError('invoer', `ReferentieAanbieder ${referentie} staat in geen verzoek om toewijzing van deze cliënt.`, 'referentieAanbieder');
}

import { LoketError } from '../../shared/errors';
import type { TxContext } from '../services/context';
import type { VerzoekOmToewijzing } from './iwmo/verzoek';

/** The indicatie's ReferentieAanbieder must come from a 315 of this client (IV097). */
export function checkReferentie(tx: TxContext, clientId: number, referentie: string): void {
  const rows = tx.raw.prepare('SELECT inhoud FROM iwmo_berichten WHERE client_id = ?').all(clientId) as { inhoud: string }[];
  const known = rows.some((r) => (JSON.parse(r.inhoud) as VerzoekOmToewijzing).producten.some((p) => p.referentieAanbieder === referentie));
  if (!known) throw new LoketError('invoer', `ReferentieAanbieder ${referentie} staat in geen verzoek om toewijzing van deze cliënt.`, 'referentieAanbieder');
}

import { LoketError } from '../../shared/errors';
import type { RawDb } from '../db/database';
import type { TxContext } from './context';

/**
 * AVG art. 18: while processing of a client is restricted, only a beheerder may change the record.
 * Every service that writes client data calls `assertClientWritable` inside its transaction; the
 * router logs the refusal (with the client) after the rollback.
 */
export const BEPERKT_MELDING = 'De verwerking van de gegevens van deze cliënt is beperkt op verzoek van de cliënt (AVG art. 18). ' +
  'Wijzigen kan nu alleen door de beheerder. Neem contact op met de beheerder of de functionaris gegevensbescherming.';

export function isBeperkt(raw: RawDb, clientId: number): boolean {
  const r = raw.prepare('SELECT verwerking_beperkt FROM clients WHERE id = ?').get(clientId) as { verwerking_beperkt: number } | undefined;
  return r?.verwerking_beperkt === 1;
}

export function assertClientWritable(tx: Pick<TxContext, 'raw' | 'session'>, clientId: number): void {
  if (isBeperkt(tx.raw, clientId) && !tx.session.user.roles.includes('beheerder')) {
    throw new LoketError('geen_toegang', BEPERKT_MELDING, undefined, clientId);
  }
}

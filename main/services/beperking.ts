import type { EntityManager } from 'typeorm';
import { LoketError } from '../../shared/errors';
import { ClientEntity } from '../db/entities';
import type { TxContext } from './context';

/**
 * AVG art. 18: while processing of a client is restricted, only a beheerder may change the record.
 * Every service that writes client data awaits `assertClientWritable` inside its transaction; the
 * router logs the refusal (with the client) after the rollback.
 */
export const BEPERKT_MELDING = 'De verwerking van de gegevens van deze cliënt is beperkt op verzoek van de cliënt (AVG art. 18). ' +
  'Wijzigen kan nu alleen door de beheerder. Neem contact op met de beheerder of de functionaris gegevensbescherming.';

export async function isBeperkt(m: EntityManager, clientId: number): Promise<boolean> {
  // The column is left out of an entity's default select (it is set only by the rights requests).
  const r = await m.createQueryBuilder(ClientEntity, 'c').select('c.verwerkingBeperkt', 'beperkt')
    .where('c.id = :clientId', { clientId }).getRawOne<{ beperkt: number }>();
  return r?.beperkt === 1;
}

export async function assertClientWritable(tx: Pick<TxContext, 'm' | 'session'>, clientId: number): Promise<void> {
  if (await isBeperkt(tx.m, clientId) && !tx.session.user.roles.includes('beheerder')) {
    throw new LoketError('geen_toegang', BEPERKT_MELDING, undefined, clientId);
  }
}

import type { PRIVACY_CHANNELS } from '../../shared/ipc/privacy-channels';
import { transactional } from '../transaction';
import type { HandlerTable } from '../services/context';
import { auditInzage, lijst, registreer } from './inzagerecht';

/** Handlers of the inzage requests (AVG art. 15) and the access-log inzage. */
export const PRIVACY_HANDLERS: HandlerTable<typeof PRIVACY_CHANNELS> = {
  'rechten.inzageVerzoek': transactional(registreer),
  'rechten.inzageVerzoeken': transactional(lijst),
  'audit.inzage': transactional(auditInzage),
};

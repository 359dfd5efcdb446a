import type { IWMO_CHANNELS } from '../../shared/ipc/iwmo-channels';
import { transactional } from '../transaction';
import type { HandlerTable } from '../services/context';
import { beantwoordProduct, beoordeel, listVerzoeken } from './verzoeken';

/** The 315 channels (shared/ipc/iwmo-channels.ts) → their operations. */
export const IWMO_HANDLERS: HandlerTable<typeof IWMO_CHANNELS> = {
  'iwmo.verzoeken': transactional(listVerzoeken),
  'iwmo.verzoek.antwoord': transactional(beantwoordProduct),
  'iwmo.verzoek.beoordeel': transactional(beoordeel),
};

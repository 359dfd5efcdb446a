import type { ATW_CHANNELS } from '../../shared/ipc/atw-channels';
import { transactional } from '../transaction';
import type { HandlerTable } from './context';
import { lijst, zet } from './atw';

/** Handlers of the gelijkgestelde dagen (Algemene termijnenwet art. 3). */
export const ATW_HANDLERS: HandlerTable<typeof ATW_CHANNELS> = {
  'atw.gelijkgesteld.lijst': transactional((tx) => lijst(tx)),
  'atw.gelijkgesteld.zet': transactional(zet),
};

import type { DESK_CHANNELS } from '../../shared/ipc/desk-channels';
import { transactional } from '../transaction';
import type { HandlerTable } from './context';
import { listNotificaties, markGelezen } from './notificaties';
import * as printBatches from './printBatches';
import { letterList } from './letterList';
import { updateUserRoles } from './users';
import { werkvoorraadPage } from './werkvoorraadPage';

/** The desk's channels (shared/ipc/desk-channels.ts) → their services. */
export const DESK_HANDLERS: HandlerTable<typeof DESK_CHANNELS> = {
  'notificatie.list': transactional(listNotificaties),
  'notificatie.gelezen': transactional(markGelezen),
  'print.generate': transactional(printBatches.generate),
  'print.batches': transactional(printBatches.batches),
  'print.batchPdf': transactional(printBatches.getBatchPdf),
  'print.confirm': transactional(printBatches.confirm),
  'print.discard': transactional(printBatches.discard),
  'letter.list': transactional(letterList),
  'user.update': transactional(updateUserRoles),
  'werkvoorraad.page': transactional(werkvoorraadPage),
};

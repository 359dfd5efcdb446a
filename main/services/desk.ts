import type { DESK_CHANNELS } from '../../shared/ipc/desk-channels';
import type { HandlerTable } from './context';
import { listNotificaties, markGelezen } from './notificaties';
import * as printBatches from './printBatches';
import { letterList } from './letterList';
import { werkvoorraadPage } from './werkvoorraadPage';

/** The desk's channels (shared/ipc/desk-channels.ts) → their services. */
export const DESK_HANDLERS: HandlerTable<typeof DESK_CHANNELS> = {
  'notificatie.list': listNotificaties,
  'notificatie.gelezen': markGelezen,
  'print.generate': printBatches.generate,
  'print.batches': printBatches.batches,
  'print.batchPdf': printBatches.getBatchPdf,
  'print.confirm': printBatches.confirm,
  'print.discard': printBatches.discard,
  'letter.list': letterList,
  'werkvoorraad.page': werkvoorraadPage,
};

import type { EXPORT_CHANNELS } from '../../shared/ipc/export-channels';
import type { HandlerTable } from './context';

export const EXPORT_HANDLERS: HandlerTable<typeof EXPORT_CHANNELS> = {};

import type { BEHEER_CHANNELS } from '../../shared/ipc/beheer-channels';
import type { HandlerTable } from './context';

export const BEHEER_HANDLERS: HandlerTable<typeof BEHEER_CHANNELS> = {};

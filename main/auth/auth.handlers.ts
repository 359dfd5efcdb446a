import type { ACCOUNT_CHANNELS } from '../../shared/ipc/account-channels';
import type { HandlerTable } from '../services/context';
import { beginTotp, confirmTotp, totpStatus } from './totp';

export const ACCOUNT_HANDLERS: HandlerTable<typeof ACCOUNT_CHANNELS> = {
  'totp.status': totpStatus,
  'totp.begin': beginTotp,
  'totp.confirm': confirmTotp,
};

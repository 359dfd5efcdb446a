import { CHANNELS, type ChannelName } from '../shared/ipc/channels';
import { BEHEER_HANDLERS } from './beheer/beheer.handlers';
import { BESCHIKKING_HANDLERS } from './services/beschikkingen.handlers';
import { CLIENT_HANDLERS } from './services/clients.handlers';
import { ATW_HANDLERS } from './services/atw.handlers';
import { KEUZELIJST_HANDLERS } from './services/keuzelijsten.handlers';
import { IWMO_HANDLERS } from './export/verzoeken.handlers';
import { DESK_HANDLERS } from './services/desk.handlers';
import { PRIVACY_HANDLERS } from './beheer/inzagerecht.handlers';
import type { Handler } from './services/context';
import { EXPORT_HANDLERS } from './export/export.handlers';
import { ACCOUNT_HANDLERS } from './auth/auth.handlers';
import { PRINT_HANDLERS } from './services/printing.handlers';
import { PROCEDURE_HANDLERS } from './services/procedure.handlers';
import { SESSION_HANDLERS } from './services/session.handlers';
import { ZAAK_HANDLERS } from './services/zaken.handlers';
import { DATABASE_HANDLERS } from './vault.handlers';

export type { HandlerContext } from './services/context';

/**
 * The one place where the modules' handler tables meet. Each module contributes one table; a
 * channel served twice is refused here, and `checkHandlers` (run when a router starts) finds a
 * channel without a handler or a handler without a channel.
 */
const TABLES: Record<string, Partial<Record<string, unknown>>> = {
  session: SESSION_HANDLERS,
  clients: CLIENT_HANDLERS,
  zaken: ZAAK_HANDLERS,
  beschikkingen: BESCHIKKING_HANDLERS,
  printing: PRINT_HANDLERS,
  procedure: PROCEDURE_HANDLERS,
  export: EXPORT_HANDLERS,
  beheer: BEHEER_HANDLERS,
  desk: DESK_HANDLERS,
  account: ACCOUNT_HANDLERS,
  atw: ATW_HANDLERS,
  iwmo: IWMO_HANDLERS,
  privacy: PRIVACY_HANDLERS,
  database: DATABASE_HANDLERS,
  keuzelijsten: KEUZELIJST_HANDLERS,
};

export type AnyHandler = Handler<ChannelName>;

/** Merges handler tables; a channel in two tables is a programming error, reported with both modules. */
export function mergeHandlerTables(tables: Record<string, Partial<Record<string, unknown>>>): Map<string, AnyHandler> {
  const out = new Map<string, AnyHandler>();
  const owner = new Map<string, string>();
  for (const [module, table] of Object.entries(tables)) {
    for (const [channel, handler] of Object.entries(table)) {
      const first = owner.get(channel);
      if (first) throw new Error(`channel ${channel} has two handlers (${first} and ${module})`);
      if (typeof handler !== 'function') throw new Error(`channel ${channel} of ${module} has no handler function`);
      owner.set(channel, module);
      out.set(channel, handler as AnyHandler);
    }
  }
  return out;
}

/** Every channel of the table has exactly one handler, and every handler a channel. */
export function checkHandlers(handlers: ReadonlyMap<string, unknown>, channels: readonly string[] = Object.keys(CHANNELS)): void {
  const missing = channels.filter((c) => !handlers.has(c));
  const extra = [...handlers.keys()].filter((c) => !channels.includes(c));
  if (missing.length || extra.length) {
    throw new Error(`handler table does not match the channel table: ${[
      missing.length ? `no handler for ${missing.join(', ')}` : '',
      extra.length ? `no channel for ${extra.join(', ')}` : '',
    ].filter(Boolean).join('; ')}`);
  }
}

export const HANDLERS: ReadonlyMap<string, AnyHandler> = mergeHandlerTables(TABLES);

/**
 * Compile-time completeness: the union of the tables covers the channel table (a missing channel
 * is a type error here, a duplicate is refused by mergeHandlerTables at load).
 */
type Covered = keyof typeof SESSION_HANDLERS | keyof typeof CLIENT_HANDLERS | keyof typeof ZAAK_HANDLERS
  | keyof typeof BESCHIKKING_HANDLERS | keyof typeof PRINT_HANDLERS | keyof typeof EXPORT_HANDLERS | keyof typeof BEHEER_HANDLERS
  | keyof typeof DESK_HANDLERS | keyof typeof ACCOUNT_HANDLERS | keyof typeof ATW_HANDLERS | keyof typeof PRIVACY_HANDLERS
  | keyof typeof PROCEDURE_HANDLERS | keyof typeof IWMO_HANDLERS | keyof typeof DATABASE_HANDLERS | keyof typeof KEUZELIJST_HANDLERS;
const allCovered: Exclude<ChannelName, Covered> extends never ? true : Exclude<ChannelName, Covered> = true;
void allCovered;

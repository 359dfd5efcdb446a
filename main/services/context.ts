import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ChannelName, Channels } from '../../shared/ipc/channels';
import { LoketError } from '../../shared/errors';
import { appendLog, type LogAction, type LogResult } from '../auditlog';
import type { RawDb } from '../db/database';
import type { Router } from '../router';
import type { Session } from '../vault';

/**
 * What a handler gets. Handlers that touch the database run inside one transaction (`m`), one
 * call at a time, so a failed call leaves nothing half-written and log entries stay in order.
 */
export interface HandlerContext {
  router: Router;
  session: Session;
  today: () => string;
}

export interface TxContext extends HandlerContext {
  m: EntityManager;
  raw: RawDb;
}

export function inTransaction<T>(ctx: HandlerContext, fn: (tx: TxContext) => Promise<T>): Promise<T> {
  return ctx.session.db.write((m) => fn({ ...ctx, m, raw: ctx.session.db.raw }));
}

/** One access-log entry for the current user (NEN 7513: who, what, which client, result, where). */
export function logAccess(tx: TxContext, e: {
  action: LogAction;
  objectType: string;
  objectId?: string | number | null;
  clientId?: number | null;
  result?: LogResult;
  detail?: string | null;
}): void {
  const u = tx.session.user;
  appendLog(tx.raw, {
    actor: u.username, role: u.roles.join(','), onBehalfOf: null, origin: tx.session.origin,
    result: 'gelukt', ...e,
  });
}

export function notFound(what: string, id: number | string): LoketError {
  return new LoketError('niet_gevonden', `${what} ${id} bestaat niet (meer). Ververs het scherm en probeer het opnieuw.`);
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** A service function for one channel, typed from the channel table. */
export type Handler<C extends ChannelName> =
  (ctx: HandlerContext, input: z.output<Channels[C]['input']>) => Promise<z.input<Channels[C]['output']>>;

export type HandlerTable<T extends Record<string, unknown>> = { [C in keyof T & ChannelName]: Handler<C> };

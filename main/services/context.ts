import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ChannelName, Channels } from '../../shared/ipc/channels';
import { LoketError } from '../../shared/errors';
import { appendLog, type LogAction, type LogResult } from '../auditlog';
import type { RawDb } from '../db/database';
import type { Session } from '../vault';

/**
 * The two shapes of work behind the router.
 *
 * - An *operation* is a function of a transaction context and its input: `(tx, input) => …`.
 *   It never opens a transaction; work of another module is that module's operation, called with
 *   the same `tx`, so a composed call commits or rolls back as one.
 * - A *handler* serves one channel: it gets the caller's session (null on a public channel before
 *   unlock) and opens at most one transaction (see main/transaction.ts). Only handlers do that.
 */

/** A running transaction on behalf of a logged-in user. */
export interface TxContext {
  readonly m: EntityManager;
  readonly raw: RawDb;
  readonly session: Session;
  readonly today: () => string;
}

/** The few things a handler may do to the caller's session; the router implements them per session slot. */
export interface SessionControl {
  /** Opens a session for this user (closing the slot's previous one) and makes it the caller's. */
  unlock(username: string, password: string): Promise<Session>;
  /** Closes the caller's session, if any. */
  lock(): Promise<void>;
}

/** What a handler gets: `S` is `Session` on channels that need a login, `Session | null` on public ones. */
export interface HandlerContext<S extends Session | null = Session> {
  readonly session: S;
  readonly sessions: SessionControl;
  readonly today: () => string;
  /** The channel changes data (its `writes` flag): its commit waits for the disk. */
  readonly writes: boolean;
}

/** One access-log entry for the current user (NEN 7513: who, what, which client, result, where). */
export function logAccess(tx: TxContext, e: {
  action: LogAction;
  objectType: string;
  objectId?: string | number | null;
  clientId?: number | null;
  clientIds?: readonly number[];
  result?: LogResult;
  detail?: string | null;
}): void {
  const u = tx.session.user;
  appendLog(tx.raw, {
    actor: u.username, role: u.roles.join(','), onBehalfOf: null, origin: tx.session.origin,
    result: 'gelukt', ...e,
  });
}

/**
 * A search or list: one entry that names every client it showed (NEN 7513 counts a client shown in
 * a list as a client whose data was looked at, so her own access history has it; see
 * main/db/sqlite/shownClients.ts for how her history finds it).
 */
export function logShown(tx: TxContext, e: { objectType: string; detail: string }, clientIds: Iterable<number>): void {
  logAccess(tx, { action: 'zoeken', ...e, clientIds: [...new Set(clientIds)] });
}

export function notFound(what: string, id: number | string): LoketError {
  return new LoketError('niet_gevonden', `${what} ${id} bestaat niet (meer). Ververs het scherm en probeer het opnieuw.`);
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** The session a channel's handler gets: nullable only where the channel is public. */
export type SessionFor<C extends ChannelName> = Channels[C]['roles'] extends 'public' ? Session | null : Session;

/** The handler of one channel, typed from the channel table. */
export type Handler<C extends ChannelName> =
  (ctx: HandlerContext<SessionFor<C>>, input: z.output<Channels[C]['input']>) => Promise<z.input<Channels[C]['output']>>;

export type HandlerTable<T extends Record<string, unknown>> = { [C in keyof T & ChannelName]: Handler<C> };

/** The handlers of a module: one per channel it serves, named by channel. */
export type HandlersFor<K extends ChannelName> = { [C in K]: Handler<C> };

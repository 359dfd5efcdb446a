import type { HandlerContext, TxContext } from './services/context';
import type { Session } from './vault';

/**
 * The handler layer's one way to open a transaction: once per router call. Operations below it
 * get the `TxContext` and never open one themselves (a `Db.write` inside a `Db.write` would wait
 * on itself: writes queue on one promise chain).
 */
export function inTransaction<T>(ctx: HandlerContext<Session>, fn: (tx: TxContext) => Promise<T> | T): Promise<T> {
  const s = ctx.session;
  // A reading call's only write is its access-log entry: it need not wait for the disk (see makeDb).
  return s.db.write(async (m) => fn({ m, raw: s.db.raw, session: s, today: ctx.today }), { durable: ctx.writes });
}

/** A channel handler that runs one operation in one transaction. */
export function transactional<I, O>(op: (tx: TxContext, input: I) => Promise<O> | O):
  (ctx: HandlerContext<Session>, input: I) => Promise<O> {
  return (ctx, input) => inTransaction(ctx, (tx) => op(tx, input));
}

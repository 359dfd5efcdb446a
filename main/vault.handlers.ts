import { LoketError } from '../shared/errors';
import type { HandlerContext, HandlersFor } from './services/context';
import { backup, rekey, type Session } from './vault';

/**
 * Handlers of the database file's channels. Neither opens a transaction: a backup reads one
 * snapshot (VACUUM INTO) and a rekey needs the database to itself, with files beside it.
 */

/** The team server keeps no key slots beside its database: back up and rekey on the server itself. */
function localOnly(s: Session): void {
  if (s.passwords?.kind === 'verifiers') {
    throw new LoketError('conflict', 'Op de teamserver kan dit niet via de app: de beheerder maakt de back-up of de nieuwe sleutel op de server zelf.');
  }
}

async function databaseBackup(ctx: HandlerContext, input: { out: string }) {
  localOnly(ctx.session);
  const res = await backup(ctx.session, input.out);
  return { file: res.file, clients: res.counts.clients ?? 0, users: res.counts.users ?? 0 };
}

async function databaseRekey(ctx: HandlerContext, input: { backupTo: string; password: string }) {
  localOnly(ctx.session);
  const res = await rekey(ctx.session, input);
  return { recoveryKey: res.recoveryKey, usersToReset: res.usersToReset, backupFile: res.backup.file };
}

export const DATABASE_HANDLERS: HandlersFor<'database.backup' | 'database.rekey'> = {
  'database.backup': databaseBackup,
  'database.rekey': databaseRekey,
};

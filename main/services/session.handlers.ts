import type { z } from 'zod';
import { LoketError } from '../../shared/errors';
import { mayCall } from '../../shared/ipc/access';
import type { UserAddSchema } from '../../shared/schemas/admin';
import { verifyLogInWorker } from '../store-jobs';
import { transactional, inTransaction } from '../transaction';
import { addUser, changePassword, listUsers, removeUser, resetPassword, type Session } from '../vault';
import { logVerifyResult, draftKeyFor, getSettings, readSettings, updateSettings, userInfo } from './admin';
import { auditList } from './auditLogView';
import type { HandlerContext, HandlersFor } from './context';

/** Handlers of the session, settings, users and access-log channels. */

type SessionChannels = 'session.unlock' | 'session.lock' | 'session.current' | 'session.activity' | 'session.changePassword' | 'audit.verify' |
  'audit.list' | 'settings.get' | 'settings.update' | 'user.list' | 'user.add' | 'user.remove' | 'user.resetPassword';

/**
 * Hashing every entry of a long log takes minutes: it runs on a worker thread with a connection
 * of its own, outside the transaction, so the other calls (every desk of a team server) go on.
 */
async function verifyAuditLog(ctx: HandlerContext, input: { ankerBestanden?: string[] }) {
  const s = ctx.session;
  // Every anchor that can be read: the configured file and any extracts named (a syslog server's log).
  const files = [...new Set([s.anchor?.config.file, ...(input.ankerBestanden ?? [])].filter((f): f is string => Boolean(f)))];
  const result = await verifyLogInWorker(s.db.file, s.key, s.databaseId ?? null, files);
  return inTransaction(ctx, (tx) => logVerifyResult(tx, result));
}

/** What the renderer needs after login: who, which gemeente, the draft key. */
function sessionInfo(ctx: HandlerContext<Session | null>, session: Session) {
  return inTransaction({ ...ctx, session }, async (tx) => {
    const settings = await readSettings(tx);
    return { user: userInfo(session.user), gemeenteNaam: settings.gemeenteNaam, draftKey: await draftKeyFor(tx) };
  });
}

async function unlockSession(ctx: HandlerContext<Session | null>, input: { username: string; password: string }) {
  return sessionInfo(ctx, await ctx.sessions.unlock(input.username, input.password));
}

async function lockSession(ctx: HandlerContext<Session | null>) {
  await ctx.sessions.lock();
  return { ok: true as const };
}

async function currentSession(ctx: HandlerContext<Session | null>) {
  if (!ctx.session) return { user: null, gemeenteNaam: null, draftKey: null };
  return sessionInfo(ctx, ctx.session);
}

/** The heartbeat itself does nothing: the router re-reads the user and applies the idle lock on every call. */
async function sessionActivity() {
  return { ok: true as const };
}

async function changeOwnPassword(ctx: HandlerContext, input: { oldPassword: string; newPassword: string }) {
  await changePassword(ctx.session, input.oldPassword, input.newPassword);
  return { ok: true as const };
}

async function usersList(ctx: HandlerContext) {
  // Removed users are listed for whoever manages users (the channel table says who).
  return { users: (await listUsers(ctx.session)).filter((u) => u.active || mayCall(ctx.session.user.roles, 'user.remove')).map(userInfo) };
}

async function userAdd(ctx: HandlerContext, input: z.output<typeof UserAddSchema>) {
  if (input.roles.includes('besluitbevoegd') && !input.mandaat) {
    throw new LoketError('invoer', 'Een besluitbevoegde medewerker heeft een mandaat nodig: vul het mandaatbesluit in.', 'mandaat');
  }
  return userInfo(await addUser(ctx.session, input));
}

async function userRemove(ctx: HandlerContext, input: { username: string }) {
  await removeUser(ctx.session, input.username);
  return { ok: true as const };
}

async function userResetPassword(ctx: HandlerContext, input: { username: string; password: string }) {
  await resetPassword(ctx.session, input.username, input.password);
  return { ok: true as const };
}

export const SESSION_HANDLERS: HandlersFor<SessionChannels> = {
  'session.unlock': unlockSession,
  'session.lock': lockSession,
  'session.current': currentSession,
  'session.activity': sessionActivity,
  'session.changePassword': changeOwnPassword,
  'audit.verify': verifyAuditLog,
  'audit.list': transactional(auditList),
  'settings.get': transactional(getSettings),
  'settings.update': transactional(updateSettings),
  'user.list': usersList,
  'user.add': userAdd,
  'user.remove': userRemove,
  'user.resetPassword': userResetPassword,
};

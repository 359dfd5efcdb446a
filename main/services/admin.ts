import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LoketError } from '../../shared/errors';
import type { Settings, SettingsSchema, UserAddSchema, UserInfo } from '../../shared/schemas/admin';
import { SettingsSchema as SettingsParser } from '../../shared/schemas/admin';
import type { Role } from '../../shared/roles';
import { verifyLogWithAnchors, verifyLog, type StoredLogEntry } from '../auditlog';
import { SettingEntity, type UserRow } from '../db/entities';
import { addUser, changePassword, draftKeySetting, listUsers, removeUser, resetPassword, unlock, type Session } from '../vault';
import { inTransaction, logAccess, type HandlerContext, type TxContext } from './context';

export function userInfo(u: UserRow): UserInfo {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], mandaat: u.mandaat, active: u.active };
}

/** Settings are stored one key per row; missing keys take the schema defaults. */
export async function readSettings(tx: Pick<TxContext, 'm'>): Promise<Settings> {
  const rows = await tx.m.find(SettingEntity);
  const map = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const stored = (map['instellingen'] ?? {}) as Partial<Settings>;
  return SettingsParser.parse({
    ...stored,
    gemeenteNaam: map['gemeente.naam'] ?? stored.gemeenteNaam,
    gemeentecode: map['gemeente.code'] ?? stored.gemeentecode,
  });
}

export function getSettings(ctx: HandlerContext): Promise<Settings> {
  return inTransaction(ctx, (tx) => readSettings(tx));
}

export function updateSettings(ctx: HandlerContext, input: z.output<typeof SettingsSchema>): Promise<Settings> {
  return inTransaction(ctx, async (tx) => {
    const { gemeenteNaam, gemeentecode, ...rest } = input;
    await tx.m.save(SettingEntity, [
      { key: 'gemeente.naam', value: gemeenteNaam },
      { key: 'gemeente.code', value: gemeentecode },
      { key: 'instellingen', value: rest },
    ]);
    logAccess(tx, { action: 'beheer', objectType: 'instellingen' });
    return readSettings(tx);
  });
}

/** The user's key for encrypting form drafts in the renderer; made on first use, kept in the encrypted database. */
function draftKeyFor(s: Session): Promise<string> {
  return s.db.write(async (m) => {
    const key = draftKeySetting(s.user.id);
    const row = await m.findOneBy(SettingEntity, { key });
    if (typeof row?.value === 'string') return row.value;
    const fresh = randomBytes(32).toString('base64');
    await m.insert(SettingEntity, { key, value: fresh });
    return fresh;
  });
}

export async function unlockSession(ctx: HandlerContext, input: { username: string; password: string }) {
  const r = ctx.router;
  if (r.session) await r.close();
  const s = await unlock({ file: r.options.dbFile, username: input.username, password: input.password, route: r.options.route, kdf: r.options.kdf, anchor: r.options.anchor });
  r.session = s;
  const settings = await s.db.write((m) => readSettings({ m }));
  return { user: userInfo(s.user), gemeenteNaam: settings.gemeenteNaam, draftKey: await draftKeyFor(s) };
}

export async function lockSession(ctx: HandlerContext) {
  await ctx.router.close();
  return { ok: true as const };
}

export async function currentSession(ctx: HandlerContext) {
  const s = ctx.router.session;
  if (!s) return { user: null, gemeenteNaam: null, draftKey: null };
  const settings = await s.db.write((m) => readSettings({ m }));
  return { user: userInfo(s.user), gemeenteNaam: settings.gemeenteNaam, draftKey: await draftKeyFor(s) };
}

/** The heartbeat itself does nothing: the router re-reads the user and applies the idle lock on every call. */
export async function sessionActivity() {
  return { ok: true as const };
}

export async function changeOwnPassword(ctx: HandlerContext, input: { oldPassword: string; newPassword: string }) {
  await changePassword(ctx.session, input.oldPassword, input.newPassword);
  return { ok: true as const };
}

export async function usersList(ctx: HandlerContext) {
  return { users: (await listUsers(ctx.session)).filter((u) => u.active || ctx.session.user.roles.includes('beheerder')).map(userInfo) };
}

export async function userAdd(ctx: HandlerContext, input: z.output<typeof UserAddSchema>) {
  if (input.roles.includes('besluitbevoegd') && !input.mandaat) {
    throw new LoketError('invoer', 'Een besluitbevoegde medewerker heeft een mandaat nodig: vul het mandaatbesluit in.', 'mandaat');
  }
  return userInfo(await addUser(ctx.session, input));
}

export async function userRemove(ctx: HandlerContext, input: { username: string }) {
  await removeUser(ctx.session, input.username);
  return { ok: true as const };
}

export async function userResetPassword(ctx: HandlerContext, input: { username: string; password: string }) {
  await resetPassword(ctx.session, input.username, input.password);
  return { ok: true as const };
}

export function auditVerify(ctx: HandlerContext, input: { ankerBestanden?: string[] }) {
  return inTransaction(ctx, async (tx) => {
    // Every anchor that can be read: the configured file and any extracts named (a syslog server's log).
    const files = [...new Set([ctx.router.options.anchor?.file, ...(input.ankerBestanden ?? [])].filter((f): f is string => Boolean(f)))];
    const result = ctx.session.databaseId ? verifyLogWithAnchors(tx.raw, ctx.session.databaseId, files) : verifyLog(tx.raw);
    logAccess(tx, { action: 'lezen', objectType: 'toegangslog', detail: result.ok ? `controle geslaagd (${result.entries} regels)` : `controle: regel ${result.firstBroken?.seq} klopt niet` });
    return result;
  });
}

export function auditList(ctx: HandlerContext, input: { clientId?: number; beforeSeq?: number; limit: number }) {
  return inTransaction(ctx, async (tx) => {
    const where: string[] = [];
    const params: number[] = [];
    if (input.clientId !== undefined) { where.push('client_id = ?'); params.push(input.clientId); }
    if (input.beforeSeq !== undefined) { where.push('seq < ?'); params.push(input.beforeSeq); }
    const rows = tx.raw.prepare(`SELECT * FROM access_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`)
      .all(...params, input.limit) as StoredLogEntry[];
    logAccess(tx, { action: 'lezen', objectType: 'toegangslog', clientId: input.clientId ?? null, detail: `${rows.length} regels bekeken` });
    return {
      entries: rows.map((r) => ({
        seq: r.seq, ts: r.ts, actor: r.actor, onBehalfOf: r.on_behalf_of, role: r.role, action: r.action,
        objectType: r.object_type, objectId: r.object_id, clientId: r.client_id, result: r.result, origin: r.origin, detail: r.detail,
      })),
    };
  });
}


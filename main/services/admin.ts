import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Settings, SettingsSchema, UserInfo } from '../../shared/schemas/admin';
import { SettingsSchema as SettingsParser } from '../../shared/schemas/admin';
import type { Role } from '../../shared/roles';
import type { VerifyResult } from '../auditlog';
import { SettingEntity, type UserRow } from '../db/entities';
import { draftKeySetting } from '../vault';
import { logAccess, type TxContext } from './context';

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

export function getSettings(tx: TxContext): Promise<Settings> {
  return readSettings(tx);
}

export async function updateSettings(tx: TxContext, input: z.output<typeof SettingsSchema>): Promise<Settings> {
  const { gemeenteNaam, gemeentecode, ...rest } = input;
  await tx.m.save(SettingEntity, [
    { key: 'gemeente.naam', value: gemeenteNaam },
    { key: 'gemeente.code', value: gemeentecode },
    { key: 'instellingen', value: rest },
  ]);
  logAccess(tx, { action: 'beheer', objectType: 'instellingen' });
  return readSettings(tx);
}

/** The user's key for encrypting form drafts in the renderer; made on first use, kept in the encrypted database. */
export async function draftKeyFor(tx: Pick<TxContext, 'm' | 'session'>): Promise<string> {
  const key = draftKeySetting(tx.session.user.id);
  const row = await tx.m.findOneBy(SettingEntity, { key });
  if (typeof row?.value === 'string') return row.value;
  const fresh = randomBytes(32).toString('base64');
  await tx.m.insert(SettingEntity, { key, value: fresh });
  return fresh;
}

/** The access log's check is done (on a worker thread, see store-jobs.ts): its result goes into the log. */
export function logVerifyResult(tx: TxContext, result: VerifyResult): VerifyResult {
  logAccess(tx, { action: 'lezen', objectType: 'toegangslog', detail: result.ok ? `controle geslaagd (${result.entries} regels)` : `controle: regel ${result.firstBroken?.seq} klopt niet` });
  return result;
}


import { LoketError } from '../../shared/errors';
import { roleCombinationProblem, type Role } from '../../shared/roles';
import type { UserInfo } from '../../shared/schemas/admin';
import { UserEntity } from '../db/entities';
import { logAccess, notFound, type TxContext } from './context';

/**
 * A beheerder changes a colleague's roles and mandate. The session guard re-reads the user on
 * every call, so a change counts from her next action. The last active beheerder keeps that role
 * (else nobody can manage users any more); a besluitbevoegde always has a mandate on record.
 */
export async function updateUserRoles(tx: TxContext, input: { username: string; roles: Role[]; mandaat: string | null }): Promise<UserInfo> {
  const u = await tx.m.findOneBy(UserEntity, { username: input.username });
  if (!u || !u.active) throw notFound('Gebruiker', input.username);
  const combination = roleCombinationProblem(input.roles);
  if (combination) throw new LoketError('invoer', combination, 'roles');
  const mandaat = input.mandaat?.trim() || null;
  if (input.roles.includes('besluitbevoegd') && !mandaat) {
    throw new LoketError('invoer', 'Een besluitbevoegde medewerker heeft een mandaat nodig: vul het mandaatbesluit in.', 'mandaat');
  }
  if (u.roles.includes('beheerder') && !input.roles.includes('beheerder')) {
    const others = (await tx.m.findBy(UserEntity, { active: true })).filter((x) => x.id !== u.id && x.roles.includes('beheerder'));
    if (others.length === 0) throw new LoketError('conflict', `${u.username} is de laatste beheerder. Maak eerst een andere collega beheerder.`, 'roles');
  }
  await tx.m.update(UserEntity, { id: u.id }, { roles: input.roles, mandaat: input.roles.includes('besluitbevoegd') ? mandaat : null });
  const was = `${u.roles.join(',')}${u.mandaat ? ' (mandaat)' : ''}`;
  logAccess(tx, { action: 'beheer', objectType: 'gebruiker', objectId: u.id, detail: `rollen ${was} → ${input.roles.join(',')}${input.roles.includes('besluitbevoegd') ? ' (mandaat)' : ''}` });
  const row = await tx.m.findOneByOrFail(UserEntity, { id: u.id });
  return { id: row.id, username: row.username, displayName: row.displayName, roles: row.roles as Role[], mandaat: row.mandaat, active: row.active };
}

import { CASE_WRITERS } from '../../shared/ipc/define';

/**
 * Least privilege beyond the channel's roles: the hulpvraag and the gespreksverslag are for the
 * people who do the casework. Administratie sees what printing needs; the auditor opens content
 * only through 'audit.inzage'.
 */
export function readsHulpvraagEnVerslag(user: { roles: readonly string[] }): boolean {
  return user.roles.some((r) => (CASE_WRITERS as readonly string[]).includes(r));
}

/** Letters that hold the hulpvraag or the verslag. */
export const MELDING_LETTERS = ['ontvangstbevestiging', 'gespreksverslag'];

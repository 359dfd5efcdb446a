import type { UserRow } from './db/entities';
import { RECOVERY_SLOT } from './db/keyslots';
import { instellingenJson, userById } from './db/sqlite/session';
import type { Session } from './vault';

/**
 * Sessions that follow the database, not the login snapshot: every router call re-reads the
 * user (active, roles, mandate), and a session left idle longer than the beheerder set
 * (Instellingen › automatisch vergrendelen) ends in the main process, whatever the renderer does.
 * The team server uses the same function for its sessions.
 */

export const DEFAULT_IDLE_MINUTES = 10;

/**
 * The session's user as the database holds it now, or null when she may no longer work: removed
 * (inactive) or gone. The recovery-key session has no user row and stays as it is.
 */
export function rereadSessionUser(s: Pick<Session, 'db' | 'user'>): UserRow | null {
  if (s.user.username === RECOVERY_SLOT && s.user.id === 0) return s.user;
  const u = userById(s.db.raw, s.user.id);
  if (!u || !u.active || u.username !== s.user.username) return null;
  return u;
}

/** Minutes without activity before the main process locks the session (the setting autoLockMinuten). */
export function idleMinutes(s: Pick<Session, 'db'>): number {
  const value = instellingenJson(s.db.raw);
  try {
    const n = value ? (JSON.parse(value) as { autoLockMinuten?: unknown }).autoLockMinuten : undefined;
    return typeof n === 'number' && n >= 1 ? n : DEFAULT_IDLE_MINUTES;
  } catch {
    return DEFAULT_IDLE_MINUTES;
  }
}

export const SESSIE_VERLOPEN = (min: number) =>
  `Sociaal Loket is vergrendeld omdat er ${min} minuten niets gebeurde. Log opnieuw in; uw niet-opgeslagen invoer is bewaard.`;
export const GEBRUIKER_INGETROKKEN =
  'Uw account is ingetrokken of uitgeschakeld; deze sessie is beëindigd. Vraag de beheerder als u denkt dat dit niet klopt.';

import { prepared } from './db/database';
import type { UserRow } from './db/entities';
import { RECOVERY_SLOT } from './db/keyslots';
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
  const r = prepared(s.db.raw, 'SELECT id, username, display_name, roles, mandaat, active, created_at FROM users WHERE id = ?')
    .get(s.user.id) as { id: number; username: string; display_name: string; roles: string; mandaat: string | null; active: number; created_at: string } | undefined;
  if (!r || r.active !== 1 || r.username !== s.user.username) return null;
  return {
    id: r.id, username: r.username, displayName: r.display_name, roles: JSON.parse(r.roles) as string[], mandaat: r.mandaat,
    active: true, createdAt: r.created_at,
  };
}

/** Minutes without activity before the main process locks the session (the setting autoLockMinuten). */
export function idleMinutes(s: Pick<Session, 'db'>): number {
  const row = prepared(s.db.raw, `SELECT value FROM settings WHERE key = 'instellingen'`).get() as { value: string } | undefined;
  try {
    const n = row ? (JSON.parse(row.value) as { autoLockMinuten?: unknown }).autoLockMinuten : undefined;
    return typeof n === 'number' && n >= 1 ? n : DEFAULT_IDLE_MINUTES;
  } catch {
    return DEFAULT_IDLE_MINUTES;
  }
}

export const SESSIE_VERLOPEN = (min: number) =>
  `Sociaal Loket is vergrendeld omdat er ${min} minuten niets gebeurde. Log opnieuw in; uw niet-opgeslagen invoer is bewaard.`;
export const GEBRUIKER_INGETROKKEN =
  'Uw account is ingetrokken of uitgeschakeld; deze sessie is beëindigd. Vraag de beheerder als u denkt dat dit niet klopt.';

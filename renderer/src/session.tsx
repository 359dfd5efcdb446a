import { createContext, useContext } from 'react';
import type { UserInfo } from '../../shared/schemas/admin';
import type { Role } from '../../shared/roles';

export interface SessionInfo {
  user: UserInfo;
  gemeenteNaam: string;
  /** AES-GCM key for this user's form drafts (see drafts.ts). */
  draftKey: CryptoKey;
  lock: () => void;
}

export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside an unlocked session');
  return s;
}

export function hasRole(user: UserInfo, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}

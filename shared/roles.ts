/** The desk's roles (issue: roles are enforced in the router, never only in the UI). */
export const ROLES = ['consulent', 'besluitbevoegd', 'administratie', 'auditor', 'beheerder'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  consulent: 'Consulent',
  besluitbevoegd: 'Besluitbevoegd (mandaat)',
  administratie: 'Administratie',
  auditor: 'Auditor',
  beheerder: 'Beheerder',
};

/**
 * Separation of duties: the auditor checks the others' work, so she holds no other role (each of
 * them writes). Returns why a combination is refused, or null.
 */
export function roleCombinationProblem(roles: readonly string[]): string | null {
  if (roles.includes('auditor') && roles.some((r) => r !== 'auditor')) {
    return 'Een auditor controleert het werk van anderen en heeft daarom geen andere rol (scheiding van functies). Maak voor die andere taak een apart account.';
  }
  return null;
}

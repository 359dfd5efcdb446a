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

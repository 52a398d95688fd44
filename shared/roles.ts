/** Staff roles (PROGRAMME.md, "Who uses Polku"). */
export const ROLES = ['coordinator', 'caseworker', 'psychologist', 'teacher'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a channel requires. `public`: callable while locked (status, unlock, setup).
 * `session`: any unlocked user. Otherwise a named permission that the role matrix grants.
 */
export type Access = 'public' | 'session' | Permission;

export const PERMISSIONS = ['vault.admin', 'settings.write', 'users.manage', 'audit.read'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The one permission matrix: role -> permissions it holds. Enforced by dispatch(). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  coordinator: ['vault.admin', 'settings.write', 'users.manage', 'audit.read'],
  caseworker: [],
  psychologist: [],
  teacher: [],
};

export function roleHolds(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

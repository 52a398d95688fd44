/** Staff roles (PROGRAMME.md, "Who uses Polku"). */
export const ROLES = ['coordinator', 'caseworker', 'psychologist', 'teacher'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a channel requires. `public`: callable while locked (status, unlock, setup).
 * `session`: any unlocked user. Otherwise a named permission that the role matrix grants.
 */
export type Access = 'public' | 'session' | Permission;

export const PERMISSIONS = [
  'vault.admin',
  'settings.write',
  'users.manage',
  'audit.read',
  'participants.readLimited',
  'participants.read',
  'participants.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The one permission matrix: role -> permissions it holds. Enforced by dispatch(), one permission a channel.
 *
 * Participants: every role that may see participants at all holds `participants.readLimited`, which is what
 * participants.list and participants.get require. What a reader then sees is decided in the core, not in the
 * interface: a role that also holds `participants.read` gets the whole record, any other role only the
 * pseudonym and first name (electron/core/participants/projection.ts). `participants.write` creates, edits and
 * moves the status; a psychologist reads whole records but changes none.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  coordinator: [
    'vault.admin',
    'settings.write',
    'users.manage',
    'audit.read',
    'participants.readLimited',
    'participants.read',
    'participants.write',
  ],
  caseworker: ['participants.readLimited', 'participants.read', 'participants.write'],
  psychologist: ['participants.readLimited', 'participants.read'],
  teacher: ['participants.readLimited'],
};

export function roleHolds(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

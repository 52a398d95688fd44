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
  'participants.delete',
  'consents.override',
  'notes.read',
  'notes.write',
  'psychosocial.read',
  'psychosocial.write',
  'psychosocial.private',
  'plans.read',
  'plans.write',
  'backup.manage',
  'programme.read',
  'programme.write',
  'sessions.write',
  'attendance.read',
  'attendance.write',
  'referrals.read',
  'referrals.write',
  'assessments.read',
  'assessments.write',
  'assessments.manage',
  'reports.funder',
  'reports.programme',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The one permission matrix: role -> permissions it holds. Enforced by dispatch(), one permission a channel.
 *
 * Participants: every role that may see participants at all holds `participants.readLimited`, which is what
 * participants.list and participants.get require. What a reader then sees is decided in the core, not in the
 * interface: a role that also holds `participants.read` gets the whole record, any other role only the
 * pseudonym, first name and cohort (electron/core/participants/projection.ts). `participants.write` creates, edits and
 * moves the status, and records consents and safety flags; a psychologist reads whole records but changes none.
 *
 * Consents: a missing or withdrawn consent blocks what depends on it; only `consents.override` (the
 * coordinator) may lift the block, with a reason, and the override is audited. Deleting a participant's
 * whole file is `participants.delete`, the coordinator's alone.
 *
 * Psychosocial log: `psychosocial.read` sees the entries with their shareable summary; only
 * `psychosocial.private` (psychologists) sees private notes, in every channel, search and print
 * (electron/core/psychosocial). Teachers see none of the case file beyond the pseudonym, first name and cohort.
 *
 * Career and study plans: like notes, the coordinator and caseworkers write them (`plans.write`), psychologists
 * read them (`plans.read`), teachers see nothing of them.
 *
 * Backups: a whole-vault backup holds every compartment, psychologists' private notes included, and opens with
 * its passphrase in any SQLCipher tool; so writing and restoring one (`backup.manage`) is the coordinator's alone.
 *
 * Programme: every role sees the cohorts' calendars, the week view and the partners (`programme.read`). Setting up
 * cohorts, partners and visits is the caseworkers' and the coordinator's (`programme.write`). Teachers run sessions
 * and keep attendance (`sessions.write`, `attendance.write`), seeing the group by first name and code only.
 * Psychologists see attendance, to know who has been coming, but do not keep it.
 *
 * Referrals onward (shared/referrals.ts): caseworkers and the coordinator create and move them
 * (`referrals.write`); psychologists read them (`referrals.read`); teachers see nothing of them.
 *
 * Assessments (shared/assessments.ts): caseworkers and the coordinator record them, the participant's self-rating
 * included (`assessments.write`); psychologists read them (`assessments.read`); teachers see nothing of them.
 * Hiding an item of the instrument from new assessments is the coordinator's (`assessments.manage`).
 *
 * Reports (shared/reports.ts), counts only: the funder report is the coordinator's (`reports.funder`); the programme
 * report the coordinator's and, for their own groups, the caseworkers' (`reports.programme`); psychologists and
 * teachers see none.
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
    'participants.delete',
    'consents.override',
    'notes.read',
    'notes.write',
    'psychosocial.read',
    'plans.read',
    'plans.write',
    'backup.manage',
    'programme.read',
    'programme.write',
    'sessions.write',
    'attendance.read',
    'attendance.write',
    'referrals.read',
    'referrals.write',
    'assessments.read',
    'assessments.write',
    'assessments.manage',
    'reports.funder',
    'reports.programme',
  ],
  caseworker: [
    'participants.readLimited',
    'participants.read',
    'participants.write',
    'notes.read',
    'notes.write',
    'psychosocial.read',
    'plans.read',
    'plans.write',
    'programme.read',
    'programme.write',
    'sessions.write',
    'attendance.read',
    'attendance.write',
    'referrals.read',
    'referrals.write',
    'assessments.read',
    'assessments.write',
    'reports.programme',
  ],
  psychologist: [
    'participants.readLimited',
    'participants.read',
    'notes.read',
    'psychosocial.read',
    'psychosocial.write',
    'psychosocial.private',
    'plans.read',
    'programme.read',
    'attendance.read',
    'referrals.read',
    'assessments.read',
  ],
  teacher: ['participants.readLimited', 'programme.read', 'sessions.write', 'attendance.read', 'attendance.write'],
};

export function roleHolds(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Every failure the main side can report to the renderer. Each has a sentence in every locale under `errors.<code>`. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'locked',
  'forbidden',
  'not_found',
  'wrong_passphrase',
  'wrong_recovery_code',
  'throttled',
  'passphrase_too_weak',
  'passphrase_reused',
  'vault_exists',
  'vault_missing',
  'vault_not_broken',
  'slots_missing',
  'slots_corrupt',
  'db_missing',
  'db_corrupt',
  'db_foreign',
  'db_newer',
  'recovery_not_confirmed',
  'name_taken',
  'last_coordinator',
  'own_account',
  'possible_duplicate',
  'invalid_transition',
  'consent_required',
  'internal',
  'disk_full',
  'print_disk_full',
  'print_not_writable',
  'print_failed',
  'export_disk_full',
  'export_not_writable',
  'export_failed',
  'backup_wrong_passphrase',
  'backup_not_encrypted',
  'backup_damaged',
  'backup_newer',
  'backup_unreadable',
  'backup_disk_full',
  'restore_disk_full',
  'backup_not_writable',
  'backup_write_failed',
  'backup_busy',
  'backup_not_inspected',
  'backup_user_missing',
  'backup_schema_foreign',
  'vault_schema_foreign',
  'restore_pending',
  'erasure_restore_pending',
  'handover_wrong_passphrase',
  'handover_damaged',
  'handover_newer',
  'handover_unreadable',
  'handover_write_failed',
  'handover_expired',
  'handover_conflict',
  'retention_not_due',
  'compartment_locked',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** i18n key of the sentence the UI shows; always `errors.<code>`. */
  i18nKey: `errors.${ErrorCode}`;
  /** Non-personal detail the UI may use (never field contents, never SQL or stack text). */
  details?: {
    retryAfterMs?: number;
    field?: string;
    issues?: FieldIssue[];
    /** Pseudonym codes of records that may be the same person (`possible_duplicate`); never names. */
    matches?: string[];
    /** The consent purpose that is missing or withdrawn (`consent_required`). */
    purpose?: string;
  };
}

/** A validation problem on one field of a form, by path and i18n key. */
export interface FieldIssue {
  path: string;
  i18nKey: string;
  /** Limits the sentence names (e.g. {max: 80}); never the input. */
  values?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | Failure;

export function failure(code: ErrorCode, details?: Failure['details']): Failure {
  return details ? { ok: false, code, i18nKey: `errors.${code}`, details } : { ok: false, code, i18nKey: `errors.${code}` };
}

/** Thrown by core code; dispatch turns it into a Failure. Carries no personal data. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Failure['details'],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

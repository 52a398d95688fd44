/**
 * The passphrases a person types: a staff member's own (chosen, or asked again before an action that gives
 * lasting access). A leaf module, so that every contract (vault, users, backup, handover) can use it.
 */
import { z } from 'zod';

export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 1024;

/** A staff member's new passphrase; the main side's floor (assertPassphraseAcceptable) applies too. */
export const passphrase = z.string().min(PASSPHRASE_MIN_LENGTH).max(PASSPHRASE_MAX_LENGTH);

/**
 * The signed-in user's own passphrase, asked again before a new recovery code, a new master key, a new account,
 * a one-time passphrase, a role change, a backup or a handover file. Checked against their own slot on the main
 * side, wrong ones counted by the unlock throttle (docs/security.md). Any text an unlock takes.
 */
export const currentPassphrase = z.string().min(1).max(PASSPHRASE_MAX_LENGTH);

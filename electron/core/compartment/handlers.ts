import { AppError } from '@shared/errors';
import type { HandlerGroup } from '../handler';
import { findUserByName } from '../users/repo';
import {
  compartmentState,
  grantCompartment,
  holdsPrivate,
  newCompartmentRecoveryCode,
  takeUnshownCode,
  useCompartmentRecoveryCode,
} from '../vault/compartment';
import { passphraseSecret } from '../vault/passphrase-policy';

/**
 * The psychologists' key to their sealed private notes. Every change needs a psychologist holding the key (or the
 * psychologists' recovery code) and a passphrase typed again; the coordinator has no way to it.
 */
export const compartmentHandlers = {
  'compartment.status': {
    kind: 'core',
    run: (_input, { vault }) => {
      const { db, role } = vault.compartmentContext();
      return { state: compartmentState(db, role), recoveryCode: takeUnshownCode(db) };
    },
  },

  'compartment.grant': {
    kind: 'core',
    run: async (input, { vault }) => {
      const context = vault.compartmentContext();
      const target = findUserByName(context.db, input.name);
      if (!target) throw new AppError('not_found');
      // Checked before the passphrase is tried, so that this is no way to test guesses at anyone else's passphrase.
      if (!target.active || target.id === context.userId || !holdsPrivate(context.role) || !holdsPrivate(target.role))
        throw new AppError('forbidden');
      await vault.confirmPassphraseOf(target.id, input.passphrase);
      const secret = passphraseSecret(input.passphrase);
      try {
        await grantCompartment(vault.compartmentContext(), { userId: target.id, role: target.role }, secret);
      } finally {
        secret.fill(0);
      }
      return null;
    },
  },

  'compartment.newRecoveryCode': {
    kind: 'core',
    run: async (input, { vault }) => {
      await vault.confirmPassphrase(input.currentPassphrase);
      return { recoveryCode: await newCompartmentRecoveryCode(vault.compartmentContext()) };
    },
  },

  'compartment.useRecoveryCode': {
    kind: 'core',
    run: async (input, { vault }) => {
      await vault.confirmPassphrase(input.currentPassphrase);
      const secret = passphraseSecret(input.currentPassphrase);
      try {
        if (!(await useCompartmentRecoveryCode(vault.compartmentContext(), input.recoveryCode, secret))) {
          vault.countFailedAttempt();
          throw new AppError('wrong_recovery_code', { retryAfterMs: vault.retryAfterMs() });
        }
      } finally {
        secret.fill(0);
      }
      const { db, role } = vault.compartmentContext();
      return { state: compartmentState(db, role) };
    },
  },
} satisfies HandlerGroup;

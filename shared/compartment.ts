/**
 * The psychologists' key to their sealed private notes (electron/core/vault/compartment.ts): its state for the
 * signed-in user, giving it to a psychologist colleague, and the psychologists' own recovery code.
 */
import { z } from 'zod';
import { channel } from './channel';
import { currentPassphrase } from './passphrases';
import { displayName } from './users';
import { recoveryCode } from './vault';

export const compartmentState = z.enum(['open', 'sealed', 'none', 'notPsychologist']);
export type CompartmentState = z.infer<typeof compartmentState>;

export const compartmentChannels = {
  /**
   * Whether the signed-in psychologist holds the key in this session (`open`), has notes they cannot read
   * (`sealed`), or the vault has no sealed notes yet (`none`). `recoveryCode`: the psychologists' recovery code made
   * at this unlock, given once (then null), to be shown once and written down.
   */
  'compartment.status': channel(
    'session',
    z.object({}).strict(),
    z.object({ state: compartmentState, recoveryCode: z.string().nullable() }),
  ),
  /**
   * A psychologist holding the key gives it to a psychologist colleague sitting beside her, who types her name (as
   * at the unlock screen) and her own passphrase (checked against her slot; wrong ones count towards the unlock
   * delay). Never by a coordinator.
   */
  'compartment.grant': channel(
    'psychosocial.private',
    z.object({ name: displayName, passphrase: currentPassphrase }).strict(),
    z.null(),
  ),
  /** A new psychologists' recovery code (the old one stops working); the psychologist's own passphrase again. */
  'compartment.newRecoveryCode': channel(
    'psychosocial.private',
    z.object({ currentPassphrase }).strict(),
    z.object({ recoveryCode: z.string() }),
  ),
  /** A psychologist without the key gets it with the psychologists' recovery code and their own passphrase. */
  'compartment.useRecoveryCode': channel(
    'psychosocial.private',
    z.object({ recoveryCode, currentPassphrase }).strict(),
    z.object({ state: compartmentState }),
  ),
};

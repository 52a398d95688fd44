import { useState } from 'react';
import type { Channel, InputOf, OutputOf } from '@shared/api';
import { CURRENT_PASSPHRASE, wrongPassphraseAtField } from './CurrentPassphraseField';
import { checkInput } from './formSubmission';
import { useChannelAction, type ChannelActionOptions } from './useChannelAction';
import { useFieldErrors } from './useFieldErrors';

/**
 * A confirmation (ConfirmBox) that asks for the caller's own passphrase again: the field's state, its message
 * (required, or wrong, at the field) and the call. The passphrase is cleared as soon as it is read.
 */
export function useConfirmWithPassphrase(options: ChannelActionOptions = {}) {
  const { busy, failure, run } = useChannelAction(options);
  const [value, setValue] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();

  /** Sends `channel` with `input` and the typed passphrase as `currentPassphrase`. */
  async function confirm<C extends Channel>(channel: C, input: object, onOk: (value: OutputOf<C>) => void): Promise<void> {
    if (busy) return;
    const checked = checkInput(channel, { ...input, [CURRENT_PASSPHRASE]: value });
    setValue('');
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    await run(channel, checked.data as InputOf<C>, onOk, (refused) => {
      const atField = wrongPassphraseAtField(refused);
      if (atField) setErrors(atField);
      return atField !== null;
    });
  }

  return {
    busy,
    failure,
    confirm,
    passphrase: { value, onChange: edit(CURRENT_PASSPHRASE, setValue), error: errors[CURRENT_PASSPHRASE] },
  };
}

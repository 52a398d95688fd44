import { useRef, useState, type FormEvent } from 'react';
import type { Channel, InputOf, OutputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import type { FieldErrors } from '../api/validate';
import { checkInput, refusalView } from './formSubmission';
import { useChannelAction, type ChannelActionOptions } from './useChannelAction';
import { useEscape } from './useEscape';
import { useFieldErrors } from './useFieldErrors';
import { useFocusFirstInvalid } from './useFocusFirstInvalid';

interface ChannelFormOptions extends ChannelActionOptions {
  /** Escape inside the form calls it (an inline form or a confirmation); left out, Escape does nothing. */
  onCancel?: () => void;
  /** A refusal the form explains at one of its fields (e.g. a name already taken) instead of above the buttons. */
  atField?: (failure: Failure) => FieldErrors | null;
}

interface SubmitOptions {
  /** The form's own rules beyond the schema (e.g. a day not in the future); the schema's message wins. */
  ownRules?: FieldErrors;
}

/**
 * A form that sends one channel: its field errors (cleared as a field is edited), focus to the first invalid
 * field after a refused submit, `busy` and the refusal to show. `submit` checks the input with the channel's
 * schema and the form's own rules, sends it, and puts the main side's field messages next to their fields.
 */
export function useChannelForm({ onCancel, atField, invalidates }: ChannelFormOptions = {}) {
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const { busy, failure, setFailure, run } = useChannelAction({ invalidates });
  useFocusFirstInvalid(formRef, attempt);
  useEscape(formRef, onCancel);

  function showErrors(found: FieldErrors) {
    setErrors(found);
    setAttempt((n) => n + 1);
  }

  async function submit<C extends Channel>(
    event: FormEvent,
    channel: C,
    input: unknown,
    onOk: (value: OutputOf<C>) => void,
    { ownRules }: SubmitOptions = {},
  ): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const checked = checkInput(channel, input, ownRules);
    if (!checked.ok) return showErrors(checked.errors);
    setErrors({});
    // The schema's output is the channel's input: what the schema accepts, it accepts again on the main side.
    await run(channel, checked.data as InputOf<C>, onOk, (refusal) => {
      const view = refusalView(refusal, atField);
      if (view.errors) showErrors(view.errors);
      return !view.showFailure;
    });
  }

  return { formRef, errors, edit, failure, busy, submit };
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { VIEW_NAME_MAX, type RegistryViewState, type SavedView } from '@shared/views';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, validateInput } from '../../api/validate';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useEscape } from '../../components/useEscape';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { normalState } from './viewState';

interface SaveViewFormProps {
  views: readonly SavedView[];
  state: RegistryViewState;
  initialName: string;
  onSaved: (view: SavedView) => void;
  onCancel: () => void;
}

/** A name for the arrangement shown now; a name already in use replaces that view, as the hint says. */
export function SaveViewForm({ views, state, initialName, onSaved, onCancel }: SaveViewFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initialName);
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstInvalid(form, attempt);
  useEscape(form, onCancel);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const typed = name.trim().toLocaleLowerCase();
  const replaces = typed !== '' && views.some((view) => view.name.toLocaleLowerCase() === typed);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const validated = validateInput('views.save', { screen: 'participants', name, state: normalState(state) });
    setErrors(validated.ok ? {} : validated.errors);
    if (!validated.ok) return setAttempt((n) => n + 1);
    setBusy(true);
    const result = await invoke('views.save', validated.data);
    setBusy(false);
    if (result.ok) return onSaved(result.value);
    if (result.code === 'invalid_input') {
      setErrors(fieldErrorsFromIssues(result.details?.issues));
      return setAttempt((n) => n + 1);
    }
    setFailure(result);
  }

  return (
    <form ref={form} className="registry-save-view" onSubmit={submit} noValidate aria-busy={busy}>
      <Field
        ref={input}
        label={t('registry.views.name')}
        hint={replaces ? t('registry.views.replaceHint') : t('registry.views.nameHint')}
        value={name}
        maxLength={VIEW_NAME_MAX}
        error={errors.name}
        onChange={(event) => edit('name', setName)(event.target.value)}
      />
      <ErrorMessage failure={failure} />
      <div className="actions">
        <button type="submit" className="button button-primary button-small" aria-disabled={busy || undefined}>
          {t('registry.views.save')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

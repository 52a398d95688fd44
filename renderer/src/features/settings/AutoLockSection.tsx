import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MINUTES } from '@shared/api';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, validateInput } from '../../api/validate';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Section } from '../../components/Section';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';

/** How many idle minutes before Polku locks itself; only the coordinator may change it. */
export function AutoLockSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);
  useFocusFirstInvalid(form, attempt);

  useEffect(() => {
    let current = true;
    void invoke('settings.get', {}).then((result) => {
      if (!current) return;
      if (!result.ok) return setFailure(result);
      setSaved(result.value.autoLockMinutes);
      setValue(String(result.value.autoLockMinutes));
    });
    return () => {
      current = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setDone(false);
    const validated = validateInput('settings.update', { autoLockMinutes: value.trim() === '' ? Number.NaN : Number(value) });
    setErrors(validated.ok ? {} : validated.errors);
    if (!validated.ok) return setAttempt((n) => n + 1);
    const result = await invoke('settings.update', validated.data);
    if (!result.ok) {
      setFailure(result);
      if (result.code === 'invalid_input') setErrors(fieldErrorsFromIssues(result.details?.issues));
      return;
    }
    setSaved(result.value.autoLockMinutes);
    setValue(String(result.value.autoLockMinutes));
    setDone(true);
  }

  return (
    <Section title={t('settings.autoLock.title')}>
      <p>{t('settings.autoLock.intro')}</p>
      {canEdit ? (
        <form ref={form} onSubmit={submit} noValidate>
          <Field
            label={t('settings.autoLock.field')}
            hint={t('settings.autoLock.hint', { min: AUTO_LOCK_MINUTES.min, max: AUTO_LOCK_MINUTES.max })}
            type="number"
            inputMode="numeric"
            min={AUTO_LOCK_MINUTES.min}
            max={AUTO_LOCK_MINUTES.max}
            step={1}
            className="input-short"
            value={value}
            onChange={(event) => {
              edit('autoLockMinutes', setValue)(event.target.value);
              setDone(false);
            }}
            error={errors.autoLockMinutes}
          />
          <ErrorMessage failure={failure} />
          <StatusMessage tone="success">
            {done && saved !== null ? t('settings.autoLock.saved', { count: saved }) : null}
          </StatusMessage>
          <div className="actions">
            <button type="submit" className="button button-primary">
              {t('settings.autoLock.submit')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {saved !== null ? <p className="setting-value">{t('settings.autoLock.readOnly', { count: saved })}</p> : null}
          <ErrorMessage failure={failure} />
        </>
      )}
    </Section>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MINUTES } from '@shared/api';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Section } from '../../components/Section';
import { useChannelForm } from '../../components/useChannelForm';

/** How many idle minutes before Polku locks itself; only the coordinator may change it. */
export function AutoLockSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
  const { formRef, errors, edit, failure, submit: send } = useChannelForm();
  const [done, setDone] = useState(false);

  useEffect(() => {
    let current = true;
    void invoke('settings.get', {}).then((result) => {
      if (!current) return;
      if (!result.ok) return setLoadFailure(result);
      setSaved(result.value.autoLockMinutes);
      setValue(String(result.value.autoLockMinutes));
    });
    return () => {
      current = false;
    };
  }, []);

  function submit(event: FormEvent) {
    setDone(false);
    setLoadFailure(null);
    const autoLockMinutes = value.trim() === '' ? Number.NaN : Number(value);
    return send(event, 'settings.update', { autoLockMinutes }, (settings) => {
      setSaved(settings.autoLockMinutes);
      setValue(String(settings.autoLockMinutes));
      setDone(true);
    });
  }

  return (
    <Section title={t('settings.autoLock.title')}>
      <p>{t('settings.autoLock.intro')}</p>
      {canEdit ? (
        <form ref={formRef} onSubmit={submit} noValidate>
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
          <ErrorMessage failure={failure ?? loadFailure} />
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
          <ErrorMessage failure={loadFailure} />
        </>
      )}
    </Section>
  );
}

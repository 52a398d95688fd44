import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { RETENTION_YEARS } from '@shared/retention';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { useChannelForm } from '../../components/useChannelForm';

const CHOICES = [RETENTION_YEARS.off, ...Array.from({ length: RETENTION_YEARS.max }, (_, i) => i + RETENTION_YEARS.min)];

/** How long closed files are kept before they are listed for deletion; only the coordinator may change it. */
export function RetentionSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);
  const { formRef, errors, edit, failure, submit: send } = useChannelForm();

  useEffect(() => {
    let current = true;
    void invoke('retention.get', {}).then((result) => {
      if (!current) return;
      if (!result.ok) return setLoadFailure(result);
      setSaved(result.value.years);
      setValue(String(result.value.years));
    });
    return () => {
      current = false;
    };
  }, []);

  function submit(event: FormEvent) {
    setDone(false);
    return send(event, 'retention.set', { years: Number(value) }, (setting) => {
      setSaved(setting.years);
      setValue(String(setting.years));
      setDone(true);
    });
  }

  const options = CHOICES.map((years) => ({
    value: String(years),
    label: years === RETENTION_YEARS.off ? t('retention.settings.off') : t('retention.settings.years', { count: years }),
  }));
  const savedText =
    saved === null ? null : saved === 0 ? t('retention.settings.savedOff') : t('retention.settings.saved', { count: saved });

  return (
    <Section title={t('retention.settings.title')}>
      <p>{t('retention.settings.intro')}</p>
      {canEdit ? (
        <form ref={formRef} onSubmit={submit} noValidate>
          <SelectField
            label={t('retention.settings.field')}
            hint={t('retention.settings.hint')}
            options={options}
            value={value}
            disabled={saved === null}
            onChange={(event) => {
              edit('years', setValue)(event.target.value);
              setDone(false);
            }}
            error={errors.years}
          />
          <ErrorMessage failure={failure ?? loadFailure} />
          <StatusMessage tone="success">{done ? savedText : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="button button-primary">
              {t('retention.settings.submit')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {saved !== null ? (
            <p className="setting-value">
              {saved === 0 ? t('retention.settings.readOnlyOff') : t('retention.settings.readOnly', { count: saved })}
            </p>
          ) : null}
          <ErrorMessage failure={loadFailure} />
        </>
      )}
    </Section>
  );
}

import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RETENTION_YEARS } from '@shared/retention';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { QueryFailure } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { useChannelForm } from '../../components/useChannelForm';
import { RETENTION_SETTING_CHANGES } from './mutations';
import { retentionYearsQuery } from './queries';

const CHOICES = [RETENTION_YEARS.off, ...Array.from({ length: RETENTION_YEARS.max }, (_, i) => i + RETENTION_YEARS.min)];

/** How long closed files are kept before they are listed for deletion; only the coordinator may change it. */
export function RetentionSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery(retentionYearsQuery());
  const saved = query.data?.years ?? null;
  // What the user chose; until they choose, the field shows the saved value.
  const [chosen, setChosen] = useState<string | null>(null);
  const value = chosen ?? (saved === null ? '' : String(saved));
  const [done, setDone] = useState(false);
  const { formRef, errors, edit, failure, submit: send } = useChannelForm({ invalidates: RETENTION_SETTING_CHANGES });

  function submit(event: FormEvent) {
    setDone(false);
    return send(event, 'retention.set', { years: Number(value) }, (setting) => {
      client.setQueryData(retentionYearsQuery().queryKey, setting);
      setChosen(null);
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
              edit('years', setChosen)(event.target.value);
              setDone(false);
            }}
            error={errors.years}
          />
          <QueryFailure query={query} />
          <ErrorMessage failure={failure} />
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
          <QueryFailure query={query} />
        </>
      )}
    </Section>
  );
}

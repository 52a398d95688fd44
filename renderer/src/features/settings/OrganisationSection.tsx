import { type FormEvent, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_NAME_MAX } from '@shared/settings';
import { PHONE_MAX } from '@shared/text-fields';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { QueryFailure } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useChannelForm } from '../../components/useChannelForm';
import { useCan } from '../../shell/session';
import { SETTINGS_CHANGES } from './mutations';
import { settingsQuery } from './queries';

/**
 * The organisation's name and the number participants call when ill, printed on their week schedule. Everyone
 * sees them; the coordinator (settings.write) changes them.
 */
export function OrganisationSection() {
  const { t } = useTranslation();
  const canEdit = useCan('settings.write');
  const client = useQueryClient();
  const query = useQuery(settingsQuery());
  const saved = query.data ?? null;
  // What the user typed; until they type, the fields show the saved values.
  const [name, setName] = useState<string | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ invalidates: SETTINGS_CHANGES });
  const nameValue = name ?? saved?.organisationName ?? '';
  const phoneValue = phone ?? saved?.organisationPhone ?? '';

  function submit(event: FormEvent) {
    setDone(false);
    return send(event, 'settings.update', { organisationName: nameValue, organisationPhone: phoneValue }, (settings) => {
      client.setQueryData(settingsQuery().queryKey, settings);
      setName(null);
      setPhone(null);
      setDone(true);
    });
  }

  return (
    <Section title={t('programme.organisation.title')}>
      <p>{t('programme.organisation.lead')}</p>
      <QueryFailure query={query} />
      {canEdit ? (
        <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
          <Field
            label={t('programme.organisation.name')}
            value={nameValue}
            maxLength={ORGANISATION_NAME_MAX}
            autoComplete="organization"
            error={errors.organisationName}
            onChange={(event) => {
              setDone(false);
              edit('organisationName', setName)(event.target.value);
            }}
          />
          <Field
            type="tel"
            label={t('programme.organisation.phone')}
            hint={t('programme.organisation.phoneHint')}
            value={phoneValue}
            maxLength={PHONE_MAX}
            error={errors.organisationPhone}
            onChange={(event) => {
              setDone(false);
              edit('organisationPhone', setPhone)(event.target.value);
            }}
          />
          <ErrorMessage failure={failure} />
          <StatusMessage tone="success">{done ? t('programme.organisation.saved') : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
              {t('programme.organisation.save')}
            </button>
          </div>
        </form>
      ) : saved ? (
        <dl className="programme-facts">
          <dt>{t('programme.organisation.name')}</dt>
          <dd>{saved.organisationName ?? t('programme.none')}</dd>
          <dt>{t('programme.organisation.phone')}</dt>
          <dd>{saved.organisationPhone ?? t('programme.none')}</dd>
        </dl>
      ) : null}
    </Section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { Section } from '../../components/Section';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { useChannelForm } from '../../components/useChannelForm';
import { usePassphraseChoice } from '../vault/usePassphraseChoice';
import { useSession, useSetSession } from '../../shell/session';

/** Changes one's own passphrase: the current one proves it is really the user. */
export function ChangePassphraseSection() {
  const session = useSession();
  const onSession = useSetSession();
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const choice = usePassphraseChoice([session.displayName]);
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm();
  const [done, setDone] = useState(false);

  function submit(event: FormEvent) {
    if (busy) return event.preventDefault();
    setDone(false);
    const ownRules = { ...(current === '' ? { current: { key: 'validation.required' } } : {}), ...choice.check('next', 'again') };
    return send(
      event,
      'vault.changePassphrase',
      { current, next: choice.next },
      (renewed) => {
        setCurrent('');
        choice.setNext('');
        choice.setAgain('');
        setDone(true);
        onSession(renewed);
      },
      { ownRules },
    );
  }

  return (
    <Section title={t('settings.passphrase.title')}>
      <p>{t('settings.passphrase.intro')}</p>
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          label={t('settings.passphrase.current')}
          value={current}
          onChange={edit('current', setCurrent)}
          purpose="current-password"
          error={errors.current}
        />
        <NewPassphraseFields
          choice={choice}
          errors={errors}
          edit={edit}
          labels={{ next: t('settings.passphrase.next'), again: t('settings.passphrase.again') }}
          fields={{ next: 'next', again: 'again' }}
        />
        <ErrorMessage failure={failure} />
        <StatusMessage tone={done ? 'success' : 'info'}>
          {busy ? t('common.working') : done ? t('settings.passphrase.done') : null}
        </StatusMessage>
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('settings.passphrase.submit')}
          </button>
        </div>
      </form>
    </Section>
  );
}

import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { QueryFailure } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useChannelAction } from '../../components/useChannelAction';
import { SETTINGS_CHANGES } from './mutations';
import { settingsQuery } from './queries';

/**
 * Whether the unlock screen offers the name of whoever unlocked last. Off by default, and the text says why: the
 * name is kept outside the vault, readable by anyone holding the locked laptop. Saved as soon as it is ticked;
 * the main side erases the stored name the moment it is switched off.
 */
export function LastUserNameSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery(settingsQuery());
  const shown = query.data?.showLastUserName ?? null;
  const { busy, failure, run } = useChannelAction({ invalidates: SETTINGS_CHANGES });
  const [saved, setSaved] = useState<boolean | null>(null);
  // The box shows the choice at once while it is being saved; a refusal puts the stored value back.
  const [choosing, setChoosing] = useState<boolean | null>(null);

  async function change(next: boolean) {
    setSaved(null);
    setChoosing(next);
    await run('settings.update', { showLastUserName: next }, (settings) => {
      client.setQueryData(settingsQuery().queryKey, settings);
      setSaved(settings.showLastUserName);
    });
    setChoosing(null);
  }

  return (
    <Section title={t('lastUserName.title')}>
      <p>{t('lastUserName.intro')}</p>
      {canEdit ? (
        <>
          <CheckboxField
            label={t('lastUserName.field')}
            hint={t('lastUserName.hint')}
            checked={choosing ?? shown ?? false}
            disabled={shown === null}
            aria-busy={busy || undefined}
            onChange={(event) => void change(event.target.checked)}
          />
          <ErrorMessage failure={failure} />
          <StatusMessage tone="success">
            {saved === null ? null : t(saved ? 'lastUserName.savedOn' : 'lastUserName.savedOff')}
          </StatusMessage>
        </>
      ) : shown !== null ? (
        <p className="setting-value">{t(shown ? 'lastUserName.readOnlyOn' : 'lastUserName.readOnlyOff')}</p>
      ) : null}
      <QueryFailure query={query} />
    </Section>
  );
}

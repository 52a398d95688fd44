import { useTranslation } from 'react-i18next';
import type { Session } from '@shared/sessions';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useChannelAction } from '../../components/useChannelAction';
import { translateKey } from '../../i18n/keys';
import { SESSION_CHANGES } from './mutations';

interface RestoreSessionButtonProps {
  session: Session;
  /** The session's day as shown, to name the button for assistive technology. */
  day: string;
  onRestored: () => void;
}

/** Takes a cancelled session back into the calendar; refused (and said why) when another session now overlaps it. */
export function RestoreSessionButton({ session, day, onRestored }: RestoreSessionButtonProps) {
  const { t } = useTranslation();
  const { busy, failure, run } = useChannelAction({ invalidates: SESSION_CHANGES });
  const issue = failure?.code === 'invalid_input' ? failure.details?.issues?.[0] : undefined;
  return (
    <>
      <button
        type="button"
        data-focus-key="restore"
        className="button button-secondary button-small"
        aria-label={t('programme.sessions.restoreOne', { day })}
        aria-disabled={busy || undefined}
        onClick={() => void run('sessions.restore', { id: session.id }, onRestored)}
      >
        {t('programme.sessions.restore')}
      </button>
      {issue ? (
        <p role="alert" className="notice notice-error">
          {translateKey(t, issue.i18nKey, issue.values)}
        </p>
      ) : (
        <ErrorMessage failure={failure} />
      )}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { formatWait } from '../../i18n/format';
import type { Countdown } from './useCountdown';

/**
 * The wait before the next attempt. The visible countdown updates every second; screen readers are told
 * once when the wait starts and once when it is over, not every second.
 */
export function ThrottleNotice({ countdown }: { countdown: Countdown }) {
  const { t } = useTranslation();
  const { remainingMs, startedWithMs, finished } = countdown;
  const announcement =
    remainingMs > 0 ? t('throttle.announceWait', { when: formatWait(startedWithMs) }) : finished ? t('throttle.ready') : '';
  return (
    <>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {remainingMs > 0 ? <p className="notice notice-warning">{t('throttle.wait', { when: formatWait(remainingMs) })}</p> : null}
    </>
  );
}

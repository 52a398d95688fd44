import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { verifyMessage, type VerifyMessage } from './verify';

/**
 * "Verify the audit log": recomputes the log's chain on the main side. An intact log is confirmed politely; a
 * changed one is an alert with the entry number and what to do.
 */
export function VerifyAudit() {
  const { t } = useTranslation();
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<VerifyMessage | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function verify() {
    if (working) return;
    setWorking(true);
    setMessage(null);
    setFailure(null);
    const result = await invoke('audit.verify', {});
    setWorking(false);
    if (!result.ok) return setFailure(result);
    setMessage(verifyMessage(result.value));
  }

  const status = working ? t('audit.verify.working') : message?.tone === 'intact' ? t(message.key, message.values) : null;
  return (
    <section className="card audit-verify" aria-labelledby="audit-verify-title">
      <div className="audit-verify-text">
        <h2 id="audit-verify-title">{t('audit.verify.title')}</h2>
        <p>{t('audit.verify.intro')}</p>
      </div>
      <div className="audit-verify-action">
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={working || undefined}
          onClick={() => void verify()}
        >
          {t('audit.verify.submit')}
        </button>
      </div>
      <div className="audit-verify-result">
        <StatusMessage tone={message?.tone === 'intact' ? 'success' : 'info'}>{status}</StatusMessage>
        {message?.tone === 'broken' ? (
          <p role="alert" className="notice notice-error">
            {t(message.key, message.values)}
          </p>
        ) : null}
        <ErrorMessage failure={failure} />
      </div>
    </section>
  );
}

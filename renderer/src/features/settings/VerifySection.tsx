import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/api';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Section } from '../../components/Section';
import { useChannelAction } from '../../components/useChannelAction';
import { formatNumber } from '../../i18n/format';
import { CheckpointForm } from './CheckpointForm';

type Report = OutputOf<'vault.verify'>;

/** Whether every part of the check passed. */
export function reportIsClean(report: Report): boolean {
  return (
    report.firstBadPage === null &&
    report.integrity &&
    report.auditFirstBadRow === null &&
    report.backupHeadsMissing === 0 &&
    report.historyProblem === null
  );
}

/** A head as it is noted on paper: the first 16 hex digits of its hash in groups of four. */
export function headCode(hash: string): string {
  return (hash.slice(0, 16).match(/.{4}/g) ?? []).join(' ');
}

/** Checks every page of the database file, SQLite's own integrity check and the audit log's chain. */
export function VerifySection() {
  const { t } = useTranslation();
  const [report, setReport] = useState<Report | null>(null);
  const { busy, failure, run } = useChannelAction();

  function verify() {
    if (busy) return;
    setReport(null);
    void run('vault.verify', {}, setReport);
  }

  return (
    <Section title={t('settings.verify.title')}>
      <p>{t('settings.verify.intro')}</p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => void verify()} aria-disabled={busy || undefined}>
          {t('settings.verify.submit')}
        </button>
      </div>
      <StatusMessage>{busy ? t('settings.verify.working') : null}</StatusMessage>
      <ErrorMessage failure={failure} />
      {report ? (
        <div className="verify-report" role="status">
          <p className={reportIsClean(report) ? 'notice notice-success' : 'notice notice-error'}>
            {t(reportIsClean(report) ? 'settings.verify.allGood' : 'settings.verify.problems')}
          </p>
          <ul>
            <li>
              {report.firstBadPage === null
                ? t('settings.verify.pagesOk', { count: report.pagesChecked, pages: formatNumber(report.pagesChecked) })
                : t('settings.verify.pagesBad', {
                    count: report.pagesChecked,
                    pages: formatNumber(report.pagesChecked),
                    page: formatNumber(report.firstBadPage),
                  })}
            </li>
            <li>{t(report.integrity ? 'settings.verify.integrityOk' : 'settings.verify.integrityBad')}</li>
            <li>
              {report.auditFirstBadRow === null
                ? t('settings.verify.auditOk', { count: report.auditRows, rows: formatNumber(report.auditRows) })
                : t('settings.verify.auditBad', { row: formatNumber(report.auditFirstBadRow) })}
            </li>
            {report.historyProblem ? <li>{t('settings.verify.historyProblem')}</li> : null}
            {report.backupHeadsChecked > 0 ? (
              <li>
                {report.backupHeadsMissing === 0
                  ? t('settings.verify.backupHeadsOk', { count: report.backupHeadsChecked })
                  : t('settings.verify.backupHeadsMissing', { count: report.backupHeadsMissing })}
              </li>
            ) : null}
          </ul>
          {report.auditHead ? (
            <p className="verify-head">
              {t('settings.verify.head', { row: formatNumber(report.auditHead.id), code: headCode(report.auditHead.hash) })}
            </p>
          ) : null}
          {reportIsClean(report) ? null : <p>{t('settings.verify.whatToDo')}</p>}
        </div>
      ) : null}
      <CheckpointForm />
    </Section>
  );
}

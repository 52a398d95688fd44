import { useTranslation } from 'react-i18next';

/** The footer of every report: how its small counts are shown and why some are hidden, in the report's language. */
export function SuppressionRule({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return (
    <footer className="report-rule">
      <h3>{t('reports.screen.rule.title')}</h3>
      <ul>
        <li>{t('reports.screen.rule.small', { below: threshold - 1, k: threshold })}</li>
        <li>{t('reports.screen.rule.hidden')}</li>
        <li>{t('reports.screen.rule.percent')}</li>
        <li>{t('reports.screen.rule.zero')}</li>
      </ul>
    </footer>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/api';
import {
  assessmentProgress,
  levelFigures,
  levelPercent,
  progressChartLabels,
  progressRows,
  type DomainLevel,
} from '@shared/assessment-progress';
import { progressChart } from '@shared/charts/progress';
import { DEFAULT_LOCALE, LOCALES } from '@shared/locales';
import { ChartSvg } from '../../components/ChartSvg';
import { isOneOf, translateKey } from '../../i18n/keys';
import './assessment-progress.css';

type AssessmentList = OutputOf<'assessments.list'>;

/**
 * The participant's progress picture: each domain at each stage recorded, the participant's own view hatched and
 * the caseworker's solid (shared/charts/progress.ts, the same picture the case summary prints), with the same
 * numbers as a table below it for screen readers and for those who prefer numbers. Takes what `assessments.list`
 * answers; each assessment reads with its own instrument version's step words.
 */
export function AssessmentProgress({ assessments, instruments }: Pick<AssessmentList, 'assessments' | 'instruments'>) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  if (assessments.length === 0) return <p className="detail-empty">{t('assessments.progress.none')}</p>;
  const locale = isOneOf(LOCALES, i18n.language) ? i18n.language : DEFAULT_LOCALE;
  const progress = assessmentProgress(assessments, instruments, locale);
  const translate = (key: string, values?: Readonly<Record<string, string | number>>) => translateKey(t, key, values);
  const model = progressChart(progress, progressChartLabels(translate));
  const cell = (level: DomainLevel | null) =>
    level ? (
      <>
        {level.label ? <span className="progress-step">{level.label}</span> : null}
        <span className="progress-figures">{levelFigures(level, translate)}</span>
      </>
    ) : (
      <span className="progress-figures">{t('assessments.progress.notAssessed')}</span>
    );
  return (
    <div className="assessment-progress">
      <ChartSvg model={model} className="chart assessment-progress-chart" />
      {/* Five stages do not fit a narrow column: the table scrolls sideways, reachable and named for the keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus to be scrolled by keyboard */}
      <div className="assessment-progress-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="assessment-progress-table">
          <caption id={captionId}>{t('assessments.progress.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessments.progress.domain')}</th>
              {progress.stages.map((stage) => (
                <th scope="col" key={stage}>
                  {t(`assessments.stages.${stage}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {progressRows(progress).map((row) => (
              <tr key={`${row.domain}/${row.rater ?? 'none'}`} data-domain={row.domain} data-rater={row.rater ?? undefined}>
                <th scope="row">
                  {t(`assessments.domains.${row.domain}`)}
                  {row.rater ? <span className="progress-rater">{t(`assessments.raters.${row.rater}`)}</span> : null}
                </th>
                {row.cells.map((level, i) => (
                  <td
                    key={progress.stages[i]}
                    data-stage={progress.stages[i]}
                    data-value={level ? levelPercent(level.level) : undefined}
                  >
                    {cell(level)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '@shared/api';
import { today } from '@shared/days';
import { checkInput } from '../../components/formSubmission';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { QueryFailure, QueryState } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { currentLocale } from '../../i18n';
import { cohortListQuery } from '../programme/queries';
import { reportQuery, type ReportChannel, type ReportInput } from './queries';
import { yearPeriod, type Period } from './reportText';

/** What the form asked for; the language is the interface's at the time the report is shown. */
type Asked = Omit<ReportInput, 'locale'>;

interface ReportPanelProps<C extends ReportChannel> {
  channel: C;
  /** The form's heading, naming the report. */
  title: string;
  /** The report as produced, and what it was asked with (for its exports). */
  children: (report: OutputOf<C>, input: InputOf<C>) => ReactNode;
}

/**
 * A report's form and the report: a period (typed, or a quick choice of this or last year) and optionally one group;
 * the button asks the main side, and the report is shown under the form until another is asked for. One form for
 * every report, so that each reads its period alike.
 */
export function ReportPanel<C extends ReportChannel>({ channel, title, children }: ReportPanelProps<C>) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cohortId, setCohortId] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);
  const [asked, setAsked] = useState<Asked | null>(null);
  const cohorts = useQuery(cohortListQuery());
  const input: ReportInput | null = asked ? { ...asked, locale: currentLocale() } : null;
  // Every report channel takes the same period input (shared/reports.ts, reportPeriodInput).
  const report = useQuery({
    ...reportQuery(channel, (input ?? { from: '', to: '', locale: currentLocale() }) as InputOf<C>),
    enabled: input !== null,
  });

  const day = today();
  const quick = [yearPeriod(day, 0), yearPeriod(day, 1)] as const;
  const choose = (period: Period) => {
    setFrom(period.from);
    setTo(period.to);
    setErrors({});
  };

  function produce(event: FormEvent) {
    event.preventDefault();
    if (report.isFetching) return;
    const wanted: Asked = { from, to, ...(cohortId ? { cohortId } : {}) };
    const checked = checkInput(channel, { ...wanted, locale: currentLocale() });
    if (!checked.ok) {
      setErrors(checked.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    if (asked && JSON.stringify(asked) === JSON.stringify(wanted)) void report.refetch();
    else setAsked(wanted);
  }

  return (
    <>
      <form ref={formRef} className="card report-form" onSubmit={produce} noValidate aria-labelledby={headingId}>
        <h2 id={headingId}>{title}</h2>
        <p className="field-hint">{t('reports.screen.form.lead')}</p>
        <div className="report-form-fields">
          <DateField
            label={t('reports.screen.form.from')}
            value={from}
            required
            error={errors.from}
            onChange={edit('from', setFrom)}
          />
          <DateField label={t('reports.screen.form.to')} value={to} required error={errors.to} onChange={edit('to', setTo)} />
          <SelectField
            label={t('reports.screen.form.cohort')}
            value={cohortId}
            onChange={(event) => setCohortId(event.target.value)}
            options={[
              { value: '', label: t('reports.screen.form.allCohorts') },
              ...(cohorts.data ?? []).map((cohort) => ({ value: cohort.id, label: cohort.name })),
            ]}
          />
        </div>
        <QueryFailure query={cohorts} />
        <div className="report-quick" role="group" aria-label={t('reports.screen.form.quick')}>
          <span className="report-quick-label" aria-hidden="true">
            {t('reports.screen.form.quick')}
          </span>
          <button type="button" className="button button-secondary" onClick={() => choose(quick[0])}>
            {t('reports.screen.form.thisYear', { year: quick[0].year })}
          </button>
          <button type="button" className="button button-secondary" onClick={() => choose(quick[1])}>
            {t('reports.screen.form.lastYear', { year: quick[1].year })}
          </button>
        </div>
        <FormActions
          submitLabel={t('reports.screen.form.submit')}
          busy={report.isFetching}
          working={t('reports.screen.form.working')}
        />
      </form>
      {/* While the first answer is awaited, the form's status line says so. */}
      {input && (report.data || report.error) ? (
        <div aria-busy={report.isFetching} className="report-result">
          <QueryState query={report}>{(shown) => children(shown as OutputOf<C>, input as InputOf<C>)}</QueryState>
        </div>
      ) : null}
    </>
  );
}

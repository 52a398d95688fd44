import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Assessment, type AssessmentAnswer, type Instrument } from '@shared/assessments';
import { Section } from '../../components/Section';
import { formatDay, formatWhen } from '../../i18n/format';
import { itemsByDomain, offeredItems, type FormItem } from './assessmentForm';
import { useWording } from './wording';

interface AssessmentViewProps {
  assessment: Assessment;
  /** The version it was made with (never the current one): its items and steps are worded as they were asked. */
  instrument: Instrument;
  /** Left out for those who may only read. */
  onEdit?: () => void;
  onClose: () => void;
}

/** A recorded assessment to read: every item of its version by domain, each rater's answer worded by that version. */
export function AssessmentView({ assessment, instrument, onEdit, onClose }: AssessmentViewProps) {
  const { t } = useTranslation();
  const word = useWording();
  const root = useRef<HTMLDivElement>(null);
  const stage = t(`assessments.stages.${assessment.stage}`);

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);

  const answerOf = (item: FormItem, rater: AssessmentAnswer['rater']) =>
    assessment.answers.find((a) => a.itemId === item.id && a.rater === rater);

  function answerText(item: FormItem, answer: AssessmentAnswer | undefined): string {
    if (!answer) return t('assessments.tab.notAssessed');
    if (item.scale === 'text') return answer.text ?? '';
    const step = instrument.scales[item.scale].find((s) => s.score === answer.score);
    return step ? word(step.label) : String(answer.score);
  }

  return (
    <Section title={`${stage} · ${formatDay(assessment.date)}`} className="assessment-view">
      <div ref={root} className="assessment-view-tools">
        <p className="field-hint">
          {t('assessments.tab.savedBy', {
            name: assessment.updatedByName ?? t('assessments.tab.unknownAuthor'),
            when: formatWhen(assessment.updatedAt),
          })}{' '}
          · {t('assessments.tab.version', { version: assessment.version })}
        </p>
        <div className="actions">
          {onEdit ? (
            <button type="button" className="button button-primary" data-focus-key="edit" onClick={onEdit}>
              {t('assessments.tab.edit')}
            </button>
          ) : null}
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('assessments.tab.close')}
          </button>
        </div>
      </div>
      {itemsByDomain(offeredItems(instrument, assessment)).map(({ domain, items }) => (
        <section key={domain} className="assessment-view-domain">
          <h3>{t(`assessments.domains.${domain}`)}</h3>
          <dl>
            {items.map((item) => (
              <div key={item.id} className="assessment-view-item">
                <dt>{word(item.wording)}</dt>
                {item.raters.map((rater) => {
                  const answer = answerOf(item, rater);
                  return (
                    <dd key={rater} className={answer ? undefined : 'detail-empty'}>
                      {item.raters.length > 1 ? (
                        <span className="assessment-view-rater">{t(`assessments.raters.${rater}`)}: </span>
                      ) : null}
                      <span className="assessment-view-answer">{answerText(item, answer)}</span>
                      {answer?.withInterpreter ? <span> · {t('assessments.tab.withInterpreter')}</span> : null}
                      {answer?.language ? <span> · {t('assessments.tab.language', { language: answer.language })}</span> : null}
                      {answer?.note ? (
                        <span className="assessment-view-note">{t('assessments.tab.note', { note: answer.note })}</span>
                      ) : null}
                    </dd>
                  );
                })}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Section>
  );
}

import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/users';
import type { FieldMessage } from '../../api/validate';
import { DateField } from '../../components/DateField';
import { FieldFrame } from '../../components/FieldFrame';
import { SelectField } from '../../components/SelectField';
import { actionChoices } from './actions';
import { endOfLocalDay, startOfLocalDay } from './dates';
import { ParticipantPicker, type ChosenParticipant } from './ParticipantPicker';
import { OUTCOMES, type AuditQuery, type Outcome } from './query';

interface Draft {
  userId: string;
  participant: ChosenParticipant | null;
  action: string;
  outcome: Outcome | '';
  fromDay: string;
  toDay: string;
}

const EMPTY: Draft = { userId: '', participant: null, action: '', outcome: '', fromDay: '', toDay: '' };

/** The query a filled-in form asks for, or the message for the "to" date when the range runs backwards. */
function queryOf(draft: Draft): { query: AuditQuery } | { toError: FieldMessage } {
  const from = startOfLocalDay(draft.fromDay);
  const to = endOfLocalDay(draft.toDay);
  if (from && to && to < from) return { toError: { key: 'audit.filters.toBeforeFrom' } };
  const query: AuditQuery = {};
  if (draft.userId) query.userId = draft.userId;
  if (draft.participant) query.participantId = draft.participant.id;
  if (draft.action) query.action = draft.action;
  if (draft.outcome) query.outcome = draft.outcome;
  if (from) query.from = from;
  if (to) query.to = to;
  return { query };
}

interface AuditFiltersProps {
  staff: readonly UserSummary[];
  onApply: (query: AuditQuery) => void;
}

/** Which entries to show: by staff member, participant, action, outcome and date range; applied on submit. */
export function AuditFilters({ staff, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [toError, setToError] = useState<FieldMessage | undefined>(undefined);
  // Clearing starts the participant search afresh too, half-typed text included.
  const [clearings, setClearings] = useState(0);
  const toField = useRef<HTMLInputElement>(null);
  const change = (part: Partial<Draft>) => setDraft((current) => ({ ...current, ...part }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = queryOf(draft);
    if ('toError' in result) {
      setToError(result.toError);
      toField.current?.focus();
      return;
    }
    setToError(undefined);
    onApply(result.query);
  }

  function clear() {
    setDraft(EMPTY);
    setToError(undefined);
    setClearings((n) => n + 1);
    onApply({});
  }

  const staffOptions = [
    { value: '', label: t('audit.filters.anyUser') },
    ...staff.map((user) => ({
      value: user.id,
      label: user.active ? user.displayName : t('audit.filters.endedUser', { name: user.displayName }),
    })),
  ];

  return (
    <form className="audit-filters" aria-labelledby={headingId} noValidate onSubmit={submit}>
      <h2 id={headingId}>{t('audit.filters.title')}</h2>
      <div className="audit-filter-fields">
        <div className="audit-filter-user">
          <SelectField
            label={t('audit.filters.user')}
            options={staffOptions}
            value={draft.userId}
            onChange={(event) => change({ userId: event.target.value })}
          />
        </div>
        <div className="audit-filter-action">
          <FieldFrame label={t('audit.filters.action')}>
            {(wiring) => (
              <select
                {...wiring}
                className="input select"
                value={draft.action}
                onChange={(event) => change({ action: event.target.value })}
              >
                <option value="">{t('audit.filters.anyAction')}</option>
                {actionChoices(t).map((group) => (
                  <optgroup key={group.group} label={group.label}>
                    {group.actions.map((action) => (
                      <option key={action.value} value={action.value}>
                        {action.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </FieldFrame>
        </div>
        <div className="audit-filter-outcome">
          <SelectField
            label={t('audit.filters.outcome')}
            options={[
              { value: '', label: t('audit.filters.anyOutcome') },
              ...OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) })),
            ]}
            value={draft.outcome}
            onChange={(event) => change({ outcome: OUTCOMES.find((o) => o === event.target.value) ?? '' })}
          />
        </div>
        <div className="audit-filter-participant">
          <ParticipantPicker key={clearings} chosen={draft.participant} onChoose={(participant) => change({ participant })} />
        </div>
        <DateField
          label={t('audit.filters.from')}
          hint={t('audit.filters.dateHint')}
          className="input-date"
          value={draft.fromDay}
          onChange={(value) => change({ fromDay: value })}
        />
        <DateField
          ref={toField}
          label={t('audit.filters.to')}
          hint={t('audit.filters.dateHint')}
          className="input-date"
          error={toError}
          value={draft.toDay}
          onChange={(value) => {
            setToError(undefined);
            change({ toDay: value });
          }}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary">
          {t('audit.filters.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={clear}>
          {t('audit.filters.clear')}
        </button>
      </div>
    </form>
  );
}

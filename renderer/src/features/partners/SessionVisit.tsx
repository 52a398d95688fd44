import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PartnerSummary } from '@shared/partners';
import type { Session } from '@shared/sessions';
import type { VisitKind, Visit } from '@shared/visits';
import { ConfirmBox } from '../../components/ConfirmBox';
import { StatusMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { QueryFailure, QueryState } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useChannelAction } from '../../components/useChannelAction';
import { useChannelForm } from '../../components/useChannelForm';
import { formatDay } from '../../i18n/format';
import { visitKindOptions } from './labels';
import { useCan } from '../../shell/session';
import { VISIT_CHANGES } from './mutations';
import { partnerListQuery, cohortVisitsQuery } from './queries';
import './partners.css';

export interface SessionVisitProps {
  /** The session the visit was made in (a company or school visit). */
  session: Session;
  /** Called after the visit is saved or removed (which refreshes what it changed), to say so. */
  onChanged: () => void;
}

type Mode = 'view' | 'form' | 'remove';

/**
 * The visit record of a company or school visit session: which partner, what kind of visit, what the group learned
 * and the follow-ups. For the group, never about one participant; the form says so. Read-only without
 * `programme.write`.
 */
export function SessionVisit({ session, onChanged }: SessionVisitProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  // After a save the visit is read again; focus goes back to the button once that answer is shown.
  const focusAfterLoad = useRef(false);
  const canWrite = useCan('programme.write');
  const visits = useQuery(cohortVisitsQuery(session.cohortId));
  const partnerList = useQuery(partnerListQuery());
  const partners = partnerList.data ?? [];
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const removal = useChannelAction({ invalidates: VISIT_CHANGES });

  // Focus, not fetching: the button the change came from is drawn again once the refreshed visits are in.
  useEffect(() => {
    if (!focusAfterLoad.current) return;
    focusAfterLoad.current = false;
    requestAnimationFrame(() => opener.current?.focus());
  }, [visits.dataUpdatedAt]);

  function back(message: string | null) {
    setMode('view');
    if (message) {
      setNotice(message);
      focusAfterLoad.current = true;
      onChanged();
    }
    requestAnimationFrame(() => opener.current?.focus());
  }

  const day = formatDay(session.date);

  return (
    <section className="partners-visit" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('partners.visit.title')}</h4>
      <StatusMessage tone="success">{notice}</StatusMessage>
      <QueryFailure query={partnerList} />
      <QueryState query={visits} loading={t('partners.visit.loading')}>
        {(list) => {
          const visit = list.find((v) => v.sessionId === session.id) ?? null;
          return mode === 'form' ? (
            <VisitForm
              session={session}
              day={day}
              visit={visit}
              partners={partners}
              onSaved={() => back(t('partners.visit.saved'))}
              onCancel={() => back(null)}
            />
          ) : (
            <>
              {visit ? <VisitSummary visit={visit} /> : <p className="detail-empty">{t('partners.visit.none')}</p>}
              {!canWrite ? <p className="field-hint">{t('partners.visit.readOnly')}</p> : null}
              {canWrite && mode === 'view' ? (
                <div className="actions">
                  <button
                    ref={opener}
                    type="button"
                    className="button button-small button-secondary"
                    onClick={() => {
                      setNotice(null);
                      setMode('form');
                    }}
                  >
                    {visit ? t('partners.visit.edit') : t('partners.visit.record')}
                  </button>
                  {visit ? (
                    <button
                      type="button"
                      className="button button-small button-danger-quiet"
                      onClick={() => {
                        setNotice(null);
                        removal.setFailure(null);
                        setMode('remove');
                      }}
                    >
                      {t('partners.visit.remove')}
                    </button>
                  ) : null}
                </div>
              ) : null}
              {mode === 'remove' && visit ? (
                <ConfirmBox
                  question={t('partners.visit.removeQuestion')}
                  explanation={t('partners.visit.removeExplanation')}
                  confirmLabel={t('partners.visit.remove')}
                  destructive
                  busy={removal.busy}
                  failure={removal.failure}
                  onConfirm={() => void removal.run('visits.remove', { id: visit.id }, () => back(t('partners.visit.removed')))}
                  onCancel={() => back(null)}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function VisitSummary({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  return (
    <dl className="partners-visit-summary">
      <dt>{t('partners.visit.partner')}</dt>
      <dd>{visit.partnerName}</dd>
      <dt>{t('partners.visit.kind')}</dt>
      <dd>{t(`partners.kinds.${visit.kind}`)}</dd>
      <dt>{t('partners.visit.learned')}</dt>
      <dd className="partners-text">{visit.learned ?? '–'}</dd>
      <dt>{t('partners.visit.followUps')}</dt>
      <dd className="partners-text">{visit.followUps ?? '–'}</dd>
    </dl>
  );
}

interface VisitFormProps {
  session: Session;
  day: string;
  visit: Visit | null;
  partners: readonly PartnerSummary[];
  onSaved: () => void;
  onCancel: () => void;
}

function VisitForm({ session, day, visit, partners, onSaved, onCancel }: VisitFormProps) {
  const { t } = useTranslation();
  const first = useRef<HTMLSelectElement>(null);
  const [partnerId, setPartnerId] = useState(visit?.partnerId ?? session.partnerId ?? '');
  const [kind, setKind] = useState<VisitKind>(visit?.kind ?? (session.topic === 'schoolVisit' ? 'school' : 'company'));
  const [learned, setLearned] = useState(visit?.learned ?? '');
  const [followUps, setFollowUps] = useState(visit?.followUps ?? '');
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel, invalidates: VISIT_CHANGES });

  useEffect(() => {
    first.current?.focus();
  }, []);

  // Active partners to choose from, and the one already chosen even if it is no longer active.
  const choices = partners.filter((p) => p.active || p.id === partnerId);
  const options = [
    { value: '', label: t('partners.visit.choosePartner') },
    ...choices.map((p) => ({ value: p.id, label: p.active ? p.name : t('partners.visit.inactive', { name: p.name }) })),
  ];

  const submit = (event: FormEvent) =>
    send(
      event,
      'visits.save',
      { sessionId: session.id, partnerId: partnerId === '' ? undefined : partnerId, kind, learned, followUps },
      onSaved,
    );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="partners-form">
      <h5>{t('partners.visit.formTitle', { day })}</h5>
      <SelectField
        ref={first}
        label={t('partners.visit.partner')}
        hint={choices.length === 0 ? t('partners.visit.noPartners') : undefined}
        options={options}
        value={partnerId}
        error={errors.partnerId}
        onChange={(e) => edit('partnerId', setPartnerId)(e.target.value)}
      />
      <SelectField
        label={t('partners.visit.kind')}
        options={visitKindOptions()}
        value={kind}
        error={errors.kind}
        onChange={(e) => edit('kind', setKind)(e.target.value as VisitKind)}
      />
      <TextAreaField
        label={t('partners.visit.learned')}
        hint={t('partners.visit.privacy')}
        value={learned}
        rows={4}
        error={errors.learned}
        onChange={(e) => edit('learned', setLearned)(e.target.value)}
      />
      <TextAreaField
        label={t('partners.visit.followUps')}
        hint={t('partners.visit.followUpsHint')}
        value={followUps}
        rows={3}
        error={errors.followUps}
        onChange={(e) => edit('followUps', setFollowUps)(e.target.value)}
      />
      <FormActions submitLabel={t('partners.visit.save')} busy={busy} failure={failure} onCancel={onCancel} />
    </form>
  );
}

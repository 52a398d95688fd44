import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Partner } from '@shared/partners';
import {
  MESSAGE_MAX,
  REASON_MAX,
  SERVICE_TYPES,
  SHARED_FIELDS,
  SUMMARY_MAX,
  URGENCIES,
  type Referral,
  type SharedField,
} from '@shared/referrals';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { DateField } from '../../components/DateField';
import { StatusMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { QueryFailure } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useChannelForm } from '../../components/useChannelForm';
import { useCan } from '../../shell/session';
import { ConsentAwareError } from '../consents/ConsentAwareError';
import { FormProblem } from '../consents/FormProblem';
import { PartnerForm } from '../partners/PartnerForm';
import { partnerListQuery, partnerQuery } from '../partners/queries';
import { REFERRAL_CHANGES } from './mutations';
import { draftErrors, draftInput, emptyDraft, formFromReferral, partnerChoices, type DraftFormState } from './referralForm';

interface ReferralFormProps {
  participantId: string;
  /** The draft being edited; null for a new one. */
  referral: Referral | null;
  onSaved: (referral: Referral) => void;
  onClose: () => void;
}

const FIELDS = ['partnerId', 'contactId', 'serviceType', 'urgency', 'reason', 'message', 'sharedFields', 'summary', 'followUpOn'];

/**
 * A new referral's draft or an edit of one: the partner from the register (or one added there on the spot), its
 * contact person, the service, urgency, the internal reason, the message to the receiver, what is shared field by
 * field (the summary only when chosen) and the follow-up date. Nothing leaves until the referral is marked sent.
 */
export function ReferralForm({ participantId, referral, onSaved, onClose }: ReferralFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const first = useRef<HTMLSelectElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const mayAddPartner = useCan('programme.write');
  const [state, setState] = useState<DraftFormState>(() => (referral ? formFromReferral(referral) : emptyDraft()));
  const [addingPartner, setAddingPartner] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const partners = useQuery(partnerListQuery());
  const partner = useQuery({ ...partnerQuery(state.partnerId), enabled: state.partnerId !== '' });
  const {
    formRef,
    errors: found,
    edit,
    failure,
    busy,
    submit: send,
  } = useChannelForm({
    onCancel: onClose,
    invalidates: REFERRAL_CHANGES,
  });
  const errors = draftErrors(found);

  useEffect(() => {
    if (!addingPartner) first.current?.focus();
  }, [addingPartner]);

  const set =
    <K extends keyof DraftFormState>(field: K) =>
    (value: DraftFormState[K]) =>
      edit(field, (v: DraftFormState[K]) => setState((s) => ({ ...s, [field]: v })))(value);

  function chooseShared(field: SharedField, on: boolean) {
    set('sharedFields')(
      on
        ? SHARED_FIELDS.filter((f) => f === field || state.sharedFields.includes(f))
        : state.sharedFields.filter((f) => f !== field),
    );
  }

  function partnerAdded(saved: Partner) {
    setState((s) => ({ ...s, partnerId: saved.id, contactId: '' }));
    setAdded(t('referrals.form.partnerAdded', { name: saved.name }));
    setAddingPartner(false);
  }

  function submit(event: FormEvent) {
    const fields = draftInput(state);
    const ownRules =
      fields.sharedFields?.includes('summary') && state.summary.trim() === ''
        ? { summary: { key: 'referrals.errors.summaryRequired' } }
        : {};
    const done = (value: { referral: Referral }) => onSaved(value.referral);
    return referral
      ? send(event, 'referrals.update', { id: referral.id, ...fields }, done, { ownRules })
      : send(event, 'referrals.create', { participantId, ...fields }, done, { ownRules });
  }

  const title = referral ? t('referrals.form.editTitle', { partner: referral.partnerName }) : t('referrals.form.newTitle');

  if (addingPartner)
    return (
      <section className="card referral-form" aria-label={title}>
        <PartnerForm
          onSaved={partnerAdded}
          onCancel={() => {
            setAddingPartner(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      </section>
    );

  const choices = partnerChoices(partners.data ?? [], state.partnerId);
  const contacts = partner.data?.id === state.partnerId ? partner.data.contactList : [];
  return (
    <section className="card referral-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
        <StatusMessage tone="success">{added}</StatusMessage>
        <div className="referral-form-row">
          <SelectField
            ref={first}
            label={t('referrals.form.partner')}
            hint={choices.length === 0 && partners.data ? t('referrals.form.noPartners') : undefined}
            options={[
              { value: '', label: t('referrals.form.choosePartner') },
              ...choices.map((p) => ({ value: p.id, label: p.active ? p.name : t('referrals.form.inactive', { name: p.name }) })),
            ]}
            value={state.partnerId}
            error={errors.partnerId}
            onChange={(e) => {
              set('partnerId')(e.target.value);
              setState((s) => ({ ...s, contactId: '' }));
            }}
          />
          <SelectField
            label={t('referrals.form.contact')}
            options={[
              { value: '', label: t('referrals.form.noContact') },
              ...contacts.map((c) => ({ value: c.id, label: c.role ? `${c.name}, ${c.role}` : c.name })),
            ]}
            value={state.contactId}
            error={errors.contactId}
            disabled={state.partnerId === ''}
            onChange={(e) => set('contactId')(e.target.value)}
          />
        </div>
        {mayAddPartner ? (
          <div className="actions referral-add-partner">
            <button
              ref={addButton}
              type="button"
              className="button button-small button-secondary"
              onClick={() => {
                setAdded(null);
                setAddingPartner(true);
              }}
            >
              {t('referrals.form.addPartner')}
            </button>
          </div>
        ) : null}
        <QueryFailure query={partners} />
        <div className="referral-form-row">
          <SelectField
            label={t('referrals.form.service')}
            options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`referrals.serviceTypes.${s}`) }))}
            value={state.serviceType}
            error={errors.serviceType}
            onChange={(e) => set('serviceType')(e.target.value as DraftFormState['serviceType'])}
          />
          <SelectField
            label={t('referrals.form.urgency')}
            options={URGENCIES.map((u) => ({ value: u, label: t(`referrals.urgencies.${u}`) }))}
            value={state.urgency}
            error={errors.urgency}
            onChange={(e) => set('urgency')(e.target.value as DraftFormState['urgency'])}
          />
        </div>
        <TextAreaField
          label={t('referrals.form.reason')}
          hint={t('referrals.form.reasonHint')}
          rows={4}
          maxLength={REASON_MAX}
          spellCheck
          value={state.reason}
          error={errors.reason}
          onChange={(e) => set('reason')(e.target.value)}
        />
        <TextAreaField
          label={t('referrals.form.message')}
          hint={t('referrals.form.messageHint')}
          rows={4}
          maxLength={MESSAGE_MAX}
          spellCheck
          value={state.message}
          error={errors.message}
          onChange={(e) => set('message')(e.target.value)}
        />
        <CheckboxGroupField
          className="referral-shared-fields"
          gridClassName="referral-shared-grid"
          legend={t('referrals.form.shared')}
          hint={t('referrals.form.sharedHint')}
          options={SHARED_FIELDS.map((field) => ({ value: field, label: t(`referrals.sharedFields.${field}`) }))}
          selected={state.sharedFields}
          onToggle={chooseShared}
          error={errors.sharedFields}
        />
        {state.sharedFields.includes('summary') ? (
          <TextAreaField
            label={t('referrals.form.summary')}
            hint={t('referrals.form.summaryHint')}
            rows={4}
            maxLength={SUMMARY_MAX}
            spellCheck
            value={state.summary}
            error={errors.summary}
            onChange={(e) => set('summary')(e.target.value)}
          />
        ) : null}
        <div className="referral-date">
          <DateField
            label={t('referrals.form.followUp')}
            hint={t('referrals.form.followUpHint')}
            value={state.followUpOn}
            error={errors.followUpOn}
            onChange={set('followUpOn')}
          />
        </div>
        {failure?.code === 'consent_required' ? (
          <ConsentAwareError failure={failure} participantId={participantId} />
        ) : (
          <FormProblem failure={failure} fields={FIELDS} />
        )}
        <FormActions submitLabel={t('referrals.form.save')} busy={busy} working={t('referrals.form.saving')} onCancel={onClose} />
      </form>
    </section>
  );
}

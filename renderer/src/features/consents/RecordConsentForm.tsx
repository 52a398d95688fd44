import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, type ConsentMethod, type ConsentPurpose, type ConsentRegister } from '@shared/consents';
import { StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useChannelForm } from '../../components/useChannelForm';
import { today } from '@shared/days';
import { FormProblem } from './FormProblem';

interface RecordConsentFormProps {
  participantId: string;
  purpose: ConsentPurpose;
  onSaved: (register: ConsentRegister) => void;
  onCancel: () => void;
}

const FIELDS = ['givenOn', 'method', 'partnerName', 'withholdFrom', 'withholdReason'];
const isMethod = (value: string): value is ConsentMethod => (CONSENT_METHODS as readonly string[]).includes(value);

/** A consent for one purpose: the day (today unless changed), how it was given, the partner for sharing. */
export function RecordConsentForm({ participantId, purpose, onSaved, onCancel }: RecordConsentFormProps) {
  const { t } = useTranslation();
  const first = useRef<HTMLInputElement>(null);
  const sharing = purpose === 'partner_sharing';
  const [givenOn, setGivenOn] = useState(today);
  const [method, setMethod] = useState<ConsentMethod>('signed');
  const [partnerName, setPartnerName] = useState('');
  const [withholdFrom, setWithholdFrom] = useState('');
  const [withholdReason, setWithholdReason] = useState('');
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel });

  useEffect(() => {
    first.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    const common = { participantId, givenOn, method, withholdFrom, withholdReason };
    const input = sharing ? { ...common, purpose, partnerName } : { ...common, purpose };
    // The main side checks the day against its own clock too; this only spares a round trip.
    const ownRules = givenOn > today() ? { givenOn: { key: 'consents.problems.future' } } : {};
    return send(event, 'consents.record', input, (value) => onSaved(value.register), { ownRules });
  }

  const purposeName = t(`consents.purposes.${purpose}`);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="consent-form">
      <h3>{t('consents.record.title', { purpose: purposeName })}</h3>
      {sharing ? (
        <Field
          ref={first}
          label={t('consents.record.partnerName')}
          hint={t('consents.record.partnerHint')}
          value={partnerName}
          onChange={(event) => edit('partnerName', setPartnerName)(event.target.value)}
          error={errors.partnerName}
        />
      ) : null}
      <DateField
        ref={sharing ? undefined : first}
        className="input-date"
        label={t('consents.record.givenOn')}
        value={givenOn}
        years="past"
        onChange={(value) => edit('givenOn', setGivenOn)(value)}
        error={errors.givenOn}
      />
      <SelectField
        label={t('consents.record.method')}
        options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consents.methods.${m}`) }))}
        value={method}
        onChange={(event) => {
          if (isMethod(event.target.value)) edit('method', setMethod)(event.target.value);
        }}
        error={errors.method}
      />
      <Field
        label={t('consents.record.withholdFrom')}
        hint={t('consents.record.withholdFromHint')}
        value={withholdFrom}
        onChange={(event) => edit('withholdFrom', setWithholdFrom)(event.target.value)}
        error={errors.withholdFrom}
      />
      <TextAreaField
        label={t('consents.record.withholdReason')}
        rows={3}
        value={withholdReason}
        onChange={(event) => edit('withholdReason', setWithholdReason)(event.target.value)}
        error={errors.withholdReason}
      />
      <FormProblem failure={failure} fields={FIELDS} />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('consents.record.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentOverride, ConsentPurpose, ConsentRegister } from '@shared/consents';
import { ConfirmBox } from '../../components/ConfirmBox';
import { StatusMessage } from '../../components/ErrorMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { useChannelAction } from '../../components/useChannelAction';
import { useChannelForm } from '../../components/useChannelForm';
import { FormProblem } from './FormProblem';

interface OverrideFormProps {
  participantId: string;
  purpose: ConsentPurpose;
  onGranted: (register: ConsentRegister) => void;
  onCancel: () => void;
  /** The form's heading level where it stands: 3 in the consents tab, 4 beside a referral's move form. */
  headingLevel?: 3 | 4;
}

/** The coordinator allows work without the purpose's consent; the reason is required and shown to colleagues. */
export function OverrideForm({ participantId, purpose, onGranted, onCancel, headingLevel = 3 }: OverrideFormProps) {
  const { t } = useTranslation();
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel });

  useEffect(() => {
    reasonInput.current?.focus();
  }, []);

  const submit = (event: FormEvent) =>
    send(event, 'consents.override', { participantId, purpose, reason }, (value) => onGranted(value.register));

  const purposeName = t(`consents.purposes.${purpose}`);
  const Heading = headingLevel === 4 ? 'h4' : 'h3';
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="consent-form">
      <Heading>{t('consents.override.title', { purpose: purposeName })}</Heading>
      <p>{t('consents.override.intro')}</p>
      <TextAreaField
        ref={reasonInput}
        label={t('consents.override.reason')}
        hint={t('consents.override.reasonHint')}
        rows={3}
        value={reason}
        onChange={(event) => edit('reason', setReason)(event.target.value)}
        error={errors.reason}
      />
      <FormProblem failure={failure} fields={['reason']} />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('consents.override.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

interface RevokeOverrideProps {
  override: ConsentOverride;
  onRevoked: (register: ConsentRegister) => void;
  onCancel: () => void;
}

/** The second step of ending the coordinator's permission: the work is blocked again until a consent is recorded. */
export function RevokeOverride({ override, onRevoked, onCancel }: RevokeOverrideProps) {
  const { t } = useTranslation();
  const { busy, failure, run } = useChannelAction();
  const confirm = () => run('consents.revokeOverride', { id: override.id }, (value) => onRevoked(value.register));

  const purpose = t(`consents.purposes.${override.purpose}`);
  return (
    <>
      <ConfirmBox
        question={t('consents.revoke.question', { purpose })}
        explanation={t('consents.revoke.explanation')}
        confirmLabel={t('consents.revoke.confirm')}
        destructive
        busy={busy}
        failure={failure?.code === 'invalid_input' ? null : failure}
        onConfirm={() => void confirm()}
        onCancel={onCancel}
      />
      {failure?.code === 'invalid_input' ? <FormProblem failure={failure} fields={[]} /> : null}
    </>
  );
}

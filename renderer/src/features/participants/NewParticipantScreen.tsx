import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, isEmpty, validateInput } from '../../api/validate';
import { FormActions } from '../../components/FormActions';
import { Screen } from '../../components/Screen';
import { SelectField } from '../../components/SelectField';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { DuplicateWarning } from './DuplicateWarning';
import { ParticipantFields } from './ParticipantFields';
import { emptyForm, explainErrors, fieldValues, formProblems, type ParticipantForm } from './participantForm';
import { participantLabels } from './participantLabels';
import { useSession } from '../../shell/session';
import { useCaseworkerOptions } from './useCaseworkerOptions';
import { useParticipantForm } from './useParticipantForm';

const START_STATUSES = ['referred', 'active'] as const;
type StartStatus = (typeof START_STATUSES)[number];
/** The fields the main side compares to find files that may be the same person. */
const DUPLICATE_KEYS: readonly (keyof ParticipantForm)[] = ['firstName', 'lastName', 'ageKnown', 'birthYear', 'phone'];
const isStartStatus = (value: string): value is StartStatus => (START_STATUSES as readonly string[]).includes(value);

interface NewParticipantScreenProps {
  onCreated: (participantId: string) => void;
  onCancel: () => void;
  /** Opens another participant's file (a possible duplicate). */
  onOpen: (participantId: string) => void;
}

/**
 * A new participant's file: the intake form, checked on this side with the channel's own rules. When the main
 * side finds files that may be the same person, their codes are shown to open, or the person confirms that
 * this is someone else.
 */
export function NewParticipantScreen({ onCreated, onCancel, onOpen }: NewParticipantScreenProps) {
  const { t } = useTranslation();
  const session = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, setField, errors, setErrors } = useParticipantForm(() =>
    emptyForm(session.role === 'caseworker' ? session.userId : ''),
  );
  const [startStatus, setStartStatus] = useState<StartStatus>('referred');
  const caseworkers = useCaseworkerOptions(null);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [duplicates, setDuplicates] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const label = participantLabels(t);
  useFocusFirstInvalid(formRef, attempt);

  const change: typeof setField = (key, value) => {
    // The warning is about what was sent: a different name, year or phone needs a new check.
    if (DUPLICATE_KEYS.includes(key)) setDuplicates(null);
    setField(key, value);
  };

  async function create(confirmDuplicate: boolean) {
    if (busy) return;
    setFailure(null);
    const now = new Date();
    const validated = validateInput('participants.create', {
      ...fieldValues(form),
      status: startStatus,
      ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
    });
    const problems = { ...(validated.ok ? {} : explainErrors(validated.errors, now)), ...formProblems(form, now) };
    setErrors(problems);
    if (!validated.ok || !isEmpty(problems)) {
      setDuplicates(null);
      return setAttempt((n) => n + 1);
    }
    setBusy(true);
    const result = await invoke('participants.create', validated.data);
    setBusy(false);
    if (result.ok) return onCreated(result.value.participant.id);
    if (result.code === 'possible_duplicate') return setDuplicates(result.details?.matches ?? []);
    setDuplicates(null);
    setFailure(result);
    if (result.code === 'invalid_input') {
      setErrors(explainErrors(fieldErrorsFromIssues(result.details?.issues), now));
      setAttempt((n) => n + 1);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void create(false);
  }

  return (
    <Screen name="participant-new" title={t('participant.new.title')} className="participant-form-screen">
      <p className="lead">{t('participant.new.intro')}</p>
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
        <ParticipantFields
          form={form}
          onChange={change}
          errors={errors}
          caseworkers={caseworkers}
          extra={
            <SelectField
              label={t('participant.fields.startStatus')}
              hint={t('participant.fields.startStatusHint')}
              options={START_STATUSES.map((status) => ({ value: status, label: label.status(status) }))}
              value={startStatus}
              onChange={(event) => {
                if (isStartStatus(event.target.value)) setStartStatus(event.target.value);
              }}
            />
          }
        />
        {duplicates ? (
          <DuplicateWarning matches={duplicates} busy={busy} onOpen={onOpen} onCreateAnyway={() => void create(true)} />
        ) : null}
        <FormActions
          submitLabel={t('participant.new.submit')}
          busy={busy}
          working={t('participant.new.working')}
          failure={failure}
          onCancel={onCancel}
          withoutSubmit={duplicates !== null}
          className="form-actions"
        />
      </form>
    </Screen>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  FOLLOW_UP_TASK_MAX,
  NOTE_TAGS_TEXT_MAX,
  NOTE_TEXT_MAX,
  NOTE_TOPICS,
  NOTE_TYPES,
  type Note,
  type NoteTopic,
} from '@shared/notes';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, validateInput, type FieldErrors } from '../../api/validate';
import { CheckboxField } from '../../components/CheckboxField';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ConfirmBox } from '../../components/ConfirmBox';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { QueryFailure } from '../../components/QueryState';
import { DateField } from '../../components/DateField';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { today } from '@shared/days';
import { formatDay, formatWhen } from '../../i18n/format';
import { errorsByField, noteInput, ownerOptions, type NoteFormState } from './noteForm';
import { ConsentAwareError } from '../consents/ConsentAwareError';
import { useDraftAutosave, type DraftStatus } from './useDraftAutosave';
import { useSession } from '../../shell/session';
import { caseworkersQuery } from '../participants/queries';

interface NoteFormProps {
  participantId: string;
  /** The note being edited; absent for a new note. */
  note: Note | null;
  initial: NoteFormState;
  /** The draft the form was restored from, if any: its id and when it was saved. */
  restored: { id: string; at: string } | null;
  onSaved: (note: Note) => void;
  onClose: () => void;
}

/** The draft's state; a failure the save below it already states (a full disk, say) is not said twice. */
function DraftLine({ status, saveFailure }: { status: DraftStatus; saveFailure: string | null }) {
  const { t } = useTranslation();
  if (status.state === 'failed' && status.failure.code !== saveFailure)
    return <ErrorMessage failure={status.failure} instead={{ invalid_input: 'notes.draft.failed' }} />;
  // Shown, not announced: a screen reader would otherwise hear it after every pause in typing.
  const text =
    status.state === 'saving'
      ? t('notes.draft.saving')
      : status.state === 'saved'
        ? t('notes.draft.savedAt', { time: formatWhen(status.at) })
        : null;
  return <p className="note-draft-line">{text ?? '\u00a0'}</p>;
}

/**
 * A new note or an edit of one. What is typed is kept as a draft (autosaved after a pause in typing and when a
 * field loses focus); saving the note removes the draft. Closing keeps the draft unless the writer discards it.
 */
export function NoteForm({ participantId, note, initial, restored, onSaved, onClose }: NoteFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<NoteFormState>(initial);
  const [dirty, setDirty] = useState(restored !== null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const draft = useDraftAutosave(participantId, note?.id ?? null, restored?.id ?? null);
  const shown = errorsByField(errors);
  const session = useSession();
  const staff = useQuery(caseworkersQuery());
  const owners = ownerOptions(
    staff.data ?? [],
    state.followUpOwner,
    {
      [session.userId]: session.displayName,
      ...(note?.followUp?.owner ? { [note.followUp.owner]: note.followUp.ownerName ?? t('notes.list.unknownAuthor') } : {}),
    },
    t('notes.list.unknownAuthor'),
  );
  useFocusFirstInvalid(form, attempt);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  // A field losing focus saves the draft at once (the writer may be about to close the window or walk away).
  const { flush } = draft;
  useEffect(() => {
    const element = form.current;
    if (!element) return undefined;
    const onFocusOut = () => void flush();
    element.addEventListener('focusout', onFocusOut);
    return () => element.removeEventListener('focusout', onFocusOut);
  }, [flush]);

  function update(patch: Partial<NoteFormState>, field?: string) {
    const next = { ...state, ...patch };
    setState(next);
    setDirty(true);
    if (field) setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith(field))));
    draft.changed(next);
  }

  function toggleTopic(topic: NoteTopic, on: boolean) {
    update({ topics: on ? [...state.topics, topic] : state.topics.filter((x) => x !== topic) }, 'topics');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const fields = noteInput(state);
    const validated = note
      ? validateInput('notes.update', { id: note.id, ...fields })
      : validateInput('notes.create', { participantId, ...fields });
    const found: FieldErrors = validated.ok ? {} : { ...validated.errors };
    if (!found.date && state.date > today()) found.date = { key: 'notes.errors.dateInFuture' };
    if (!validated.ok || Object.keys(found).length > 0) {
      setErrors(found);
      return setAttempt((n) => n + 1);
    }
    setBusy(true);
    await draft.stop();
    const result = note
      ? await invoke('notes.update', { id: note.id, ...fields })
      : await invoke('notes.create', { participantId, ...fields });
    setBusy(false);
    if (result.ok) return onSaved(result.value.note);
    setFailure(result);
    if (result.code === 'invalid_input') {
      setErrors(fieldErrorsFromIssues(result.details?.issues));
      setAttempt((n) => n + 1);
    }
    // The note was not saved: what is typed goes on being kept as a draft.
    if (dirty) draft.changed(state);
  }

  function close() {
    if (dirty) return setConfirmDiscard(true);
    onClose();
  }

  async function discard() {
    setBusy(true);
    await draft.discard();
    setBusy(false);
    onClose();
  }

  async function keepAndClose() {
    await draft.flush();
    onClose();
  }

  const title = note ? t('notes.form.editTitle', { date: formatDay(note.date) }) : t('notes.form.newTitle');
  return (
    <Section title={title} className="note-form">
      {restored ? <p className="notice notice-info">{t('notes.form.restored', { when: formatWhen(restored.at) })}</p> : null}
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <TextAreaField
          label={t('notes.form.text')}
          hint={t('notes.form.textHint')}
          rows={10}
          maxLength={NOTE_TEXT_MAX}
          spellCheck
          value={state.text}
          error={shown.text}
          onChange={(e) => update({ text: e.target.value }, 'text')}
        />
        <div className="note-form-row">
          <DateField
            label={t('notes.form.date')}
            hint={t('notes.form.dateHint')}
            years="past"
            value={state.date}
            error={shown.date}
            onChange={(value) => update({ date: value }, 'date')}
          />
          <SelectField
            label={t('notes.form.type')}
            options={NOTE_TYPES.map((type) => ({ value: type, label: t(`notes.types.${type}`) }))}
            value={state.type}
            error={shown.type}
            onChange={(e) => update({ type: e.target.value as NoteFormState['type'] }, 'type')}
          />
        </div>
        <CheckboxGroupField
          className="note-topics"
          gridClassName="note-topic-grid"
          legend={t('notes.form.topics')}
          options={NOTE_TOPICS.map((topic) => ({ value: topic, label: t(`notes.topics.${topic}`) }))}
          selected={state.topics}
          onToggle={toggleTopic}
          error={shown.topics}
        />
        <Field
          label={t('notes.form.tags')}
          hint={t('notes.form.tagsHint')}
          maxLength={NOTE_TAGS_TEXT_MAX}
          value={state.tagsText}
          error={shown.tags}
          onChange={(e) => update({ tagsText: e.target.value }, 'tags')}
        />
        <CheckboxField
          label={t('notes.form.hasFollowUp')}
          checked={state.hasFollowUp}
          onChange={(e) => update({ hasFollowUp: e.target.checked }, 'followUp')}
        />
        {state.hasFollowUp ? (
          <div className="note-follow-up-fields">
            <Field
              label={t('notes.form.followUpTask')}
              maxLength={FOLLOW_UP_TASK_MAX}
              value={state.followUpTask}
              error={shown['followUp.task']}
              onChange={(e) => update({ followUpTask: e.target.value }, 'followUp.task')}
            />
            <div className="note-form-row">
              <DateField
                label={t('notes.form.followUpDue')}
                value={state.followUpDue}
                error={shown['followUp.due']}
                onChange={(value) => update({ followUpDue: value }, 'followUp.due')}
              />
              <SelectField
                label={t('notes.form.followUpOwner')}
                options={owners}
                value={state.followUpOwner}
                error={shown['followUp.owner']}
                onChange={(e) => update({ followUpOwner: e.target.value }, 'followUp.owner')}
              />
              <CheckboxField
                label={t('notes.form.followUpDone')}
                checked={state.followUpDone}
                onChange={(e) => update({ followUpDone: e.target.checked })}
              />
            </div>
            <QueryFailure query={staff} />
          </div>
        ) : null}
        <DraftLine status={draft.status} saveFailure={failure?.code ?? null} />
        <ConsentAwareError failure={failure} participantId={participantId} />
        <StatusMessage>{busy ? t('notes.form.saving') : null}</StatusMessage>
        {confirmDiscard ? (
          <ConfirmBox
            question={t('notes.form.discardQuestion')}
            explanation={t('notes.form.discardExplanation')}
            confirmLabel={t('notes.form.discard')}
            destructive
            busy={busy}
            failure={null}
            onConfirm={() => void discard()}
            onCancel={() => setConfirmDiscard(false)}
          />
        ) : (
          <div className="actions">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
              {t('notes.form.save')}
            </button>
            {dirty ? (
              <button type="button" className="button button-secondary" onClick={() => void keepAndClose()}>
                {t('notes.form.keepDraft')}
              </button>
            ) : null}
            <button type="button" className="button button-secondary" onClick={close}>
              {dirty ? t('notes.form.discard') : t('common.cancel')}
            </button>
          </div>
        )}
      </form>
    </Section>
  );
}

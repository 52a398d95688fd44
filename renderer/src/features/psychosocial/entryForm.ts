/**
 * The meeting form's state and its conversion to channel input: the form holds what is typed (strings), the
 * channels take codes, numbers and nulls. Used to add a meeting and to edit one.
 */
import type { InputOf } from '@shared/api';
import type { FullEntry, PsychosocialKind, RiskLevel } from '@shared/psychosocial';
import { validateInput, type FieldErrors } from '../../api/validate';

export interface EntryForm {
  date: string;
  durationMinutes: string;
  kind: PsychosocialKind;
  /** Empty until the psychologist chooses: the risk is never recorded by default. */
  riskLevel: RiskLevel | '';
  summary: string;
  privateNotes: string;
  appointmentDate: string;
  appointmentTime: string;
}

/** A new meeting: today, an individual meeting of the usual length, nothing else filled in. */
export function emptyForm(today: string): EntryForm {
  return {
    date: today,
    durationMinutes: '60',
    kind: 'individual',
    riskLevel: '',
    summary: '',
    privateNotes: '',
    appointmentDate: '',
    appointmentTime: '',
  };
}

/** The form filled in with an entry, for editing it. */
export function formOf(entry: FullEntry): EntryForm {
  return {
    date: entry.date,
    durationMinutes: String(entry.durationMinutes),
    kind: entry.kind,
    riskLevel: entry.riskLevel,
    summary: entry.summary ?? '',
    privateNotes: entry.privateNotes ?? '',
    appointmentDate: entry.nextAppointment?.date ?? '',
    appointmentTime: entry.nextAppointment?.time ?? '',
  };
}

/** A whole number as typed, or something the schema refuses with the right message (empty: "fill in"). */
function minutes(typed: string): number | undefined {
  const trimmed = typed.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** The entry's fields as the channels take them. */
export function entryFields(form: EntryForm) {
  return {
    date: form.date,
    durationMinutes: minutes(form.durationMinutes),
    kind: form.kind,
    riskLevel: form.riskLevel === '' ? undefined : form.riskLevel,
    summary: form.summary,
    privateNotes: form.privateNotes,
    nextAppointment:
      form.appointmentDate === '' && form.appointmentTime === ''
        ? null
        : { date: form.appointmentDate, time: form.appointmentTime === '' ? null : form.appointmentTime },
  };
}

/** What is sent: a new meeting for a participant, or the edit of an entry. */
export type EntryTarget = { participantId: string } | { id: string };

export type ValidatedEntry =
  | { ok: true; channel: 'psychosocial.create'; input: InputOf<'psychosocial.create'> }
  | { ok: true; channel: 'psychosocial.update'; input: InputOf<'psychosocial.update'> }
  | { ok: false; errors: FieldErrors };

/** Rules the schema cannot check: a chosen risk level, and the dates (checked again with the main side's clock). */
function formProblems(form: EntryForm, today: string, schemaErrors: FieldErrors): FieldErrors {
  const errors: FieldErrors = {};
  if (form.riskLevel === '') errors.riskLevel = { key: 'psychosocial.errors.riskRequired' };
  if (!schemaErrors.date && form.date > today) errors.date = { key: 'psychosocial.errors.dateInFuture' };
  if (form.appointmentDate === '' && form.appointmentTime !== '')
    errors['nextAppointment.date'] = { key: 'psychosocial.errors.timeWithoutDate' };
  else if (!schemaErrors['nextAppointment.date'] && form.appointmentDate !== '' && form.appointmentDate < form.date)
    errors['nextAppointment.date'] = { key: 'psychosocial.errors.appointmentBeforeMeeting' };
  return errors;
}

/** Checks the form with the channel's own schema and the form's own rules; the errors of both, or the input to send. */
export function validateEntry(target: EntryTarget, form: EntryForm, today: string): ValidatedEntry {
  const fields = entryFields(form);
  const validated =
    'participantId' in target
      ? validateInput('psychosocial.create', { ...target, ...fields })
      : validateInput('psychosocial.update', { ...target, ...fields });
  const schemaErrors = validated.ok ? {} : validated.errors;
  const errors = { ...schemaErrors, ...formProblems(form, today, schemaErrors) };
  if (!validated.ok || Object.values(errors).some(Boolean)) return { ok: false, errors };
  return 'participantId' in validated.data
    ? { ok: true, channel: 'psychosocial.create', input: validated.data }
    : { ok: true, channel: 'psychosocial.update', input: validated.data };
}

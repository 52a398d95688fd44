import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_REMINDER_DAYS, type BackupStatus } from '@shared/backup';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useChannelForm } from '../../components/useChannelForm';

/** How many days may pass without a backup before the home page reminds the coordinator (0: never). */
export function ReminderForm({ status, onStatus }: { status: BackupStatus; onStatus: (status: BackupStatus) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(status.reminderDays));
  const [saved, setSaved] = useState(false);
  const { formRef, errors, edit, failure, submit: send } = useChannelForm();

  function submit(event: FormEvent) {
    setSaved(false);
    const days = value.trim() === '' ? Number.NaN : Number(value);
    return send(event, 'backup.setReminder', { days }, (next) => {
      onStatus(next);
      setValue(String(next.reminderDays));
      setSaved(true);
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="backup-reminder-title">
      <h3 id="backup-reminder-title">{t('backup.reminder.title')}</h3>
      <Field
        label={t('backup.reminder.days')}
        hint={t('backup.reminder.hint')}
        type="number"
        inputMode="numeric"
        min={BACKUP_REMINDER_DAYS.min}
        max={BACKUP_REMINDER_DAYS.max}
        step={1}
        className="input-short"
        value={value}
        onChange={(event) => {
          edit('days', setValue)(event.target.value);
          setSaved(false);
        }}
        error={errors.days}
      />
      <ErrorMessage failure={failure} />
      <StatusMessage tone="success">{saved ? t('backup.reminder.saved') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button-secondary">
          {t('backup.reminder.submit')}
        </button>
      </div>
    </form>
  );
}

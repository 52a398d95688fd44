import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { ATTENDANCE_THRESHOLD } from '@shared/programme';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Section } from '../../components/Section';
import { useChannelForm } from '../../components/useChannelForm';

/** The attendance share under which participants are flagged; only the coordinator may change it. */
export function AttendanceSettingsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
  const { formRef, errors, edit, failure, submit: send } = useChannelForm();
  const [done, setDone] = useState(false);

  useEffect(() => {
    let current = true;
    void invoke('settings.get', {}).then((result) => {
      if (!current) return;
      if (!result.ok) return setLoadFailure(result);
      setSaved(result.value.attendanceThreshold);
      setValue(String(result.value.attendanceThreshold));
    });
    return () => {
      current = false;
    };
  }, []);

  function submit(event: FormEvent) {
    setDone(false);
    setLoadFailure(null);
    const attendanceThreshold = value.trim() === '' ? Number.NaN : Number(value);
    return send(event, 'settings.update', { attendanceThreshold }, (settings) => {
      setSaved(settings.attendanceThreshold);
      setValue(String(settings.attendanceThreshold));
      setDone(true);
    });
  }

  return (
    <Section title={t('attendance.settings.title')}>
      <p>{t('attendance.settings.intro')}</p>
      {canEdit ? (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Field
            label={t('attendance.settings.field')}
            hint={t('attendance.settings.hint', { min: ATTENDANCE_THRESHOLD.min, max: ATTENDANCE_THRESHOLD.max })}
            type="number"
            inputMode="numeric"
            min={ATTENDANCE_THRESHOLD.min}
            max={ATTENDANCE_THRESHOLD.max}
            step={1}
            className="input-short"
            value={value}
            onChange={(event) => {
              edit('attendanceThreshold', setValue)(event.target.value);
              setDone(false);
            }}
            error={errors.attendanceThreshold}
          />
          <ErrorMessage failure={failure ?? loadFailure} />
          <StatusMessage tone="success">
            {done && saved !== null ? t('attendance.settings.saved', { value: saved }) : null}
          </StatusMessage>
          <div className="actions">
            <button type="submit" className="button button-primary">
              {t('attendance.settings.submit')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {saved !== null ? <p className="setting-value">{t('attendance.settings.readOnly', { value: saved })}</p> : null}
          <ErrorMessage failure={loadFailure} />
        </>
      )}
    </Section>
  );
}

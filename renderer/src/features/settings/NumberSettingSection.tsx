import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '@shared/settings';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Section } from '../../components/Section';
import { useChannelForm } from '../../components/useChannelForm';

export interface NumberSettingSectionProps {
  /** The setting this section shows and changes. */
  setting: keyof Settings;
  /** Its texts, translated by the caller (so that every key stays a literal the locale tests can check). */
  texts: {
    title: string;
    intro: string;
    field: string;
    hint: string;
    submit: string;
    saved(value: number): string;
    readOnly(value: number): string;
  };
  range: { min: number; max: number };
  /** Only the coordinator may change settings; others see the value. */
  canEdit: boolean;
}

/** One whole-number setting: read, shown, and for those who may, changed with its own form. */
export function NumberSettingSection({ setting, texts, range, canEdit }: NumberSettingSectionProps) {
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
      setSaved(result.value[setting]);
      setValue(String(result.value[setting]));
    });
    return () => {
      current = false;
    };
  }, [setting]);

  function submit(event: FormEvent) {
    setDone(false);
    setLoadFailure(null);
    const typed = value.trim() === '' ? Number.NaN : Number(value);
    return send(event, 'settings.update', { [setting]: typed }, (settings) => {
      setSaved(settings[setting]);
      setValue(String(settings[setting]));
      setDone(true);
    });
  }

  return (
    <Section title={texts.title}>
      <p>{texts.intro}</p>
      {canEdit ? (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Field
            label={texts.field}
            hint={texts.hint}
            type="number"
            inputMode="numeric"
            min={range.min}
            max={range.max}
            step={1}
            className="input-short"
            value={value}
            onChange={(event) => {
              edit(setting, setValue)(event.target.value);
              setDone(false);
            }}
            error={errors[setting]}
          />
          <ErrorMessage failure={failure ?? loadFailure} />
          <StatusMessage tone="success">{done && saved !== null ? texts.saved(saved) : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="button button-primary">
              {texts.submit}
            </button>
          </div>
        </form>
      ) : (
        <>
          {saved !== null ? <p className="setting-value">{texts.readOnly(saved)}</p> : null}
          <ErrorMessage failure={loadFailure} />
        </>
      )}
    </Section>
  );
}

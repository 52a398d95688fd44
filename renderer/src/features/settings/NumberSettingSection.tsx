import { type FormEvent, useState } from 'react';
import type { NumberSetting } from '@shared/settings';
import { useQueryClient, useQuery } from '@tanstack/react-query';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { QueryFailure } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useChannelForm } from '../../components/useChannelForm';
import { SETTINGS_CHANGES } from './mutations';
import { settingsQuery } from './queries';

export interface NumberSettingSectionProps {
  /** The setting this section shows and changes. */
  setting: NumberSetting;
  /** Its texts, translated by the caller (so that every key stays a literal the locale tests can check). */
  texts: {
    title: string;
    intro: string;
    /** A further paragraph under the intro, when the setting needs one. */
    note?: string;
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
  const client = useQueryClient();
  const query = useQuery(settingsQuery());
  const saved = query.data?.[setting] ?? null;
  // What the user typed; until they type, the field shows the saved value.
  const [typed, setTyped] = useState<string | null>(null);
  const value = typed ?? (saved === null ? '' : String(saved));
  const { formRef, errors, edit, failure, submit: send } = useChannelForm({ invalidates: SETTINGS_CHANGES });
  const [done, setDone] = useState(false);

  function submit(event: FormEvent) {
    setDone(false);
    const number = value.trim() === '' ? Number.NaN : Number(value);
    return send(event, 'settings.update', { [setting]: number }, (settings) => {
      client.setQueryData(settingsQuery().queryKey, settings);
      setTyped(null);
      setDone(true);
    });
  }

  return (
    <Section title={texts.title}>
      <p>{texts.intro}</p>
      {texts.note && <p>{texts.note}</p>}
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
              edit(setting, setTyped)(event.target.value);
              setDone(false);
            }}
            error={errors[setting]}
          />
          <QueryFailure query={query} />
          <ErrorMessage failure={failure} />
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
          <QueryFailure query={query} />
        </>
      )}
    </Section>
  );
}

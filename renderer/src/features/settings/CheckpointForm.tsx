import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useChannelForm } from '../../components/useChannelForm';
import { formatNumber } from '../../i18n/format';

/**
 * A checkpoint noted on paper (the number and code of the log's newest entry, as an earlier integrity check showed
 * them) compared with the log as it is: the main side says whether that entry is still there with that code.
 */
export function CheckpointForm() {
  const { t } = useTranslation();
  const titleId = useId();
  const [row, setRow] = useState('');
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<{ row: number; matches: boolean } | null>(null);
  const { formRef, errors, edit, failure, submit: send } = useChannelForm();

  function submit(event: FormEvent) {
    setAnswer(null);
    const number = row.trim() === '' ? Number.NaN : Number(row);
    return send(event, 'audit.checkpoint', { row: number, code }, (result) =>
      setAnswer({ row: number, matches: result.matches }),
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={titleId} className="checkpoint-form">
      <h4 id={titleId}>{t('settings.verify.checkpoint.title')}</h4>
      <p>{t('settings.verify.checkpoint.intro')}</p>
      <Field
        label={t('settings.verify.checkpoint.row')}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        className="input-short"
        value={row}
        onChange={(event) => {
          edit('row', setRow)(event.target.value);
          setAnswer(null);
        }}
        error={errors.row}
      />
      <Field
        label={t('settings.verify.checkpoint.code')}
        hint={t('settings.verify.checkpoint.codeHint')}
        value={code}
        onChange={(event) => {
          edit('code', setCode)(event.target.value);
          setAnswer(null);
        }}
        error={errors.code}
      />
      <ErrorMessage failure={failure} />
      <StatusMessage tone="success">
        {answer?.matches ? t('settings.verify.checkpoint.same', { row: formatNumber(answer.row) }) : null}
      </StatusMessage>
      {answer && !answer.matches ? (
        <p role="alert" className="notice notice-error">
          {t('settings.verify.checkpoint.different', { row: formatNumber(answer.row) })}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-secondary">
          {t('settings.verify.checkpoint.submit')}
        </button>
      </div>
    </form>
  );
}

import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES_MAX } from '@shared/participants';
import type { FieldMessage } from '../../api/validate';
import { FieldFrame } from '../../components/FieldFrame';

const LANGUAGE_MAX_LENGTH = 40;

interface LanguagesInputProps {
  languages: string[];
  onChange: (languages: string[]) => void;
  /** What is typed but not added yet; the form sends it too, so a language typed just before saving is kept. */
  draft: string;
  onDraftChange: (draft: string) => void;
  error?: FieldMessage | undefined;
}

/** A short list of languages: type one and press Enter or Add; each has its own Remove button. */
export function LanguagesInput({ languages, onChange, draft, onDraftChange, error }: LanguagesInputProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<FieldMessage | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');

  function add() {
    const language = draft.trim();
    if (language === '') return;
    if (language.length > LANGUAGE_MAX_LENGTH)
      return setProblem({ key: 'validation.too_long', values: { max: LANGUAGE_MAX_LENGTH } });
    if (languages.some((l) => l.toLowerCase() === language.toLowerCase()))
      return setProblem({ key: 'participant.errors.languageTwice' });
    if (languages.length >= LANGUAGES_MAX)
      return setProblem({ key: 'participant.errors.languagesFull', values: { max: LANGUAGES_MAX } });
    onChange([...languages, language]);
    onDraftChange('');
    setProblem(undefined);
    setAnnouncement(t('participant.languages.added', { language }));
  }

  function remove(index: number) {
    const language = languages[index] ?? '';
    onChange(languages.filter((_, i) => i !== index));
    setAnnouncement(t('participant.languages.removed', { language }));
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    // Enter adds the language rather than submitting the whole form.
    event.preventDefault();
    add();
  }

  return (
    <div className="languages-input">
      {languages.length > 0 ? (
        <ul className="language-list" aria-label={t('participant.fields.languages')}>
          {languages.map((language, index) => (
            <li key={language} className="language-chip">
              <span>{language}</span>
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={t('participant.languages.remove', { language })}
                onClick={() => remove(index)}
              >
                {t('participant.languages.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FieldFrame label={t('participant.languages.inputLabel')} hint={t('participant.languages.hint')} error={problem ?? error}>
        {(wiring) => (
          <>
            <input
              {...wiring}
              ref={input}
              className="input"
              value={draft}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => {
                onDraftChange(event.target.value);
                setProblem(undefined);
              }}
              onKeyDown={onKeyDown}
            />
            <button type="button" className="button button-secondary" onClick={add}>
              {t('participant.languages.add')}
            </button>
          </>
        )}
      </FieldFrame>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}

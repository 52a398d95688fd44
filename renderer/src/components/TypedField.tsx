import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@shared/locales';
import type { FieldMessage } from '../api/validate';
import { currentLocale } from '../i18n';
import type { TranslationKey } from '../i18n/keys';
import { FieldFrame } from './FieldFrame';

/** How one kind of typed value (a day, a time of day) is read from text and written back in a language. */
export interface TypedValueKind {
  /** The stored value the text stands for, '' for empty text, null when it cannot be read. */
  parse: (text: string) => string | null;
  /** The stored value as the field shows it; other text is kept as it is. */
  format: (value: string, locale: Locale) => string;
  /** The stored value in words under the field, so a misreading is seen before saving. */
  describe: (value: string, locale: Locale) => string;
  /** The message when the text cannot be read, and the placeholder showing the expected form. */
  unreadable: FieldMessage;
  placeholder: TranslationKey;
}

export interface TypedFieldProps {
  label: string;
  hint?: string;
  error?: FieldMessage | undefined;
  /** The stored value (YYYY-MM-DD or HH:MM), or '' — or the text itself while it cannot be read. */
  value: string;
  /** Called with the stored value as soon as the text reads as one, else with the text (which the schema refuses). */
  onChange: (value: string) => void;
  required?: boolean;
  className?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A text field for a day or a time of day in the interface language's own way, whatever the operating system's
 * locale: Chromium's date and time inputs take their format from the browser's locale, fixed at start.
 */
export function TypedField({
  kind,
  label,
  hint,
  error,
  value,
  onChange,
  required,
  className,
  ref,
}: TypedFieldProps & { kind: TypedValueKind }) {
  // useTranslation renders the field again when the language changes.
  const { t } = useTranslation();
  const locale = currentLocale();
  const echoId = useId();
  const [text, setText] = useState(() => kind.format(value, locale));
  // The value and language the text was last written for: a new record, a reset or a language switch rewrites it.
  const [shownFor, setShownFor] = useState(`${locale} ${value}`);
  const [left, setLeft] = useState(false);
  if (shownFor !== `${locale} ${value}`) {
    setShownFor(`${locale} ${value}`);
    setText(kind.format(value, locale));
  }

  const parsed = kind.parse(text);
  const unreadable = parsed === null;
  const shownError = unreadable && (left || error) ? kind.unreadable : error;
  const echo = parsed ? kind.describe(parsed, locale) : '';
  // While the field is in error, the error is what a screen reader reads after the label and hint.
  const echoDescribes = echo !== '' && !shownError;

  function type(next: string) {
    const read = kind.parse(next);
    const reported = read ?? next;
    setText(next);
    setShownFor(`${locale} ${reported}`);
    onChange(reported);
  }

  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={shownError}
      below={
        <p id={echoId} className="field-hint typed-field-echo">
          {echo}
        </p>
      }
    >
      {(wiring) => (
        <input
          {...wiring}
          aria-describedby={[wiring['aria-describedby'], echoDescribes ? echoId : null].filter(Boolean).join(' ') || undefined}
          ref={ref}
          type="text"
          className={className ? `input ${className}` : 'input'}
          spellCheck={false}
          autoComplete="off"
          placeholder={t(kind.placeholder)}
          required={required}
          value={text}
          onChange={(event) => type(event.target.value)}
          onBlur={() => {
            setLeft(true);
            if (parsed) setText(kind.format(parsed, locale));
          }}
        />
      )}
    </FieldFrame>
  );
}

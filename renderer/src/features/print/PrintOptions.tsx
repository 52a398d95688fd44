import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@shared/locales';
import type { PrintSectionOption } from '@shared/print';
import type { FieldErrors } from '../../api/validate';
import { CheckboxField } from '../../components/CheckboxField';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import type { PrintChoices } from './printRequest';
import { translateKey } from '../../i18n/keys';

interface PrintOptionsProps {
  sections: readonly PrintSectionOption[];
  choices: PrintChoices;
  errors: FieldErrors;
  onChange: (next: PrintChoices) => void;
}

/** The language the interface shows a section's name in; the main side names each section in every language. */
function labelIn(option: PrintSectionOption, language: string): string {
  return (LOCALES as readonly string[]).includes(language) ? option.labels[language as Locale] : option.labels.fi;
}

/**
 * What to print: the parts of the file (only those the user may print), the days of notes and meetings when a
 * chosen part takes them, pseudonym only, and the printout's language.
 */
export function PrintOptions({ sections, choices, errors, onChange }: PrintOptionsProps) {
  const { t, i18n } = useTranslation();
  const sectionsId = useId();
  const sectionsError = errors.sections;
  const usesDates = sections.some((s) => s.dated && choices.sections.includes(s.id));

  function toggle(id: string, on: boolean) {
    const chosen = new Set(choices.sections);
    if (on) chosen.add(id);
    else chosen.delete(id);
    // Kept in the order they print, which is the order the main side gave them.
    onChange({ ...choices, sections: sections.filter((s) => chosen.has(s.id)).map((s) => s.id) });
  }

  return (
    <>
      <fieldset className="print-fieldset" aria-describedby={sectionsError ? `${sectionsId}-error` : undefined}>
        <legend>{t('print.sections.legend')}</legend>
        {sections.map((option, index) => (
          <CheckboxField
            key={option.id}
            label={labelIn(option, i18n.language)}
            checked={choices.sections.includes(option.id)}
            aria-invalid={index === 0 && sectionsError ? true : undefined}
            onChange={(event) => toggle(option.id, event.target.checked)}
          />
        ))}
        {sectionsError ? (
          <p id={`${sectionsId}-error`} className="field-error">
            {translateKey(t, sectionsError.key, sectionsError.values)}
          </p>
        ) : null}
      </fieldset>
      {usesDates ? (
        <fieldset className="print-fieldset print-dates">
          <legend>{t('print.dates.legend')}</legend>
          <p className="field-hint">{t('print.dates.hint')}</p>
          <DateField
            label={t('print.dates.from')}
            value={choices.notesFrom}
            error={errors.notesFrom}
            onChange={(value) => onChange({ ...choices, notesFrom: value })}
          />
          <DateField
            label={t('print.dates.to')}
            value={choices.notesTo}
            error={errors.notesTo}
            onChange={(value) => onChange({ ...choices, notesTo: value })}
          />
        </fieldset>
      ) : null}
      <CheckboxField
        label={t('print.pseudonymOnly.label')}
        hint={t('print.pseudonymOnly.hint')}
        checked={choices.pseudonymOnly}
        onChange={(event) => onChange({ ...choices, pseudonymOnly: event.target.checked })}
      />
      <SelectField
        label={t('print.locale')}
        value={choices.locale}
        options={LOCALES.map((code) => ({ value: code, label: t(`language.names.${code}`) }))}
        onChange={(event) => onChange({ ...choices, locale: event.target.value as Locale })}
      />
    </>
  );
}

import type { InputOf } from '@shared/api';
import type { Locale } from '@shared/locales';
import { validateInput, type FieldErrors } from '../../api/validate';

/** The print form as the user has set it; dates as typed in the date fields (YYYY-MM-DD or empty). */
export interface PrintChoices {
  sections: readonly string[];
  notesFrom: string;
  notesTo: string;
  pseudonymOnly: boolean;
  locale: Locale;
}

export type PrintRequest = InputOf<'print.preview'>;

/**
 * The request for the main side, or what is wrong with the choices, at their fields. Dates count only when a
 * chosen section takes them (`dated`), so dates left in the form do not block printing other sections.
 */
export function printRequestOf(
  participantId: string,
  choices: PrintChoices,
  dated: ReadonlySet<string>,
): { ok: true; request: PrintRequest } | { ok: false; errors: FieldErrors } {
  if (choices.sections.length === 0) return { ok: false, errors: { sections: { key: 'print.problems.noSection' } } };
  const usesDates = choices.sections.some((id) => dated.has(id));
  const request: PrintRequest = {
    participantId,
    sections: [...choices.sections],
    pseudonymOnly: choices.pseudonymOnly,
    locale: choices.locale,
    ...(usesDates && choices.notesFrom ? { notesFrom: choices.notesFrom } : {}),
    ...(usesDates && choices.notesTo ? { notesTo: choices.notesTo } : {}),
  };
  const validated = validateInput('print.preview', request);
  if (!validated.ok) return { ok: false, errors: validated.errors };
  if (request.notesFrom && request.notesTo && request.notesFrom > request.notesTo)
    return { ok: false, errors: { notesTo: { key: 'print.problems.rangeReversed' } } };
  return { ok: true, request };
}

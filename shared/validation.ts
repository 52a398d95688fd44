/**
 * How a validation problem becomes a translated message, the same on both sides: the renderer checks a form
 * with the channel's schema, and dispatch() checks the request again with the same schema and this mapping.
 */
import type { z } from 'zod';

/**
 * The messages of custom rules, each with its own sentence under `validation.<message>` in every locale (the
 * locale test checks). Rules take their message through `rule()` or `customIssue()` of shared/text-fields.ts,
 * which accept only these, so a message without a sentence does not compile.
 */
export const CUSTOM_MESSAGES = [
  'control_characters',
  'birth_year_or_age_band',
  'reason_required',
  'reason_only_when_discontinued',
  'end_before_start',
  'period_ends_before_start',
  'job_search_or_employment',
  'phone',
  'email',
  'time_format',
  'not_monday',
  'duplicate_weekdays',
  'duplicate_values',
  'retention_years',
  'checkpoint_code',
] as const;
export type CustomMessage = (typeof CUSTOM_MESSAGES)[number];

/** A translated message for one field: an i18n key and its values (numbers and limits only, never input). */
export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}

const isCustomMessage = (message: string): message is CustomMessage => (CUSTOM_MESSAGES as readonly string[]).includes(message);

/**
 * The message for one zod issue on `field`. The schema must be parsed with `reportInput: true` so that an
 * empty field can be told apart from a wrong value; the input itself never goes into the message.
 */
export function issueMessage(field: string, issue: z.core.$ZodIssue): FieldMessage {
  switch (issue.code) {
    case 'too_small':
      if (field === 'recoveryCode') return { key: 'validation.recovery_code_length' };
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.too_short', values: { min: Number(issue.minimum) } };
      }
      if (issue.origin === 'array') return { key: 'validation.too_few', values: { min: Number(issue.minimum) } };
      return { key: 'validation.too_small_number', values: { min: Number(issue.minimum) } };
    case 'too_big':
      if (field === 'recoveryCode') return { key: 'validation.recovery_code_length' };
      if (issue.origin === 'string') return { key: 'validation.too_long', values: { max: Number(issue.maximum) } };
      if (issue.origin === 'array') return { key: 'validation.too_many', values: { max: Number(issue.maximum) } };
      return { key: 'validation.too_big_number', values: { max: Number(issue.maximum) } };
    case 'invalid_type':
      if (issue.input === undefined || issue.input === '' || Number.isNaN(issue.input)) return { key: 'validation.required' };
      if (issue.expected === 'number' || issue.expected === 'int') return { key: 'validation.whole_number' };
      return { key: 'validation.invalid_type' };
    case 'invalid_format':
      if (issue.format === 'date') return { key: 'validation.date' };
      if (issue.format === 'datetime') return { key: 'validation.date_time' };
      return { key: 'validation.invalid_format' };
    case 'custom':
      return { key: isCustomMessage(issue.message) ? `validation.${issue.message}` : 'validation.custom' };
    default:
      return { key: `validation.${issue.code}` };
  }
}

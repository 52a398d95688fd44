/**
 * Client-side validation with each channel's own zod input schema, so that a form shows the same rules the
 * main side enforces, as translated messages next to the fields.
 */
import { api, type Api, type Channel } from '@shared/api';
import type { FieldIssue } from '@shared/errors';
import type { z } from 'zod';

/** A translated message for one field: an i18n key and its values. */
export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}
export type FieldErrors = Partial<Record<string, FieldMessage>>;

export type Validated<C extends Channel> = { ok: true; data: z.output<Api[C]['input']> } | { ok: false; errors: FieldErrors };

/** Validates form input against the channel's input schema; the first problem of each field wins. */
export function validateInput<C extends Channel>(channel: C, input: unknown): Validated<C> {
  const schema: z.ZodType = api[channel].input;
  // The input is reported back only so that an empty field can be told apart from a wrong value.
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, data: parsed.data as z.output<Api[C]['input']> };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.');
    errors[field] ??= messageFor(field, issue);
  }
  return { ok: false, errors };
}

/** Field messages from the main side's `invalid_input` details. */
export function fieldErrorsFromIssues(issues: readonly FieldIssue[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues ?? []) errors[issue.path] ??= { key: issue.i18nKey };
  return errors;
}

/** Whether there is nothing to show. */
export function isEmpty(errors: FieldErrors): boolean {
  return Object.values(errors).every((e) => e === undefined);
}

const RECOVERY_CODE_LENGTH: FieldMessage = { key: 'validation.recovery_code_length' };

function messageFor(field: string, issue: z.core.$ZodIssue): FieldMessage {
  switch (issue.code) {
    case 'too_small':
      if (field === 'recoveryCode') return RECOVERY_CODE_LENGTH;
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.too_short', values: { min: Number(issue.minimum) } };
      }
      return { key: 'validation.too_small_number', values: { min: Number(issue.minimum) } };
    case 'too_big':
      if (field === 'recoveryCode') return RECOVERY_CODE_LENGTH;
      if (issue.origin === 'string') return { key: 'validation.too_long', values: { max: Number(issue.maximum) } };
      return { key: 'validation.too_big_number', values: { max: Number(issue.maximum) } };
    case 'invalid_type':
      if (issue.input === undefined || issue.input === '' || Number.isNaN(issue.input)) return { key: 'validation.required' };
      if (issue.expected === 'number' || issue.expected === 'int') return { key: 'validation.whole_number' };
      return { key: 'validation.invalid_type' };
    case 'custom':
      return issue.message === 'control_characters' ? { key: 'validation.control_characters' } : { key: 'validation.custom' };
    default:
      return { key: `validation.${issue.code}` };
  }
}

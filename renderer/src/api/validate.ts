/**
 * Client-side validation with each channel's own zod input schema, so that a form shows the same rules the
 * main side enforces, as translated messages next to the fields.
 */
import { api, type Api, type Channel } from '@shared/api';
import type { FieldIssue } from '@shared/errors';
import { issueMessage, type FieldMessage } from '@shared/validation';
import type { z } from 'zod';

export type { FieldMessage };
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
    errors[field] ??= issueMessage(field, issue);
  }
  return { ok: false, errors };
}

/** Field messages from the main side's `invalid_input` details. */
export function fieldErrorsFromIssues(issues: readonly FieldIssue[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues ?? [])
    errors[issue.path] ??= issue.values ? { key: issue.i18nKey, values: issue.values } : { key: issue.i18nKey };
  return errors;
}

/** Whether there is nothing to show. */
export function isEmpty(errors: FieldErrors): boolean {
  return Object.values(errors).every((e) => e === undefined);
}

import { AppError } from '@shared/errors';

/**
 * The programme's own `invalid_input` problems: one field and a sentence under `programmeProblems.<key>`
 * (shared/i18n/parts/programme-errors.*.json). Never the input itself.
 */
export const PROGRAMME_PROBLEMS = [
  'overlap',
  'endBeforeStart',
  'facilitatorUnknown',
  'partnerUnknown',
  'partnerInactive',
  'staffUnknown',
  'sessionCancelled',
  'sessionInFuture',
  'notEnrolled',
  'alreadyCancelled',
  'notCancelled',
  'dateOutOfRange',
] as const;
export type ProgrammeProblem = (typeof PROGRAMME_PROBLEMS)[number];

export const programmeProblem = (path: string, key: ProgrammeProblem) =>
  new AppError('invalid_input', { issues: [{ path, i18nKey: `programmeProblems.${key}` }] });

import { AppError } from '@shared/errors';

/** The problems of partners and visits, each a sentence under `partners.problems.<key>`; never the input itself. */
export const PARTNER_PROBLEMS = ['nameTaken', 'sessionUnknown', 'sessionCancelled', 'partnerUnknown', 'partnerInactive'] as const;
type PartnerProblem = (typeof PARTNER_PROBLEMS)[number];

/** A refusal of one field with the partner problem's sentence. */
export const partnerProblem = (path: string, key: PartnerProblem) =>
  new AppError('invalid_input', { issues: [{ path, i18nKey: `partners.problems.${key}` }] });

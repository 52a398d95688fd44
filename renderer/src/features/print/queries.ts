/** The print dialog's reads. */
import type { InputOf } from '@shared/api';
import { channelQuery } from '../../api/query';

/** The sections of a case summary the reader's role may print. */
export const printSectionsQuery = () => channelQuery('print.sections', {});

/**
 * A document as the paper will print it, in one language (the week schedule, the referral letter, the plan printed
 * for the participant); kept only while the dialog shows it.
 */
export const documentPreviewQuery = <C extends 'schedule.preview' | 'referrals.letterPreview' | 'plans.printPreview'>(
  channel: C,
  request: InputOf<C>,
) => ({ ...channelQuery(channel, request), gcTime: 0 });

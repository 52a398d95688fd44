/** The print dialog's reads. */
import { channelQuery } from '../../api/query';

/** The sections of a case summary the reader's role may print. */
export const printSectionsQuery = () => channelQuery('print.sections', {});

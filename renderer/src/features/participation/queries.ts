/** The funder's data of a participation, read with the file; personal, so dropped with the screen. */
import { channelQuery } from '../../api/query';

/** The record a file is opened for when its funder data is wanted (Today's follow-ups): the overview unfolds it. */
export const FUNDER_DATA = 'funder';

export const participationQuery = (participantId: string) => ({
  ...channelQuery('participation.get', { participantId }),
  gcTime: 0,
});

/** A participant's file: the record (opening it is audited), the timeline, enrolments and what deleting removes. */
import { channelQuery } from '../../api/query';

/** Dropped from memory as soon as the file is closed; opening it again reads it again (audited) anyway. */
export const participantQuery = (id: string) => ({ ...channelQuery('participants.get', { id }), gcTime: 0 });
export const timelineQuery = (participantId: string) => channelQuery('timeline.participant', { participantId });
/** The file at a glance; personal, so dropped with the screen like the record itself. */
export const overviewQuery = (participantId: string) => ({
  ...channelQuery('overview.participant', { participantId }),
  gcTime: 0,
});
export const enrolmentsQuery = (participantId: string) => channelQuery('cohorts.enrolments', { participantId });
/** What deleting the file would remove; asked for each time the dialog opens, never kept after. */
export const deletionPreviewQuery = (id: string) => ({
  ...channelQuery('participants.deletionPreview', { id }),
  gcTime: 0,
});

/** The attendance feature's reads: a cohort's grid, a participant's figures, and who is drifting away. */
import { channelQuery } from '../../api/query';

/** A cohort's grid for the week starting `weekStart`, or for the whole cohort when null. */
export const attendanceGridQuery = (cohortId: string, weekStart: string | null) =>
  channelQuery('attendance.grid', weekStart === null ? { cohortId } : { cohortId, weekStart });
export const participantAttendanceQuery = (participantId: string) => channelQuery('attendance.participant', { participantId });
export const driftQuery = () => channelQuery('attendance.drift', {});

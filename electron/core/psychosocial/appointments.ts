/** The psychologist's coming appointments, for the Today page. */
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';

/**
 * For each participant, the newest entry `userId` wrote whose next appointment falls on `from` or later: the entry
 * and the appointment, soonest first. An appointment set in an older entry and superseded by a newer one is not
 * listed.
 */
export function nextAppointmentsOf(
  db: Db,
  userId: string,
  from: string,
): { entryId: string; participantId: string; date: string; time: string | null }[] {
  const rows = all<{ entryId: string; participantId: string; appointment: string }>(
    db,
    sql`SELECT e.id AS entryId, e.participant_id AS participantId, e.next_appointment AS appointment
        FROM psychosocial_entries e
        WHERE e.created_by = ${userId} AND e.next_appointment IS NOT NULL
          AND e.seq = (SELECT max(x.seq) FROM psychosocial_entries x
                       WHERE x.participant_id = e.participant_id AND x.created_by = ${userId})
          AND substr(e.next_appointment, 1, 10) >= ${from}
        ORDER BY e.next_appointment, e.seq`,
  );
  return rows.map((r) => {
    const [date = r.appointment, time = null] = r.appointment.split('T');
    return { entryId: r.entryId, participantId: r.participantId, date, time };
  });
}

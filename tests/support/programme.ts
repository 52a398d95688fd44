import { randomBytes } from 'node:crypto';
import type { AttendanceMark } from '@shared/attendance';
import { foldText } from '../../electron/core/participants/keys';
import type { TestCore } from './core';
import { openVaultDb } from './raw-db';

/** Marker words planted in every programme text, so that a test can look for them anywhere. */
export const PROGRAMME_MARK = {
  cohort: 'Kevät COHORTMARK',
  partner: 'PARTNERORGMARK Oy',
  partnerNotes: 'PARTNERNOTEMARK',
  contactName: 'Pekka CONTACTNAMEMARK',
  contactPhone: '+358 50 765 4321',
  sessionNotes: 'SESSIONNOTEMARK group practised interviews',
  guest: 'GUESTMARK',
  cancelReason: 'CANCELREASONMARK teacher ill',
  learned: 'VISITLEARNEDMARK how a warehouse works',
  followUps: 'VISITFOLLOWMARK ask about trainee places',
} as const;

/** A fresh record id, as the app makes them. */
export const newId = () => randomBytes(16).toString('hex');

/** What `plantProgramme` made. */
export interface PlantedProgramme {
  cohortId: string;
  partnerId: string;
  contactId: string;
  /** The sessions in time order: four held (2026-11-02..05), one cancelled (11-09), one ahead (12-01). */
  sessionIds: string[];
  visitId: string;
}

/**
 * A cohort with a partner (and its contact), six sessions and a company visit in the second, written straight
 * into a test vault's database while the core stays unlocked; each participant gets a group enrolment from
 * 2026-11-01 and the marks given (by session index). The manual clock stands at 2026-11-28. For tests only.
 */
export async function plantProgramme(
  t: TestCore,
  staffId: string,
  members: readonly {
    participantId: string;
    marks: readonly (AttendanceMark | null)[];
    mode?: 'group' | 'individual';
    /** Ends the enrolment as completed on this day (a participant has one open enrolment at a time). */
    endDate?: string;
  }[],
): Promise<PlantedProgramme> {
  const db = await openVaultDb(t);
  const at = '2026-11-01T08:00:00.000Z';
  const cohortId = newId();
  const partnerId = newId();
  const contactId = newId();
  const visitId = newId();
  const days = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-09', '2026-12-01'];
  const topics = ['finnish', 'companyVisit', 'jobSearch', 'it', 'finnish', 'workingLife'];
  const sessionIds = days.map(() => newId());
  // A second group in the same vault gets names of its own (names are unique, case ignored).
  const planted = (
    db.prepare(`SELECT count(*) AS n FROM cohorts WHERE name LIKE ?`).get(`${PROGRAMME_MARK.cohort}%`) as { n: number }
  ).n;
  const suffix = planted === 0 ? '' : ` ${planted + 1}`;
  const cohortName = `${PROGRAMME_MARK.cohort}${suffix}`;
  const partnerName = `${PROGRAMME_MARK.partner}${suffix}`;
  try {
    db.transaction(() => {
      db.prepare(
        `INSERT INTO cohorts (id, name, name_key, start_date, length_weeks, created_by, created_at, place)
         VALUES (?, ?, ?, '2026-11-02', 10, ?, ?, 'Room 2')`,
      ).run(cohortId, cohortName, foldText(cohortName), staffId, at);
      db.prepare(`INSERT INTO cohort_staff (cohort_id, user_id) VALUES (?, ?)`).run(cohortId, staffId);
      db.prepare(
        `INSERT INTO partners (id, name, name_key, type, notes, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 'employer', ?, ?, ?, ?)`,
      ).run(partnerId, partnerName, foldText(partnerName), PROGRAMME_MARK.partnerNotes, staffId, at, at);
      db.prepare(`INSERT INTO partner_contacts (id, partner_id, name, role, phone, email) VALUES (?, ?, ?, 'HR', ?, NULL)`).run(
        contactId,
        partnerId,
        PROGRAMME_MARK.contactName,
        PROGRAMME_MARK.contactPhone,
      );
      const session = db.prepare(
        `INSERT INTO cohort_sessions (id, cohort_id, date, start_time, end_time, place, topic, facilitator_id, partner_id,
           guest, notes, state, cancel_reason, extra, created_at, updated_at)
         VALUES (?, ?, ?, '09:00', '12:00', 'Room 2', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      );
      days.forEach((date, i) => {
        const cancelled = i === 4;
        session.run(
          sessionIds[i],
          cohortId,
          date,
          topics[i],
          staffId,
          i === 1 ? partnerId : null,
          i === 1 ? PROGRAMME_MARK.guest : null,
          i === 0 ? PROGRAMME_MARK.sessionNotes : null,
          cancelled ? 'cancelled' : 'planned',
          cancelled ? PROGRAMME_MARK.cancelReason : null,
          at,
          at,
        );
      });
      db.prepare(
        `INSERT INTO visits (id, session_id, partner_id, kind, learned, follow_ups, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 'company', ?, ?, ?, ?, ?)`,
      ).run(visitId, sessionIds[1], partnerId, PROGRAMME_MARK.learned, PROGRAMME_MARK.followUps, staffId, at, at);
      const enrol = db.prepare(
        `INSERT INTO enrolments (id, participant_id, cohort_id, start_date, end_date, outcome, mode)
         VALUES (?, ?, ?, '2026-11-01', ?, ?, ?)`,
      );
      const mark = db.prepare(
        `INSERT INTO attendance (session_id, participant_id, mark, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)`,
      );
      for (const member of members) {
        const end = member.endDate ?? null;
        enrol.run(newId(), member.participantId, cohortId, end, end && 'completed', member.mode ?? 'group');
        member.marks.forEach((m, i) => {
          if (m) mark.run(sessionIds[i], member.participantId, m, staffId, at);
        });
      }
    })();
  } finally {
    db.close();
  }
  return { cohortId, partnerId, contactId, sessionIds, visitId };
}

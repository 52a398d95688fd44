import { dayOf } from '@shared/days';
import { AppError } from '@shared/errors';
import { OVERVIEW_FOLLOW_UPS_MAX, OVERVIEW_NOTE_PREVIEW, type ParticipantOverview } from '@shared/overview';
import { roleHolds } from '@shared/roles';
import { participantAttendance } from '../attendance/participant';
import { listEnrolments } from '../cohorts/repo';
import { consentRegisterOf } from '../consents/register';
import { listFlags } from '../flags/repo';
import type { HandlerGroup } from '../handler';
import { listDrafts } from '../notes/drafts';
import { notePreviews } from '../notes/repo';
import { openFollowUpsOf } from '../notes/today';
import { findParticipant } from '../participants/repo';
import { listSessionsBetween } from '../sessions/repo';
import { readSettings } from '../settings/repo';

/** The last calendar day there is: "from today on". */
const EVER = '9999-12-31';

/** A part is read only for a role that may read what it shows; the rest are null. */
const when = <T>(allowed: boolean, read: () => T): T | null => (allowed ? read() : null);

/**
 * A participant's file at a glance (shared/overview.ts), read in one transaction through the domains' own readers.
 * Not audited: the file is opened (and audited) by participants.get, which the overview sits under.
 */
export const overviewHandlers = {
  'overview.participant': {
    kind: 'tx',
    run: ({ participantId }, { db, session, now }): ParticipantOverview => {
      if (!findParticipant(db, participantId)) throw new AppError('not_found');
      const { role, userId } = session;
      const today = dayOf(now);
      const threshold = readSettings(db).attendanceThreshold;
      const whole = roleHolds(role, 'participants.read');
      const figures = new Map(
        (roleHolds(role, 'attendance.read') ? participantAttendance(db, participantId, today, threshold) : []).map((c) => [
          c.cohortId,
          c.figures,
        ]),
      );
      const enrolments = listEnrolments(db, participantId);
      const open = enrolments.find((e) => e.endDate === null && e.mode === 'group');
      const next = open ? listSessionsBetween(db, open.cohortId, today, EVER).find((s) => s.state === 'planned') : undefined;
      return {
        participantId,
        today,
        flags: when(whole, () => listFlags(db, participantId, false).map(({ id, kind, setAt }) => ({ id, kind, setAt }))),
        consents: when(whole, () =>
          consentRegisterOf(db, participantId).purposes.map(({ purpose, standing }) => ({ purpose, standing })),
        ),
        // A teacher sees the group they teach the participant in, as on the group page; the others see every enrolment.
        enrolments: enrolments
          .filter((e) => whole || e.endDate === null)
          .map((e) => ({
            cohortId: e.cohortId,
            cohortName: e.cohortName,
            startDate: e.startDate,
            endDate: e.endDate,
            mode: e.mode,
            outcome: whole ? e.outcome : null,
            figures: figures.get(e.cohortId) ?? null,
          })),
        attendanceThreshold: threshold,
        nextSession: next
          ? {
              sessionId: next.id,
              cohortId: next.cohortId,
              cohortName: open?.cohortName ?? '',
              date: next.date,
              startTime: next.startTime,
              endTime: next.endTime,
              topic: next.topic,
            }
          : null,
        followUps: when(roleHolds(role, 'notes.read'), () => {
          const { rows, total } = openFollowUpsOf(db, { userId, participantId, limit: OVERVIEW_FOLLOW_UPS_MAX });
          const lines = rows.map(({ noteId, task, due, ownerName, mine }) => ({
            noteId,
            task,
            due,
            overdue: due < today,
            ownerName,
            mine,
          }));
          return { lines, total };
        }),
        latestNote: when(roleHolds(role, 'notes.read'), () => {
          const [note] = notePreviews(db, participantId, OVERVIEW_NOTE_PREVIEW + 1, 1);
          if (!note) return null;
          const more = note.preview.length > OVERVIEW_NOTE_PREVIEW;
          return { ...note, preview: more ? note.preview.slice(0, OVERVIEW_NOTE_PREVIEW) : note.preview, more };
        }),
        drafts: when(roleHolds(role, 'notes.write'), () =>
          listDrafts(db, userId, participantId).map(({ id, noteId, updatedAt }) => ({ id, noteId, updatedAt })),
        ),
      };
    },
  },
} satisfies HandlerGroup;

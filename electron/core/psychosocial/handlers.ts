import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { dayOf } from '@shared/days';
import { AppError, type FieldIssue } from '@shared/errors';
import { APPOINTMENT_DATE_MAX, ENTRY_DATE_MIN, type createEntryInput, type SummaryEntry } from '@shared/psychosocial';
import { roleHolds, type Role } from '@shared/roles';
import { requireConsent } from '../consents/guard';
import type { Db } from '../db/open';
import { get, sql } from '../db/sql';
import type { HandlerGroup } from '../handler';
import { canWritePrivate, keepPrivateVersion, privateNotesOf, SEALED, writePrivateNotes } from './private';
import { projectEntry, projectParticipantEntries, projectVersions } from './projection';
import { appointmentText, findEntry, insertEntry, replaceEntryContent, type SharedContent } from './repo';

type EntryFields = Omit<z.output<typeof createEntryInput>, 'participantId'>;

const newId = () => randomBytes(16).toString('hex');

/** Date rules that need the clock or the whole entry, which the shared schema has not; broken ones are `invalid_input`. */
function assertDates(fields: EntryFields, now: Date): void {
  const issues: FieldIssue[] = [];
  if (fields.date > dayOf(now)) issues.push({ path: 'date', i18nKey: 'psychosocial.errors.dateInFuture' });
  if (fields.date < ENTRY_DATE_MIN) issues.push({ path: 'date', i18nKey: 'psychosocial.errors.dateTooEarly' });
  const next = fields.nextAppointment?.date;
  if (next !== undefined && next < fields.date)
    issues.push({ path: 'nextAppointment.date', i18nKey: 'psychosocial.errors.appointmentBeforeMeeting' });
  if (next !== undefined && next > APPOINTMENT_DATE_MAX)
    issues.push({ path: 'nextAppointment.date', i18nKey: 'psychosocial.errors.appointmentTooLate' });
  if (issues.length > 0) throw new AppError('invalid_input', { issues });
}

/**
 * An edit replaces the whole entry, private notes included: a writer who could not read them would erase them
 * unseen. No role is set up like that today; this keeps it so if the matrix changes.
 */
function assertReadsPrivate(role: Role): void {
  if (!roleHolds(role, 'psychosocial.private')) throw new AppError('forbidden');
}

function requireParticipant(db: Db, participantId: string): void {
  if (!get(db, sql`SELECT 1 FROM participants WHERE id = ${participantId}`)) throw new AppError('not_found');
}

function existing(db: Db, id: string): SummaryEntry {
  const entry = findEntry(db, id);
  if (!entry) throw new AppError('not_found');
  return entry;
}

function stored(db: Db, id: string): SummaryEntry {
  const entry = findEntry(db, id);
  if (!entry) throw new Error('entry vanished');
  return entry;
}

function sharedOf(fields: EntryFields | SummaryEntry): SharedContent {
  return {
    date: fields.date,
    durationMinutes: fields.durationMinutes,
    kind: fields.kind,
    riskLevel: fields.riskLevel,
    summary: fields.summary,
    nextAppointment: fields.nextAppointment,
  };
}

/** Every field in a fixed order, so two versions compare whatever order their keys came in. */
const canonical = (c: SharedContent) =>
  JSON.stringify([c.date, c.durationMinutes, c.kind, c.riskLevel, c.summary, appointmentText(c.nextAppointment)]);

/** Audit records about an entry belong to its participant, so the coordinator can filter one person's file. */
const entryAudit = (action: string, entry: { id: string; participantId: string }) => ({
  action,
  entity: 'participant',
  entityId: entry.participantId,
  detail: `psychosocial:${entry.id}`,
});

/**
 * The psychosocial support log. Every answer goes through projection.ts, which gives private notes to
 * psychologists only. Writing needs the participant's consent to processing, or the coordinator's override;
 * creates and edits are audited with ids only. Reads are not audited: opening the participant's file is.
 */
export const psychosocialHandlers = {
  'psychosocial.list': {
    kind: 'tx',
    run: (input, { db, session }) => {
      requireParticipant(db, input.participantId);
      return projectParticipantEntries(db, session.role, input.participantId);
    },
  },

  'psychosocial.get': {
    kind: 'tx',
    run: (input, { db, session }) => projectEntry(db, session.role, existing(db, input.id)),
  },

  'psychosocial.create': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { participantId, ...fields } = input;
      assertReadsPrivate(session.role);
      requireParticipant(db, participantId);
      assertDates(fields, now);
      requireConsent(db, participantId, 'processing');
      const id = newId();
      if (fields.privateNotes !== null && !canWritePrivate(db)) throw new AppError('compartment_locked');
      insertEntry(db, { id, participantId, content: sharedOf(fields), at: now.toISOString(), by: session.userId });
      writePrivateNotes(db, id, 1, fields.privateNotes);
      return projectEntry(db, session.role, stored(db, id));
    },
    audit: (_input, output) => entryAudit('psychosocial.create', output.entry),
  },

  'psychosocial.update': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { id, ...fields } = input;
      assertReadsPrivate(session.role);
      const before = existing(db, id);
      assertDates(fields, now);
      requireConsent(db, before.participantId, 'processing');
      const after = sharedOf(fields);
      const current = privateNotesOf(db, id);
      // Without the compartment key the notes can be neither read nor replaced: the form sends none, they are kept.
      const locked = !canWritePrivate(db);
      if (locked && fields.privateNotes !== null) throw new AppError('compartment_locked');
      const notesChanged = !locked && fields.privateNotes !== (current === SEALED ? null : current);
      const changed = notesChanged || canonical(after) !== canonical(sharedOf(before));
      if (changed) {
        keepPrivateVersion(db, id, before.version);
        replaceEntryContent(db, id, after, now.toISOString(), session.userId);
        if (notesChanged) writePrivateNotes(db, id, before.version + 1, fields.privateNotes);
      }
      return { ...projectEntry(db, session.role, stored(db, id)), changed };
    },
    audit: (_input, output) => (output.changed ? entryAudit('psychosocial.update', output.entry) : null),
  },

  'psychosocial.versions': {
    kind: 'tx',
    run: (input, { db, session }) => {
      existing(db, input.id);
      return projectVersions(db, session.role, input.id);
    },
  },
} satisfies HandlerGroup;

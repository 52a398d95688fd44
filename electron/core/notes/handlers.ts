import { randomBytes } from 'node:crypto';
import { dayOf } from '@shared/days';
import { AppError, type FieldIssue } from '@shared/errors';
import { NOTE_DATE_MIN, type Note } from '@shared/notes';
import { ROLE_PERMISSIONS, ROLES } from '@shared/roles';
import { requireConsent } from '../consents/guard';
import type { Db } from '../db/open';
import { get, sql } from '../db/sql';
import type { HandlerGroup } from '../handler';
import { deleteDraftFor, deleteOwnDraft, listDrafts, writeDraft } from './drafts';
import { canOwnFollowUp, findNote, insertNote, listNotes, listVersions, replaceNoteContent, type NoteContent } from './repo';

/** The latest due date a follow-up may have: far enough for any plan, near enough to catch a mistyped year. */
const DUE_DATE_MAX = '2099-12-31';

const newId = () => randomBytes(16).toString('hex');

/** Date rules that need the clock, which the shared schema does not have; broken ones are `invalid_input`. */
function assertDates(content: { date: string; followUp: { due: string } | null }, now: Date): void {
  const issues: FieldIssue[] = [];
  if (content.date > dayOf(now)) issues.push({ path: 'date', i18nKey: 'notes.errors.dateInFuture' });
  if (content.date < NOTE_DATE_MIN) issues.push({ path: 'date', i18nKey: 'notes.errors.dateTooEarly' });
  const due = content.followUp?.due;
  if (due !== undefined && (due < NOTE_DATE_MIN || due > DUE_DATE_MAX))
    issues.push({ path: 'followUp.due', i18nKey: 'notes.errors.dueOutOfRange' });
  if (issues.length > 0) throw new AppError('invalid_input', { issues });
}

/** Roles that may be given a follow-up: those that write notes, so that they can also tick it done. */
const OWNER_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('notes.write'));

type FollowUpInput = { task: string; due: string; done: boolean; owner?: string } | null;

/**
 * The content to store: a follow-up's owner is the one chosen, else the one it had, else the note's author. A newly
 * chosen owner must be an active account that writes notes; one kept from before is not checked again, so that an
 * edit of the text does not fail because the owner has since left.
 */
function withOwner(
  db: Db,
  content: Omit<NoteContent, 'followUp'> & { followUp: FollowUpInput },
  before: Note | null,
  author: string,
): NoteContent {
  const f = content.followUp;
  if (!f) return { ...content, followUp: null };
  const kept = before?.followUp?.owner ?? null;
  if (f.owner !== undefined && f.owner !== kept && !canOwnFollowUp(db, f.owner, OWNER_ROLES))
    throw new AppError('invalid_input', { issues: [{ path: 'followUp.owner', i18nKey: 'followUpOwner.errors.notStaff' }] });
  return { ...content, followUp: { task: f.task, due: f.due, done: f.done, owner: f.owner ?? kept ?? author } };
}

function requireParticipant(db: Db, participantId: string): void {
  if (!get(db, sql`SELECT 1 FROM participants WHERE id = ${participantId}`)) throw new AppError('not_found');
}

function existing(db: Db, id: string): Note {
  const note = findNote(db, id);
  if (!note) throw new AppError('not_found');
  return note;
}

function stored(db: Db, id: string): Note {
  const note = findNote(db, id);
  if (!note) throw new Error('note vanished');
  return note;
}

function contentOf(note: Note): NoteContent {
  const f = note.followUp;
  const followUp = f && { task: f.task, due: f.due, done: f.done, owner: f.owner };
  return { date: note.date, type: note.type, topics: note.topics, tags: note.tags, text: note.text, followUp };
}

/** Every field of the content, in a fixed order, so two contents compare whatever order their keys came in. */
const canonical = (c: NoteContent) =>
  JSON.stringify([
    c.date,
    c.type,
    c.topics,
    c.tags,
    c.text,
    c.followUp && [c.followUp.task, c.followUp.due, c.followUp.done, c.followUp.owner],
  ]);
const sameContent = (content: NoteContent, note: Note) => canonical(content) === canonical(contentOf(note));

/** Audit records about a note belong to its participant, so the coordinator can filter one person's file. */
const noteAudit = (action: string, note: Note) => ({
  action,
  entity: 'participant',
  entityId: note.participantId,
  detail: `note:${note.id}`,
});

/**
 * Guidance notes. Writing (a note, an edit, a draft) needs the participant's consent to processing, or the
 * coordinator's override. Notes are audited on create and update with ids only; reads are not, since opening
 * the participant's file is. Drafts are not audited at all: they are the writer's own, nobody else can read
 * them, they become part of the file only when saved (which is audited), and the open of the file they were
 * written in is already recorded — an audit row per autosave would bury the log.
 */
export const noteHandlers = {
  'notes.list': {
    kind: 'tx',
    run: (input, { db }) => {
      requireParticipant(db, input.participantId);
      return { notes: listNotes(db, input.participantId) };
    },
  },

  'notes.create': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { participantId, ...fields } = input;
      requireParticipant(db, participantId);
      assertDates(fields, now);
      requireConsent(db, participantId, 'processing');
      const content = withOwner(db, fields, null, session.userId);
      const id = newId();
      insertNote(db, { id, participantId, content, at: now.toISOString(), by: session.userId });
      deleteDraftFor(db, { userId: session.userId, participantId, noteId: null });
      return { note: stored(db, id) };
    },
    audit: (_input, output) => noteAudit('notes.create', output.note),
  },

  'notes.update': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { id, ...fields } = input;
      const before = existing(db, id);
      assertDates(fields, now);
      requireConsent(db, before.participantId, 'processing');
      const content = withOwner(db, fields, before, before.createdBy);
      const changed = !sameContent(content, before);
      if (changed) replaceNoteContent(db, id, content, now.toISOString(), session.userId);
      deleteDraftFor(db, { userId: session.userId, participantId: before.participantId, noteId: id });
      return { note: stored(db, id), changed };
    },
    audit: (_input, output) => (output.changed ? noteAudit('notes.update', output.note) : null),
  },

  'notes.setFollowUpDone': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const before = existing(db, input.id);
      if (!before.followUp)
        throw new AppError('invalid_input', { issues: [{ path: 'done', i18nKey: 'notes.errors.noFollowUp' }] });
      requireConsent(db, before.participantId, 'processing');
      const changed = before.followUp.done !== input.done;
      if (changed)
        replaceNoteContent(
          db,
          input.id,
          { ...contentOf(before), followUp: { ...before.followUp, owner: before.followUp.owner, done: input.done } },
          now.toISOString(),
          session.userId,
        );
      return { note: stored(db, input.id), changed };
    },
    audit: (_input, output) => (output.changed ? noteAudit('notes.setFollowUpDone', output.note) : null),
  },

  'notes.versions': {
    kind: 'tx',
    run: (input, { db }) => {
      existing(db, input.id);
      return { versions: listVersions(db, input.id) };
    },
  },

  'notes.saveDraft': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      requireParticipant(db, input.participantId);
      const noteId = input.noteId ?? null;
      if (noteId !== null && findNote(db, noteId)?.participantId !== input.participantId) throw new AppError('not_found');
      requireConsent(db, input.participantId, 'processing');
      const key = { userId: session.userId, participantId: input.participantId, noteId };
      return { draft: writeDraft(db, key, newId(), input.fields, now.toISOString()) };
    },
  },

  'notes.drafts': {
    kind: 'tx',
    run: (input, { db, session }) => ({ drafts: listDrafts(db, session.userId, input.participantId) }),
  },

  'notes.discardDraft': {
    kind: 'tx',
    run: (input, { db, session }) => {
      // Someone else's draft is "not found" too: its existence is nobody else's business.
      if (!deleteOwnDraft(db, session.userId, input.id)) throw new AppError('not_found');
      return null;
    },
  },
} satisfies HandlerGroup;

/**
 * What a reader sees of the psychosocial log: the one place that decides it. A role that holds
 * `psychosocial.private` (psychologists) gets the full view with the private notes; every other reader of the
 * log gets the summary view, built from the shared tables alone, whose shapes have no private notes field.
 */
import type { EntryListView, EntryView, SummaryEntry, VersionListView } from '@shared/psychosocial';
import { roleHolds, type Role } from '@shared/roles';
import type { Db } from '../db/open';
import { privateNotesOf, privateNotesOfParticipant, privateVersionNotes, SEALED, type PrivateText } from './private';
import { listEntries, listVersions } from './repo';

export type PsychosocialView = 'full' | 'summary';

/** The private notes as an answer carries them: sealed notes are marked, never given. */
const privateFields = (text: PrivateText | null | undefined): { privateNotes: string | null; privateSealed?: true } =>
  text === SEALED ? { privateNotes: null, privateSealed: true } : { privateNotes: text ?? null };

/** Which view of the log a role gets. */
export function viewFor(role: Role): PsychosocialView {
  return roleHolds(role, 'psychosocial.private') ? 'full' : 'summary';
}

/** One entry as the role may see it. */
export function projectEntry(db: Db, role: Role, entry: SummaryEntry): EntryView {
  if (viewFor(role) === 'summary') return { view: 'summary', entry };
  return { view: 'full', entry: { ...entry, ...privateFields(privateNotesOf(db, entry.id)) } };
}

/** A participant's entries, newest first, as the role may see them. */
export function projectParticipantEntries(db: Db, role: Role, participantId: string): EntryListView {
  const entries = listEntries(db, participantId);
  if (viewFor(role) === 'summary') return { view: 'summary', entries };
  const notes = privateNotesOfParticipant(db, participantId);
  return { view: 'full', entries: entries.map((entry) => ({ ...entry, ...privateFields(notes.get(entry.id)) })) };
}

/** Every version of an entry, the current one first, as the role may see them. */
export function projectVersions(db: Db, role: Role, entryId: string): VersionListView {
  const versions = listVersions(db, entryId);
  if (viewFor(role) === 'summary') return { view: 'summary', versions };
  const current = privateNotesOf(db, entryId);
  const earlier = privateVersionNotes(db, entryId);
  return {
    view: 'full',
    versions: versions.map((version, index) => ({
      ...version,
      ...privateFields(index === 0 ? current : earlier.get(version.version)),
    })),
  };
}

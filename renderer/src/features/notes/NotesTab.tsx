import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import type { Failure } from '@shared/errors';
import type { Draft, Note } from '@shared/notes';
import { invoke } from '../../api/client';
import { invalidateChannels } from '../../api/query';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { QueryFailure, QueryState } from '../../components/QueryState';
import { usePendingFocus } from '../../components/usePendingFocus';
import { today } from '@shared/days';
import { formatWhen, formatDay } from '../../i18n/format';
import { useCan, useSession } from '../../shell/session';
import { ConsentGateNotice } from '../consents/ConsentGateNotice';
import { consentsQuery } from '../consents/queries';
import { NoteForm } from './NoteForm';
import { emptyForm, formFromDraft, formFromNote, type NoteFormState } from './noteForm';
import { NoteList } from './NoteList';
import { NoteVersions } from './NoteVersions';
import { NOTE_CHANGES } from './mutations';
import { draftsQuery, notesQuery } from './queries';
import './notes.css';

interface OpenForm {
  /** The note being edited, or null for a new one. */
  note: Note | null;
  initial: NoteFormState;
  restored: { id: string; at: string } | null;
}

/** Whether the participant's consent to processing allows writing: known missing, in force, or not known. */
type ConsentState = 'allows' | 'missing' | 'unknown';

/**
 * A participant's guidance notes: the list, newest first, a form for a new note or an edit, the versions of an
 * edited note, and the writer's unsaved drafts offered back when the tab opens. Readers who may not write notes
 * (psychologists) see the list and versions only.
 */
export function NotesTab({ participantId, openDraft }: { participantId: string; openDraft?: string }) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const client = useQueryClient();
  const mayWrite = useCan('notes.write');
  const writer = useSession().userId;
  // Drafts and the consent only for those who may write notes.
  const noteList = useQuery(notesQuery(participantId));
  const draftList = useQuery({ ...draftsQuery(participantId), enabled: mayWrite });
  const register = useQuery({ ...consentsQuery(participantId), enabled: mayWrite });
  const notes = noteList.data?.notes ?? null;
  const drafts = draftList.data?.drafts ?? [];
  const standing = register.data?.purposes.find((p) => p.purpose === 'processing')?.standing;
  const consent: ConsentState = !register.data
    ? 'unknown'
    : standing === 'consent' || standing === 'override'
      ? 'allows'
      : 'missing';
  const [open, setOpen] = useState<OpenForm | null>(null);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const canWrite = mayWrite && consent !== 'missing';

  /** After a save or a closed form: the notes, the drafts (saved or left) and the consent, read again. */
  const load = () => void invalidateChannels(client, ...NOTE_CHANGES, 'consents.list');

  function startNew() {
    setNotice(null);
    setVersionsOf(null);
    setOpen({ note: null, initial: emptyForm(today(), writer), restored: null });
  }

  function startEdit(note: Note) {
    setNotice(null);
    setVersionsOf(null);
    const draft = drafts.find((d) => d.noteId === note.id);
    setOpen(
      draft
        ? {
            note,
            initial: formFromDraft(draft.fields, formFromNote(note, writer)),
            restored: { id: draft.id, at: draft.updatedAt },
          }
        : { note, initial: formFromNote(note, writer), restored: null },
    );
  }

  function continueDraft(draft: Draft) {
    const note = draft.noteId === null ? null : (notes?.find((n) => n.id === draft.noteId) ?? null);
    if (draft.noteId !== null && !note) return;
    setNotice(null);
    setVersionsOf(null);
    const base = note ? formFromNote(note, writer) : emptyForm(today(), writer);
    setOpen({ note, initial: formFromDraft(draft.fields, base), restored: { id: draft.id, at: draft.updatedAt } });
  }

  // Opened for a draft (its line on the start page): the form opens with it once the drafts and notes are read.
  const draftToOpen = useRef(openDraft);
  useEffect(() => {
    const id = draftToOpen.current;
    if (!id || !draftList.data || notes === null) return;
    draftToOpen.current = undefined;
    const draft = draftList.data.drafts.find((d) => d.id === id);
    if (draft) continueDraft(draft);
  });

  async function discardDraft(draft: Draft) {
    const result = await invoke('notes.discardDraft', { id: draft.id });
    if (!result.ok && result.code !== 'not_found') return setFailure(result);
    client.setQueryData(draftsQuery(participantId).queryKey, (current: { drafts: Draft[] } | undefined) =>
      current ? { ...current, drafts: current.drafts.filter((d) => d.id !== draft.id) } : current,
    );
    setNotice(t('notes.draft.discarded'));
    focusLater(draft.noteId === null ? 'new' : `edit:${draft.noteId}`);
  }

  function saved(note: Note) {
    setOpen(null);
    setNotice(t('notes.form.saved'));
    focusLater(`note:${note.id}`);
    load();
  }

  function closed() {
    const note = open?.note ?? null;
    setOpen(null);
    focusLater(note ? `edit:${note.id}` : 'new');
    load();
  }

  async function followUpDone(note: Note, done: boolean) {
    setNotice(null);
    const result = await invoke('notes.setFollowUpDone', { id: note.id, done });
    if (!result.ok) return setFailure(result);
    setFailure(null);
    client.setQueryData(notesQuery(participantId).queryKey, (current: { notes: Note[] } | undefined) =>
      current ? { ...current, notes: current.notes.map((n) => (n.id === note.id ? result.value.note : n)) } : current,
    );
    setNotice(t(done ? 'notes.list.markedDone' : 'notes.list.markedOpen'));
    void invalidateChannels(client, ...NOTE_CHANGES);
  }

  function toggleVersions(note: Note) {
    setVersionsOf((current) => (current === note.id ? null : note.id));
  }

  const form = (note: Note | null) =>
    open && (open.note?.id ?? null) === (note?.id ?? null) ? (
      <NoteForm
        key={open.note?.id ?? 'new'}
        participantId={participantId}
        note={open.note}
        initial={open.initial}
        restored={open.restored}
        onSaved={saved}
        onClose={closed}
      />
    ) : null;

  const waiting = drafts.filter((d) => (open ? d.noteId !== (open.note?.id ?? null) : true));
  const newDraftWaiting = waiting.some((d) => d.noteId === null);

  return (
    <div ref={root} className="notes-tab">
      {mayWrite && consent === 'missing' ? <ConsentGateNotice participantId={participantId} /> : null}
      <div role="status" className="note-draft-prompts">
        {waiting.map((draft) => {
          const note = notes?.find((n) => n.id === draft.noteId);
          const when = formatWhen(draft.updatedAt);
          return (
            <div key={draft.id} className="notice notice-info note-draft-prompt">
              <p>
                {note
                  ? t('notes.draft.restoreEdit', { when, date: formatDay(note.date) })
                  : t('notes.draft.restoreNew', { when })}
              </p>
              <div className="actions">
                {canWrite && (draft.noteId === null || note) ? (
                  <button type="button" className="button button-small button-primary" onClick={() => continueDraft(draft)}>
                    {t('notes.draft.continue')}
                  </button>
                ) : null}
                <button type="button" className="button button-small button-secondary" onClick={() => void discardDraft(draft)}>
                  {t('notes.draft.discard')}
                </button>
              </div>
            </div>
          );
        })}
      </div>
      <StatusMessage tone="success">{notice}</StatusMessage>
      <QueryFailure query={draftList} />
      <QueryFailure query={register} />
      <ErrorMessage failure={failure} />
      {open && open.note === null ? (
        form(null)
      ) : canWrite && !newDraftWaiting ? (
        <div className="actions">
          <button type="button" className="button button-primary" data-focus-key="new" onClick={startNew}>
            {t('notes.new')}
          </button>
        </div>
      ) : null}
      <QueryState query={noteList} loading={t('notes.loading')}>
        {({ notes }) => (
          <NoteList
            notes={notes}
            canWrite={canWrite}
            versionsOf={versionsOf}
            editing={open?.note?.id ?? null}
            onEdit={startEdit}
            onToggleVersions={toggleVersions}
            onFollowUpDone={(note, done) => void followUpDone(note, done)}
            detail={(note) =>
              open?.note?.id === note.id ? (
                form(note)
              ) : versionsOf === note.id ? (
                <NoteVersions
                  noteId={note.id}
                  onClose={() => {
                    setVersionsOf(null);
                    focusLater(`versions:${note.id}`);
                  }}
                />
              ) : null
            }
          />
        )}
      </QueryState>
    </div>
  );
}

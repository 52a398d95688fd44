import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { Failure } from '@shared/errors';
import type { Draft, Note } from '@shared/notes';
import { roleHolds } from '@shared/roles';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { usePendingFocus } from '../../components/usePendingFocus';
import { today } from '@shared/days';
import { formatDay, formatWhen } from '../../i18n/format';
import { NoteForm } from './NoteForm';
import { emptyForm, formFromDraft, formFromNote, type NoteFormState } from './noteForm';
import { NoteList } from './NoteList';
import { NoteVersions } from './NoteVersions';
import './notes.css';

interface OpenForm {
  /** The note being edited, or null for a new one. */
  note: Note | null;
  initial: NoteFormState;
  restored: { id: string; at: string } | null;
}

/** What the tab shows, fetched together: drafts and the consent only for those who may write notes. */
async function fetchTab(participantId: string, mayWrite: boolean) {
  const [list, own, register] = await Promise.all([
    invoke('notes.list', { participantId }),
    mayWrite ? invoke('notes.drafts', { participantId }) : null,
    mayWrite ? invoke('consents.list', { participantId }) : null,
  ]);
  return { list, own, register };
}
type Loaded = Awaited<ReturnType<typeof fetchTab>>;

/** Whether the participant's consent to processing allows writing: known missing, in force, or not known. */
type ConsentState = 'allows' | 'missing' | 'unknown';

/**
 * A participant's guidance notes: the list, newest first, a form for a new note or an edit, the versions of an
 * edited note, and the writer's unsaved drafts offered back when the tab opens. Readers who may not write notes
 * (psychologists) see the list and versions only.
 */
export function NotesTab({ session, participantId }: { session: SessionInfo; participantId: string }) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const mayWrite = roleHolds(session.role, 'notes.write');
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [consent, setConsent] = useState<ConsentState>('unknown');
  const [open, setOpen] = useState<OpenForm | null>(null);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const canWrite = mayWrite && consent !== 'missing';

  /** Applies what was fetched: the notes, the writer's drafts, and whether consent allows writing. */
  const show = useCallback((loaded: Loaded) => {
    if (loaded.list.ok) setNotes(loaded.list.value.notes);
    else setFailure(loaded.list);
    if (loaded.own?.ok) setDrafts(loaded.own.value.drafts);
    if (loaded.register?.ok) {
      const standing = loaded.register.value.purposes.find((p) => p.purpose === 'processing')?.standing;
      setConsent(standing === 'consent' || standing === 'override' ? 'allows' : 'missing');
    }
  }, []);

  useEffect(() => {
    let live = true;
    void fetchTab(participantId, mayWrite).then((loaded) => {
      if (live) show(loaded);
    });
    return () => {
      live = false;
    };
  }, [participantId, mayWrite, show]);

  const load = () => void fetchTab(participantId, mayWrite).then(show);

  function startNew() {
    setNotice(null);
    setVersionsOf(null);
    setOpen({ note: null, initial: emptyForm(today()), restored: null });
  }

  function startEdit(note: Note) {
    setNotice(null);
    setVersionsOf(null);
    const draft = drafts.find((d) => d.noteId === note.id);
    setOpen(
      draft
        ? { note, initial: formFromDraft(draft.fields, formFromNote(note)), restored: { id: draft.id, at: draft.updatedAt } }
        : { note, initial: formFromNote(note), restored: null },
    );
  }

  function continueDraft(draft: Draft) {
    const note = draft.noteId === null ? null : (notes?.find((n) => n.id === draft.noteId) ?? null);
    if (draft.noteId !== null && !note) return;
    setNotice(null);
    setVersionsOf(null);
    const base = note ? formFromNote(note) : emptyForm(today());
    setOpen({ note, initial: formFromDraft(draft.fields, base), restored: { id: draft.id, at: draft.updatedAt } });
  }

  async function discardDraft(draft: Draft) {
    const result = await invoke('notes.discardDraft', { id: draft.id });
    if (!result.ok && result.code !== 'not_found') return setFailure(result);
    setDrafts((current) => current.filter((d) => d.id !== draft.id));
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
    setNotes((current) => current?.map((n) => (n.id === note.id ? result.value.note : n)) ?? null);
    setNotice(t(done ? 'notes.list.markedDone' : 'notes.list.markedOpen'));
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
      {mayWrite && consent === 'missing' ? <p className="notice notice-warning">{t('errors.consent_required')}</p> : null}
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
      {notes === null ? (
        failure ? null : (
          <p role="status" className="loading">
            {t('notes.loading')}
          </p>
        )
      ) : (
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
    </div>
  );
}

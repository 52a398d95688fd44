import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { cancelDraftSave, saveDraftNow, scheduleDraftSave } from './drafts';
import type { NoteFormState } from './noteForm';

export type DraftStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'failed'; failure: Failure };

/** The registry key of a draft: one per participant and note being edited, or "new". */
export const draftKey = (participantId: string, noteId: string | null) => `${participantId}:${noteId ?? 'new'}`;

/**
 * Autosave of one note form into the caller's draft: `changed` after each edit (saved ~1.5 s after the last
 * one), `flush` when a field loses focus, `discard` to drop it. Saves outlive the form (see drafts.ts).
 */
export function useDraftAutosave(participantId: string, noteId: string | null, restoredDraftId: string | null) {
  const key = draftKey(participantId, noteId);
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const draftId = useRef<string | null>(restoredDraftId);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const changed = useCallback(
    (fields: NoteFormState) =>
      scheduleDraftSave(key, async () => {
        if (mounted.current) setStatus({ state: 'saving' });
        const result = await invoke('notes.saveDraft', noteId ? { participantId, noteId, fields } : { participantId, fields });
        if (result.ok) draftId.current = result.value.draft.id;
        if (mounted.current)
          setStatus(result.ok ? { state: 'saved', at: result.value.draft.updatedAt } : { state: 'failed', failure: result });
      }),
    [key, participantId, noteId],
  );

  const flush = useCallback(() => saveDraftNow(key), [key]);

  /** Stops autosaving before the note itself is saved (which deletes the draft on the main side). */
  const stop = useCallback(() => cancelDraftSave(key), [key]);

  const discard = useCallback(async () => {
    await cancelDraftSave(key);
    const id = draftId.current;
    draftId.current = null;
    if (id) await invoke('notes.discardDraft', { id });
  }, [key]);

  return { status, changed, flush, stop, discard };
}

import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SummaryEntry, FullEntry } from '@shared/psychosocial';
import { StatusMessage } from '../../components/ErrorMessage';
import { invalidateChannels } from '../../api/query';
import { QueryState } from '../../components/QueryState';
import { usePendingFocus } from '../../components/usePendingFocus';
import { useCan } from '../../shell/session';
import { EntryCard } from './EntryCard';
import { EntryEditor } from './EntryEditor';
import { emptyForm, formOf } from './entryForm';
import { today } from '@shared/days';
import { formatDay } from '../../i18n/format';
import { entriesQuery } from './queries';
import './psychosocial.css';

/** Which form is open: a new meeting, or the edit of one entry. */
type Editing = { kind: 'new' } | { kind: 'edit'; entry: FullEntry } | null;

/**
 * A participant's psychosocial support log. Psychologists see every field, private notes included (closed until
 * asked for), and add and edit meetings; the caseworker and the coordinator see the meetings without the private
 * notes, which the main side never sends them, with a word on why.
 */
export function PsychosocialTab({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const client = useQueryClient();
  const query = useQuery(entriesQuery(participantId));
  const list = query.data ?? null;
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = useCan('psychosocial.write');

  const full = list?.view === 'full';
  // Editing replaces the whole entry, private notes included: only a reader of the full view may do it.
  const canEdit = canWrite && full;

  function open(next: Editing) {
    setNotice(null);
    setEditing(next);
  }

  function close(focusKey: string) {
    setEditing(null);
    focusLater(focusKey);
  }

  function saved(message: string, focusKey: string) {
    setEditing(null);
    setNotice(message);
    void invalidateChannels(client, 'psychosocial', 'timeline.participant');
    focusLater(focusKey);
  }

  const entries: (FullEntry | SummaryEntry)[] = list?.entries ?? [];
  const editor = (entry: FullEntry | SummaryEntry) => {
    if (editing?.kind !== 'edit' || editing.entry.id !== entry.id) return null;
    const date = formatDay(entry.date, 'long');
    return (
      <EntryEditor
        participantId={participantId}
        target={{ id: entry.id }}
        initial={formOf(editing.entry)}
        privateSealed={editing.entry.privateSealed === true}
        title={t('psychosocial.edit.title', { date })}
        submitLabel={t('psychosocial.edit.submit')}
        onSaved={(changed) => saved(t(changed ? 'psychosocial.edit.done' : 'psychosocial.edit.unchanged'), `entry:${entry.id}`)}
        onCancel={() => close(`edit:${entry.id}`)}
      />
    );
  };

  return (
    <div ref={root} className="psychosocial-tab">
      <h2>{t('psychosocial.title')}</h2>
      {list && !full ? (
        <p className="notice notice-info">{t('psychosocial.intro.reader')}</p>
      ) : (
        <p>{t('psychosocial.intro.psychologist')}</p>
      )}
      <StatusMessage tone="success">{notice}</StatusMessage>
      {canEdit ? (
        editing?.kind === 'new' ? (
          <EntryEditor
            participantId={participantId}
            target={{ participantId }}
            initial={emptyForm(today())}
            title={t('psychosocial.add.title')}
            submitLabel={t('psychosocial.add.submit')}
            onSaved={() => saved(t('psychosocial.add.done'), 'list')}
            onCancel={() => close('add')}
          />
        ) : (
          <div className="actions psy-add">
            <button type="button" className="button button-primary" data-focus-key="add" onClick={() => open({ kind: 'new' })}>
              {t('psychosocial.add.open')}
            </button>
          </div>
        )
      ) : null}
      <QueryState query={query} loading={t('psychosocial.loading')}>
        {() => (
          <>
            <h3 className="psy-list-heading" data-focus-key="list" tabIndex={-1}>
              {t('psychosocial.list.title', { count: entries.length })}
            </h3>
            {entries.length === 0 ? (
              <p>{t('psychosocial.list.empty')}</p>
            ) : (
              <ol className="psy-entries">
                {entries.map((entry) => (
                  <EntryCard
                    key={entry.id}
                    entry={entry}
                    canEdit={canEdit}
                    onEdit={() => {
                      if ('privateNotes' in entry) open({ kind: 'edit', entry });
                    }}
                    editor={editor(entry)}
                  />
                ))}
              </ol>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

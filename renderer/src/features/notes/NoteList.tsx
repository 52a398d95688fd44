import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '@shared/notes';
import { today } from '@shared/days';
import { formatDay } from '../../i18n/format';
import { foldedText } from './fold';

interface NoteListProps {
  notes: readonly Note[];
  /** Whether the reader may edit notes and tick follow-ups (and the participant's consent allows it). */
  canWrite: boolean;
  /** The note whose versions are shown. */
  versionsOf: string | null;
  /** The note being edited (its form is its detail). */
  editing: string | null;
  onEdit: (note: Note) => void;
  onToggleVersions: (note: Note) => void;
  onFollowUpDone: (note: Note, done: boolean) => void;
  /** What is shown under a note while its versions are open, or while it is being edited. */
  detail: (note: Note) => ReactNode;
}

type NoteItemProps = Omit<NoteListProps, 'notes' | 'versionsOf' | 'editing'> & {
  note: Note;
  versionsOpen: boolean;
  isEdited: boolean;
};

function NoteItem({ note, canWrite, versionsOpen, isEdited, onEdit, onToggleVersions, onFollowUpDone, detail }: NoteItemProps) {
  const { t } = useTranslation();
  const id = useId();
  const date = formatDay(note.date);
  const type = t(`notes.types.${note.type}`);
  const followUp = note.followUp;
  const overdue = followUp !== null && !followUp.done && followUp.due < today();
  const folded = foldedText(note.text);
  const [unfolded, setUnfolded] = useState(false);
  const followUpText = followUp ? (
    <>
      {t(followUp.done ? 'notes.list.followUpDone' : 'notes.list.followUpOpen', {
        task: followUp.task,
        due: formatDay(followUp.due),
        owner: followUp.ownerName ?? t('notes.list.unknownAuthor'),
      })}
      {overdue ? <strong className="note-overdue"> {t('notes.list.overdue')}</strong> : null}
    </>
  ) : null;
  return (
    <article className="note" aria-labelledby={`${id}-title`}>
      <header className="note-header">
        <h2 id={`${id}-title`} tabIndex={-1} data-focus-key={`note:${note.id}`}>
          {date} · {type}
        </h2>
        <p className="note-meta">
          {t('notes.list.author', { name: note.createdByName ?? t('notes.list.unknownAuthor') })}
          {note.version > 1 ? (
            <>
              {' · '}
              <button
                type="button"
                className="button-link"
                aria-expanded={versionsOpen}
                data-focus-key={`versions:${note.id}`}
                aria-label={t('notes.list.editedFor', { date, versions: note.version })}
                onClick={() => onToggleVersions(note)}
              >
                {t('notes.list.edited', { versions: note.version })}
              </button>
            </>
          ) : null}
        </p>
      </header>
      <p className="note-text" id={`${id}-text`}>
        {folded !== null && !unfolded ? folded : note.text}
      </p>
      {folded !== null ? (
        <button
          type="button"
          className="button-link note-fold"
          aria-expanded={unfolded}
          aria-controls={`${id}-text`}
          aria-label={t(unfolded ? 'notes.list.showLessFor' : 'notes.list.showMoreFor', { date })}
          onClick={() => setUnfolded((open) => !open)}
        >
          {t(unfolded ? 'notes.list.showLess' : 'notes.list.showMore')}
        </button>
      ) : null}
      {note.topics.length + note.tags.length > 0 ? (
        <div className="note-tags">
          <span className="visually-hidden">{t('notes.list.topics')}: </span>
          <ul>
            {note.topics.map((topic) => (
              <li key={topic} className="note-tag note-tag-goal">
                {t(`notes.topics.${topic}`)}
              </li>
            ))}
            {note.tags.map((tag) => (
              <li key={tag} className="note-tag">
                {tag}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {followUp ? (
        <div className={overdue ? 'note-follow-up note-follow-up-overdue' : 'note-follow-up'}>
          <p>{followUpText}</p>
          {canWrite ? (
            <span className="note-follow-up-done">
              <input
                type="checkbox"
                id={`${id}-done`}
                checked={followUp.done}
                aria-label={t('notes.list.markDoneFor', { task: followUp.task })}
                onChange={(e) => onFollowUpDone(note, e.target.checked)}
              />
              <label htmlFor={`${id}-done`}>{t('notes.list.markDone')}</label>
            </span>
          ) : null}
        </div>
      ) : null}
      {canWrite && !isEdited ? (
        <div className="actions note-actions">
          <button
            type="button"
            className="button button-small button-secondary"
            data-focus-key={`edit:${note.id}`}
            aria-label={t('notes.list.editFor', { date })}
            onClick={() => onEdit(note)}
          >
            {t('notes.list.edit')}
          </button>
        </div>
      ) : null}
      {detail(note)}
    </article>
  );
}

/** A participant's notes, newest first: date, type, author, the text, goals and tags, and the follow-up task. */
export function NoteList({ notes, versionsOf, editing, ...rest }: NoteListProps) {
  const { t } = useTranslation();
  if (notes.length === 0) return <p className="notes-empty">{t('notes.list.empty')}</p>;
  return (
    <ol className="notes-list" aria-label={t('notes.list.label')}>
      {notes.map((note) => (
        <li key={note.id}>
          <NoteItem note={note} versionsOpen={versionsOf === note.id} isEdited={editing === note.id} {...rest} />
        </li>
      ))}
    </ol>
  );
}

import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FullEntry, SummaryEntry } from '@shared/psychosocial';
import { EntryFacts } from './EntryFacts';
import { EntryVersions } from './EntryVersions';
import { formatDay, formatMoment } from '../../i18n/format';
import { PrivateNotes } from './PrivateNotes';

interface EntryCardProps {
  /** With private notes only in the psychologists' (full) view. */
  entry: FullEntry | SummaryEntry;
  canEdit: boolean;
  onEdit: () => void;
  /** The edit form, shown in place of the entry while it is being edited. */
  editor: ReactNode;
}

/** One meeting of the log: its day and kind as a heading, the shared facts, and for psychologists the private notes. */
export function EntryCard({ entry, canEdit, onEdit, editor }: EntryCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const versionsId = useId();
  const [versionsOpen, setVersionsOpen] = useState(false);
  const someone = t('psychosocial.entry.someone');
  const day = formatDay(entry.date, 'long');
  const kind = t(`psychosocial.kinds.${entry.kind}`);
  if (editor) return <li className="psy-entry psy-entry-editing">{editor}</li>;
  return (
    <li className="psy-entry">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} tabIndex={-1} data-focus-key={`entry:${entry.id}`}>
          {t('psychosocial.entry.heading', { date: day, kind })}
        </h3>
        <EntryFacts {...entry} />
        {'privateNotes' in entry ? <PrivateNotes notes={entry.privateNotes} sealed={entry.privateSealed === true} /> : null}
        <p className="psy-meta">
          {t('psychosocial.entry.recordedBy', { name: entry.createdByName ?? someone })}
          {entry.version > 1
            ? ` · ${t('psychosocial.entry.editedBy', {
                when: formatMoment(entry.updatedAt),
                name: entry.updatedByName ?? someone,
              })}`
            : null}
        </p>
        {canEdit || entry.version > 1 ? (
          <div className="psy-entry-actions">
            {canEdit ? (
              <button
                type="button"
                className="button button-small button-secondary"
                data-focus-key={`edit:${entry.id}`}
                aria-label={t('psychosocial.edit.openFor', { date: day })}
                onClick={onEdit}
              >
                {t('psychosocial.edit.open')}
              </button>
            ) : null}
            {entry.version > 1 ? (
              <button
                type="button"
                className="button button-small button-quiet"
                aria-expanded={versionsOpen}
                aria-controls={versionsOpen ? versionsId : undefined}
                onClick={() => setVersionsOpen((was) => !was)}
              >
                {versionsOpen ? t('psychosocial.versions.hide') : t('psychosocial.versions.show', { count: entry.version - 1 })}
              </button>
            ) : null}
          </div>
        ) : null}
        {versionsOpen ? (
          <div id={versionsId}>
            <EntryVersions id={entry.id} headingId={headingId} />
          </div>
        ) : null}
      </article>
    </li>
  );
}

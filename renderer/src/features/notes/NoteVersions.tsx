import { useEffect, useId, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NoteVersion } from '@shared/notes';
import { QueryState } from '../../components/QueryState';
import { useEscape } from '../../components/useEscape';
import { formatWhen, formatDay } from '../../i18n/format';
import { noteVersionsQuery } from './queries';

type Field = 'date' | 'type' | 'topics' | 'tags' | 'text' | 'followUp';
const FIELDS: readonly Field[] = ['date', 'type', 'topics', 'tags', 'text', 'followUp'];

/** The fields of `version` that differ from the version before it. */
function changedFields(version: NoteVersion, before: NoteVersion | undefined): Set<Field> {
  if (!before) return new Set();
  return new Set(FIELDS.filter((field) => JSON.stringify(version[field]) !== JSON.stringify(before[field])));
}

/** Every version of a note, the current one first, each with who saved it and when, and what it changed. */
export function NoteVersions({ noteId, onClose }: { noteId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const query = useQuery(noteVersionsQuery(noteId));
  const versions = query.data?.versions ?? null;
  useEscape(root, onClose);

  useEffect(() => {
    if (versions) root.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [versions]);

  const mark = (changed: Set<Field>, field: Field) =>
    changed.has(field) ? <span className="note-changed"> ({t('notes.versions.changed')})</span> : null;

  return (
    <div ref={root} className="note-versions" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1}>
        {t('notes.versions.title')}
      </h3>
      <QueryState query={query} loading={t('notes.versions.loading')}>
        {({ versions }) => (
          <ol className="note-version-list">
            {versions.map((version, index) => {
              const changed = changedFields(version, versions[index + 1]);
              return (
                <li key={version.version}>
                  <p className="note-version-head">
                    <strong>
                      {index === 0
                        ? t('notes.versions.current', { number: version.version })
                        : t('notes.versions.version', { number: version.version })}
                    </strong>{' '}
                    {t('notes.versions.savedBy', {
                      when: formatWhen(version.savedAt),
                      name: version.savedByName ?? t('notes.list.unknownAuthor'),
                    })}
                  </p>
                  <dl className="note-version-fields">
                    <dt>{t('notes.form.date')}</dt>
                    <dd>
                      {formatDay(version.date)}
                      {mark(changed, 'date')}
                    </dd>
                    <dt>{t('notes.form.type')}</dt>
                    <dd>
                      {t(`notes.types.${version.type}`)}
                      {mark(changed, 'type')}
                    </dd>
                    <dt>{t('notes.list.topics')}</dt>
                    <dd>
                      {[...version.topics.map((topic) => t(`notes.topics.${topic}`)), ...version.tags].join(', ') || '–'}
                      {mark(changed, 'topics') ?? mark(changed, 'tags')}
                    </dd>
                    <dt>{t('notes.form.text')}</dt>
                    <dd className="note-text">
                      {version.text}
                      {mark(changed, 'text')}
                    </dd>
                    <dt>{t('notes.form.followUpTask')}</dt>
                    <dd>
                      {version.followUp
                        ? t(version.followUp.done ? 'notes.list.followUpDone' : 'notes.list.followUpOpen', {
                            task: version.followUp.task,
                            due: formatDay(version.followUp.due),
                          })
                        : '–'}
                      {mark(changed, 'followUp')}
                    </dd>
                  </dl>
                </li>
              );
            })}
          </ol>
        )}
      </QueryState>
      <div className="actions">
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          {t('notes.versions.close')}
        </button>
      </div>
    </div>
  );
}

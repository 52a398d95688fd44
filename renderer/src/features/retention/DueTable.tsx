import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueFile } from '@shared/retention';

interface DueTableProps {
  files: readonly DueFile[];
  chosen: ReadonlySet<string>;
  /** A calendar day (YYYY-MM-DD) in the interface language. */
  format: (day: string) => string;
  onChoose: (participantIds: readonly string[], chosen: boolean) => void;
}

/** The due files, one row each with its own checkbox, and one checkbox for all of them. */
export function DueTable({ files, chosen, format, onChoose }: DueTableProps) {
  const { t } = useTranslation();
  const all = useRef<HTMLInputElement>(null);
  const chosenHere = files.filter((file) => chosen.has(file.participantId)).length;

  useEffect(() => {
    if (all.current) all.current.indeterminate = chosenHere > 0 && chosenHere < files.length;
  }, [chosenHere, files.length]);

  return (
    <table className="retention-table">
      <caption>{t('retention.due.caption', { count: files.length })}</caption>
      <thead>
        <tr>
          <th scope="col" className="retention-choose">
            <input
              ref={all}
              type="checkbox"
              aria-label={t('retention.due.selectAll')}
              checked={chosenHere === files.length}
              onChange={(event) =>
                onChoose(
                  files.map((file) => file.participantId),
                  event.target.checked,
                )
              }
            />
          </th>
          <th scope="col">{t('retention.due.pseudonym')}</th>
          <th scope="col">{t('retention.due.closedOn')}</th>
          <th scope="col">{t('retention.due.dueSince')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.participantId}>
            <td className="retention-choose">
              <input
                type="checkbox"
                aria-label={t('retention.due.select', { pseudonym: file.pseudonym })}
                checked={chosen.has(file.participantId)}
                onChange={(event) => onChoose([file.participantId], event.target.checked)}
              />
            </td>
            <th scope="row">{file.pseudonym}</th>
            <td>{format(file.closedOn)}</td>
            <td>{format(file.dueSince)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

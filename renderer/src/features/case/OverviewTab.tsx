import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Participant } from '@shared/participants';
import { StatusMessage } from '../../components/ErrorMessage';
import { useCan } from '../../shell/session';
import { ExportSection } from '../handover/ExportSection';
import { EditParticipantForm } from '../participants/EditParticipantForm';
import { StatusControl } from '../participants/StatusControl';
import { CohortSection } from './CohortSection';
import { DeleteParticipantDialog } from './DeleteParticipantDialog';
import { ParticipantDetails } from './ParticipantDetails';

interface OverviewTabProps {
  participant: Participant;
  onChanged: (participant: Participant) => void;
  onDeleted: () => void;
}

/**
 * The participant's details to read, with Edit for those who may change them, the status, and (coordinator only)
 * deleting the whole file.
 */
export function OverviewTab({ participant, onChanged, onDeleted }: OverviewTabProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [returnFocus, setReturnFocus] = useState<'edit' | 'delete' | null>(null);
  const canWrite = useCan('participants.write');
  const canDelete = useCan('participants.delete');

  useEffect(() => {
    if (returnFocus === 'edit') editButton.current?.focus();
    if (returnFocus === 'delete') deleteButton.current?.focus();
  }, [returnFocus]);

  function closeEdit(message: string | null) {
    setEditing(false);
    setNotice(message);
    setReturnFocus('edit');
  }

  return (
    <div className="overview">
      {editing ? (
        <div className="card">
          <EditParticipantForm
            participant={participant}
            onSaved={(saved, changed) => {
              if (changed.length > 0) onChanged(saved);
              closeEdit(t(changed.length > 0 ? 'case.overview.saved' : 'case.overview.nothingChanged'));
            }}
            onCancel={() => closeEdit(null)}
          />
        </div>
      ) : (
        <section className="card" aria-labelledby={headingId}>
          <div className="card-header">
            <h2 id={headingId}>{t('case.overview.title')}</h2>
            {canWrite ? (
              <button
                ref={editButton}
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setNotice(null);
                  setReturnFocus(null);
                  setEditing(true);
                }}
              >
                {t('case.overview.edit')}
              </button>
            ) : null}
          </div>
          <StatusMessage tone="success">{notice}</StatusMessage>
          <ParticipantDetails participant={participant} />
        </section>
      )}
      {editing ? null : <StatusControl participant={participant} canChange={canWrite} onChanged={onChanged} />}
      {editing ? null : <CohortSection participantId={participant.id} canChange={canWrite} />}
      {editing ? null : <ExportSection participant={participant} />}
      {canDelete && !editing ? (
        <section className="card danger-zone" aria-labelledby={`${headingId}-delete`}>
          <h2 id={`${headingId}-delete`}>{t('case.delete.sectionTitle')}</h2>
          <p>{t('case.delete.sectionIntro')}</p>
          <button
            ref={deleteButton}
            type="button"
            className="button button-danger-quiet"
            aria-haspopup="dialog"
            onClick={() => {
              setReturnFocus(null);
              setDeleting(true);
            }}
          >
            {t('case.delete.open')}
          </button>
        </section>
      ) : null}
      {deleting ? (
        <DeleteParticipantDialog
          participantId={participant.id}
          onDeleted={onDeleted}
          onClose={() => {
            setDeleting(false);
            setReturnFocus('delete');
          }}
        />
      ) : null}
    </div>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Participant } from '@shared/participants';
import { StatusMessage } from '../../components/ErrorMessage';
import { useCan } from '../../shell/session';
import { ExportSection } from '../handover/ExportSection';
import { FunderDataSection } from '../participation/FunderDataSection';
import { EditParticipantForm } from '../participants/EditParticipantForm';
import { StatusControl } from '../participants/StatusControl';
import type { CaseTab } from './caseTabs';
import { CohortSection } from './CohortSection';
import { DeleteParticipantDialog } from './DeleteParticipantDialog';
import { ParticipantDetails } from './ParticipantDetails';
import { ParticipantGlance } from './ParticipantGlance';

interface OverviewTabProps {
  participant: Participant;
  onChanged: (participant: Participant) => void;
  onDeleted: () => void;
  /** Whether this tab is the one shown (the overview is read again each time it is). */
  active: boolean;
  /** The file was opened for its funder data (Today's six-month follow-ups): that part opens with focus on it. */
  openFunderData?: boolean;
  /** The tabs of the file the reader may open, and the way to one of them. */
  tabs: readonly CaseTab[];
  /** Opens a tab; with a draft's id, the notes tab with that draft in the note form. */
  onOpenTab: (tab: CaseTab, openRecord?: string) => void;
}

/**
 * The file at a glance (flags, consents, group and attendance, follow-ups, the latest note, drafts), then the
 * status, the group, the funder's data (folded) and the export; the base data folded under "Details" with Edit for those who may change them;
 * and at the bottom, folded too, deleting the whole file (coordinator only).
 */
export function OverviewTab({
  participant,
  onChanged,
  onDeleted,
  active,
  openFunderData = false,
  tabs,
  onOpenTab,
}: OverviewTabProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [returnFocus, setReturnFocus] = useState<'edit' | 'delete' | null>(null);
  const [basicsOpen, setBasicsOpen] = useState(false);
  const groupSection = useRef<HTMLDivElement>(null);
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

  function showGroup() {
    const heading = groupSection.current?.querySelector('h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
    heading?.scrollIntoView({ block: 'start' });
  }

  return (
    <div className="overview">
      {editing ? null : (
        <ParticipantGlance
          participantId={participant.id}
          active={active}
          tabs={tabs}
          onOpenTab={onOpenTab}
          onShowGroup={showGroup}
        />
      )}
      {editing ? null : <StatusControl participant={participant} canChange={canWrite} onChanged={onChanged} />}
      {editing ? null : (
        <div ref={groupSection}>
          <CohortSection participantId={participant.id} canChange={canWrite} />
        </div>
      )}
      {editing ? null : <FunderDataSection participantId={participant.id} openAtStart={openFunderData} />}
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
        <details className="card basics" open={basicsOpen} onToggle={(event) => setBasicsOpen(event.currentTarget.open)}>
          <summary>
            <h2 id={headingId}>{t('case.overview.title')}</h2>
            <span className="field-hint">{t('case.overview.basicsHint')}</span>
          </summary>
          <section aria-labelledby={headingId}>
            {canWrite ? (
              <div className="card-header">
                <span />
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
              </div>
            ) : null}
            <StatusMessage tone="success">{notice}</StatusMessage>
            <ParticipantDetails participant={participant} />
          </section>
        </details>
      )}
      {editing ? null : <ExportSection participant={participant} />}
      {canDelete && !editing ? (
        <details className="card danger-zone">
          <summary>
            <h2>{t('case.delete.sectionTitle')}</h2>
          </summary>
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
        </details>
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

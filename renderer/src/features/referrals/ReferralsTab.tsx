import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Referral } from '@shared/referrals';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { usePendingFocus } from '../../components/usePendingFocus';
import { useCan } from '../../shell/session';
import { ReferralDetail } from './ReferralDetail';
import { ReferralForm } from './ReferralForm';
import { ReferralTable } from './ReferralTable';
import { referralsQuery } from './queries';
import './referrals.css';

/** What is open under the list: a new draft's form, a draft's edit, or one referral's detail. */
type Open = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'detail'; id: string } | null;

/**
 * A participant's referrals onward: the list, newest first, one referral's detail with its history and the moves
 * its status allows, and the draft form. Psychologists read; the coordinator and caseworkers also write. The
 * consent gate is the main side's: a refused send says what is missing and where to put it right.
 */
export function ReferralsTab({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const mayWrite = useCan('referrals.write');
  const query = useQuery(referralsQuery(participantId));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function show(next: Open, focus: string) {
    setOpen(next);
    focusLater(focus);
  }

  function saved(referral: Referral) {
    setNotice(t('referrals.form.saved'));
    show({ kind: 'detail', id: referral.id }, `detail:${referral.id}`);
  }

  const shownId = open && open.kind !== 'new' ? open.id : null;

  return (
    <div ref={root} className="referrals-tab">
      {!mayWrite ? <p className="field-hint">{t('referrals.tab.readOnly')}</p> : null}
      <StatusMessage tone="success">{notice}</StatusMessage>
      {open?.kind === 'new' ? (
        <ReferralForm participantId={participantId} referral={null} onSaved={saved} onClose={() => show(null, 'new')} />
      ) : mayWrite ? (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            data-focus-key="new"
            onClick={() => {
              setNotice(null);
              setOpen({ kind: 'new' });
            }}
          >
            {t('referrals.tab.new')}
          </button>
        </div>
      ) : null}
      <QueryState query={query} loading={t('referrals.tab.loading')}>
        {({ referrals }) => {
          const shown = referrals.find((r) => r.id === shownId) ?? null;
          return referrals.length === 0 ? (
            <p className="detail-empty">{t('referrals.tab.empty')}</p>
          ) : (
            <>
              <ReferralTable
                referrals={referrals}
                openId={shownId}
                onOpen={(r) => {
                  setNotice(null);
                  show({ kind: 'detail', id: r.id }, `detail:${r.id}`);
                }}
              />
              {shown && open?.kind === 'edit' ? (
                <ReferralForm
                  participantId={participantId}
                  referral={shown}
                  onSaved={saved}
                  onClose={() => show({ kind: 'detail', id: shown.id }, `detail:${shown.id}`)}
                />
              ) : shown ? (
                <ReferralDetail
                  referral={shown}
                  canWrite={mayWrite}
                  onEdit={() => {
                    setNotice(null);
                    setOpen({ kind: 'edit', id: shown.id });
                  }}
                  onClose={() => show(null, `open:${shown.id}`)}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

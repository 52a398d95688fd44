import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_STATUSES, type Referral, type ReferralEvent, type TargetStatus } from '@shared/referrals';
import { StatusMessage } from '../../components/ErrorMessage';
import { formatDay, formatWhen } from '../../i18n/format';
import { ReferralLetterDialog } from '../print/ReferralLetterDialog';
import { MoveForm } from './MoveForm';
import { MOVE_ACTIONS, movesFrom } from './referralForm';

interface ReferralDetailProps {
  referral: Referral;
  /** Whether the reader may edit the draft and move the referral (referrals.write). */
  canWrite: boolean;
  onEdit: () => void;
  onClose: () => void;
}

function Detail({ label, children, empty = false }: { label: string; children: ReactNode; empty?: boolean }) {
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd className={empty ? 'detail-empty' : 'multiline'}>{children}</dd>
    </div>
  );
}

/**
 * One referral: all its fields (the reason marked internal), what is shared with the receiver, its history, and
 * for a writer the moves its status allows (the shared transition table), each with its own small form.
 */
export function ReferralDetail({ referral, canWrite, onEdit, onClose }: ReferralDetailProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [moving, setMoving] = useState<TargetStatus | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [letterOpen, setLetterOpen] = useState(false);
  const service = t(`referrals.serviceTypes.${referral.serviceType}`);
  const moves = movesFrom(referral.status);
  const partner =
    referral.partnerId === null ? t('referrals.detail.partnerGone', { name: referral.partnerName }) : referral.partnerName;

  return (
    <section className="card referral-detail" aria-labelledby={headingId} tabIndex={-1} data-focus-key={`detail:${referral.id}`}>
      <h2 id={headingId}>{t('referrals.detail.title', { partner: referral.partnerName, service })}</h2>
      <dl className="participant-details">
        <Detail label={t('referrals.detail.status')}>
          {t(`referrals.statuses.${referral.status}`)}
          {referral.overdue ? (
            <>
              {' '}
              <span className="referral-overdue">{t('todayPage.followUps.overdue')}</span>
            </>
          ) : null}
        </Detail>
        <Detail label={t('referrals.detail.partner')}>{partner}</Detail>
        <Detail label={t('referrals.detail.contact')} empty={referral.contactName === null}>
          {referral.contactName ?? t('referrals.detail.noContact')}
        </Detail>
        <Detail label={t('referrals.detail.service')}>{service}</Detail>
        <Detail label={t('referrals.detail.urgency')}>{t(`referrals.urgencies.${referral.urgency}`)}</Detail>
        <Detail label={t('referrals.detail.followUp')} empty={referral.followUpOn === null}>
          {referral.followUpOn ? formatDay(referral.followUpOn) : t('referrals.detail.noFollowUp')}
        </Detail>
      </dl>
      <h3>{t('referrals.detail.reason')}</h3>
      <p className="multiline referral-text">{referral.reason}</p>
      <h3>{t('referrals.detail.message')}</h3>
      <p className={referral.message ? 'multiline referral-text' : 'detail-empty'}>
        {referral.message ?? t('referrals.detail.noMessage')}
      </p>
      <h3>{t('referrals.detail.shared')}</h3>
      {referral.sharedFields.length === 0 ? (
        <p className="detail-empty">{t('referrals.detail.sharedNone')}</p>
      ) : (
        <ul className="referral-shared">
          {referral.sharedFields.map((field) => (
            <li key={field}>{t(`referrals.sharedFields.${field}`)}</li>
          ))}
        </ul>
      )}
      {referral.sharedFields.includes('summary') && referral.summary ? (
        <>
          <h3>{t('referrals.detail.summary')}</h3>
          <p className="multiline referral-text">{referral.summary}</p>
        </>
      ) : null}
      <p className="field-hint referral-created">
        {t('referrals.detail.created', {
          name: referral.createdByName ?? t('referrals.detail.unknownUser'),
          when: formatWhen(referral.createdAt),
        })}
      </p>
      <History events={referral.events} />
      <StatusMessage tone="success">{done}</StatusMessage>
      {canWrite && moves.length > 0 ? (
        <div className="referral-moves">
          <h3>{t('referrals.moves.title')}</h3>
          {moving ? (
            <MoveForm
              key={moving}
              referral={referral}
              to={moving}
              onMoved={(moved) => {
                setMoving(null);
                setDone(t('referrals.moves.done', { status: t(`referrals.statuses.${moved.status}`) }));
              }}
              onCancel={() => setMoving(null)}
            />
          ) : (
            <div className="actions">
              {moves.map((to) => (
                <button
                  key={to}
                  type="button"
                  className={to === 'withdrawn' ? 'button button-secondary' : 'button button-primary'}
                  onClick={() => {
                    setDone(null);
                    setMoving(to);
                  }}
                >
                  {t(`referrals.moves.buttons.${MOVE_ACTIONS[to]}`)}
                </button>
              ))}
            </div>
          )}
        </div>
      ) : canWrite ? (
        <p className="field-hint">{t('referrals.detail.readOnly')}</p>
      ) : null}
      <div className="actions">
        {canWrite && referral.status === 'draft' && !moving ? (
          <button type="button" className="button button-secondary" onClick={onEdit}>
            {t('referrals.detail.edit')}
          </button>
        ) : null}
        {canWrite && LETTER_STATUSES.has(referral.status) && !moving ? (
          <button type="button" className="button button-secondary" onClick={() => setLetterOpen(true)}>
            {t('referrals.letter.open')}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('referrals.detail.close')}
        </button>
      </div>
      {letterOpen ? (
        <ReferralLetterDialog referralId={referral.id} partnerName={referral.partnerName} onClose={() => setLetterOpen(false)} />
      ) : null}
    </section>
  );
}

/** The referral's steps, oldest first: what it became, on which day, who recorded it, and why or with what outcome. */
function History({ events }: { events: readonly ReferralEvent[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('referrals.detail.history')}</h3>
      <table className="referrals-table referral-history">
        <caption className="visually-hidden">{t('referrals.detail.historyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referrals.detail.historyColumns.status')}</th>
            <th scope="col">{t('referrals.detail.historyColumns.date')}</th>
            <th scope="col">{t('referrals.detail.historyColumns.by')}</th>
            <th scope="col">{t('referrals.detail.historyColumns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.at + event.status}>
              <th scope="row">{t(`referrals.statuses.${event.status}`)}</th>
              <td>{formatDay(event.date)}</td>
              <td>{event.byName ?? t('referrals.detail.unknownUser')}</td>
              <td className="multiline">
                {[
                  event.standing === 'consent'
                    ? t('referrals.detail.sentUnderConsent')
                    : event.standing === 'override'
                      ? t('referrals.detail.sentUnderOverride')
                      : null,
                  event.reason ? t('referrals.detail.eventReason', { reason: event.reason }) : null,
                  event.outcome
                    ? t('referrals.detail.eventOutcome', { outcome: t(`referrals.outcomes.${event.outcome}`) })
                    : null,
                  event.outcomeText,
                ]
                  .filter((line): line is string => line !== null)
                  .join('\n')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

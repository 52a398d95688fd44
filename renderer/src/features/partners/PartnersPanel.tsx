import { Fragment, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerSummary, Partner } from '@shared/partners';
import { StatusMessage } from '../../components/ErrorMessage';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/QueryState';
import { usePendingFocus } from '../../components/usePendingFocus';
import { useCan } from '../../shell/session';
import { PartnerDetail } from './PartnerDetail';
import { PartnerForm } from './PartnerForm';
import { partnerListQuery, partnerQuery } from './queries';
import './partners.css';

type Open = { kind: 'add' } | { kind: 'edit' | 'show'; id: string } | null;

const COLUMNS = 6;

/**
 * The programme's partner organisations: a table (name, type, contacts, visits, active), a partner's own page
 * opened under its row (notes, contact people, visits), and adding or editing a partner for those who may.
 */
export function PartnersPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const canWrite = useCan('programme.write');
  const query = useQuery(partnerListQuery());
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function close(focusKey: string) {
    setOpen(null);
    focusLater(focusKey);
  }

  function toggle(kind: 'edit' | 'show', partner: PartnerSummary) {
    setNotice(null);
    if (open?.kind === kind && open.id === partner.id) return close(`${kind}:${partner.id}`);
    setOpen({ kind, id: partner.id });
  }

  // The list is refreshed by the save itself (mutations.ts).
  function saved(partner: Partner, added: boolean) {
    setNotice(t(added ? 'partners.add.saved' : 'partners.edit.saved', { name: partner.name }));
    close(added ? `show:${partner.id}` : `edit:${partner.id}`);
  }

  function detail(partner: PartnerSummary) {
    if (open?.kind === 'show') return <PartnerDetail partnerId={partner.id} canWrite={canWrite} />;
    return <PartnerEdit partnerId={partner.id} onSaved={(p) => saved(p, false)} onCancel={() => close(`edit:${partner.id}`)} />;
  }

  return (
    <section ref={root} className="partners-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partners.title')}</h2>
      <p className="lead">{t('partners.intro')}</p>
      {canWrite ? (
        open?.kind === 'add' ? (
          <div className="card partners-add">
            <PartnerForm onSaved={(p) => saved(p, true)} onCancel={() => close('add')} />
          </div>
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              data-focus-key="add"
              onClick={() => {
                setNotice(null);
                setOpen({ kind: 'add' });
              }}
            >
              {t('partners.add.open')}
            </button>
          </div>
        )
      ) : null}
      <StatusMessage tone="success">{notice}</StatusMessage>
      <QueryState query={query} loading={t('partners.loading')} empty={<p className="detail-empty">{t('partners.none')}</p>}>
        {(partners) => (
          <table className="partners-table">
            <caption>{t('partners.caption', { count: partners.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partners.table.name')}</th>
                <th scope="col">{t('partners.table.type')}</th>
                <th scope="col">{t('partners.table.contacts')}</th>
                <th scope="col">{t('partners.table.visits')}</th>
                <th scope="col">{t('partners.table.active')}</th>
                <th scope="col">{canWrite ? t('partners.table.actions') : <span className="visually-hidden">–</span>}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((partner) => {
                const name = partner.name;
                const here = open !== null && open.kind !== 'add' && open.id === partner.id ? open.kind : null;
                const detailId = `partner-detail-${partner.id}`;
                return (
                  <Fragment key={partner.id}>
                    <tr className={partner.active ? 'partners-row' : 'partners-row partners-row-inactive'}>
                      <th scope="row">
                        <button
                          type="button"
                          className="button-link"
                          data-focus-key={`show:${partner.id}`}
                          aria-expanded={here === 'show'}
                          aria-controls={here === 'show' ? detailId : undefined}
                          aria-label={t(here === 'show' ? 'partners.table.hide' : 'partners.table.show', { name })}
                          onClick={() => toggle('show', partner)}
                        >
                          {name}
                        </button>
                      </th>
                      <td>{t(`partners.types.${partner.type}`)}</td>
                      <td>{partner.contacts}</td>
                      <td>{partner.visits}</td>
                      <td>{t(partner.active ? 'partners.table.yes' : 'partners.table.no')}</td>
                      <td>
                        {canWrite ? (
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            data-focus-key={`edit:${partner.id}`}
                            aria-label={t('partners.edit.openFor', { name })}
                            aria-expanded={here === 'edit'}
                            aria-controls={here === 'edit' ? detailId : undefined}
                            onClick={() => toggle('edit', partner)}
                          >
                            {t('partners.edit.open')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                    {here ? (
                      <tr id={detailId} className="partners-detail-row">
                        <td colSpan={COLUMNS}>{detail(partner)}</td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}

/** The edit form of one partner, which needs the partner's notes that the list leaves out. */
function PartnerEdit({
  partnerId,
  onSaved,
  onCancel,
}: {
  partnerId: string;
  onSaved: (partner: Partner) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const query = useQuery(partnerQuery(partnerId));
  return (
    <QueryState query={query} loading={t('partners.loading')}>
      {(partner) => <PartnerForm partner={partner} onSaved={onSaved} onCancel={onCancel} />}
    </QueryState>
  );
}

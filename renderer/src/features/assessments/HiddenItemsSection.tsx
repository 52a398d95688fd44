import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_DOMAINS, type Instrument } from '@shared/assessments';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useChannelAction } from '../../components/useChannelAction';
import { instrumentQuery } from './queries';
import { wordingIn } from './wording';
import './hidden-items.css';

/**
 * The coordinator's list of the current version's items, domain by domain in the interface language, each with a
 * button that hides it from new assessments or shows it again (`assessments.hideItem`). Nothing is deleted: an
 * assessment that answered a hidden item keeps the answer and shows it.
 */
export function HiddenItemsSection() {
  const { t } = useTranslation();
  const query = useQuery(instrumentQuery());
  return (
    <Section title={t('assessments.hiding.title')}>
      <p>{t('assessments.hiding.intro')}</p>
      <QueryState query={query}>{({ instrument }) => <ItemList instrument={instrument} />}</QueryState>
    </Section>
  );
}

function ItemList({ instrument }: { instrument: Instrument }) {
  const { t, i18n } = useTranslation();
  const { busy, failure, run } = useChannelAction({ invalidates: ['assessments'] });
  const [said, setSaid] = useState<string | null>(null);
  const [shown, setShown] = useState(instrument);
  const wordsOf = (item: Instrument['items'][number]) => wordingIn(item.wording, i18n.language);

  function toggle(item: Instrument['items'][number]) {
    setSaid(null);
    const hidden = !item.hidden;
    void run('assessments.hideItem', { version: shown.version, itemId: item.id, hidden }, (answer) => {
      setShown(answer.instrument);
      setSaid(t(hidden ? 'assessments.hiding.hidden' : 'assessments.hiding.shown', { item: wordsOf(item) }));
    });
  }

  return (
    <>
      <p className="hidden-items-version">{t('assessments.hiding.version', { version: shown.version })}</p>
      <StatusMessage tone="success">{said}</StatusMessage>
      <ErrorMessage failure={failure} />
      {ASSESSMENT_DOMAINS.map((domain) => {
        const items = shown.items.filter((item) => item.domain === domain);
        if (items.length === 0) return null;
        return (
          <section key={domain} className="hidden-items-domain" aria-labelledby={`hidden-items-${domain}`}>
            <h4 id={`hidden-items-${domain}`}>{t(`assessments.domains.${domain}`)}</h4>
            <ul className="hidden-items-list">
              {items.map((item) => (
                <li key={item.id} className={item.hidden ? 'hidden-item-off' : undefined}>
                  <span className="hidden-item-wording">{wordsOf(item)}</span>
                  {item.hidden ? <span className="hidden-item-tag">{t('assessments.hiding.hiddenTag')}</span> : null}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={t(item.hidden ? 'assessments.hiding.showOf' : 'assessments.hiding.hideOf', {
                      item: wordsOf(item),
                    })}
                    aria-disabled={busy || undefined}
                    onClick={() => toggle(item)}
                  >
                    {t(item.hidden ? 'assessments.hiding.show' : 'assessments.hiding.hide')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { Section } from '../../components/Section';
import { formatNumber } from '../../i18n/format';

/** On the coordinator's start page: how many closed files are due for deletion, and the way to them. */
export function DueNotice({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);

  useEffect(() => {
    let current = true;
    void invoke('retention.due', {}).then((result) => {
      if (current && result.ok) setCount(result.value.files.length);
    });
    return () => {
      current = false;
    };
  }, []);

  if (count === 0) return null;
  return (
    <Section title={t('retention.home.title')}>
      <p>{t('retention.home.due', { count, formatted: formatNumber(count) })}</p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onOpen}>
          {t('retention.home.open')}
        </button>
      </div>
    </Section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageChooser } from '../components/LanguageChooser';

/** The frame of every screen shown while Polku is locked: the name, the language menu, the screen. */
export function LockedLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="locked-layout">
      <header className="locked-header">
        <p className="brand">{t('app.name')}</p>
        <LanguageChooser />
      </header>
      <main className="locked-main">{children}</main>
    </div>
  );
}

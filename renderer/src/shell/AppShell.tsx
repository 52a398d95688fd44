import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import { useSession } from './session';
import { roleHolds } from '@shared/roles';
import { lockShortcutLabel } from './useSessionGuards';
import { reportTabsFor } from '../features/reports/reportTabs';

export type Page = 'home' | 'participants' | 'referrals' | 'programme' | 'reports' | 'search' | 'audit' | 'staff' | 'settings';

/** The pages a role may open, in menu order; the main side enforces the same through the permission matrix. */
export function pagesFor(role: SessionInfo['role']): Page[] {
  const pages: Page[] = ['home', 'participants'];
  if (roleHolds(role, 'referrals.read')) pages.push('referrals');
  if (roleHolds(role, 'programme.read')) pages.push('programme');
  if (reportTabsFor(role).length > 0) pages.push('reports');
  if (roleHolds(role, 'notes.read')) pages.push('search');
  if (roleHolds(role, 'audit.read')) pages.push('audit');
  if (roleHolds(role, 'users.manage')) pages.push('staff');
  pages.push('settings');
  return pages;
}

interface AppShellProps {
  /** The page shown, or null on screens that must be finished first (no navigation then). */
  page: Page | null;
  onNavigate: (page: Page) => void;
  onLock: () => void;
  children: ReactNode;
}

/** The frame while unlocked: the name, who is signed in, navigation and the Lock button. */
export function AppShell({ page, onNavigate, onLock, children }: AppShellProps) {
  const { t } = useTranslation();
  const session = useSession();
  const pages = pagesFor(session.role);
  return (
    <div className="app-layout">
      <header className="app-header">
        <p className="brand">{t('app.name')}</p>
        {page ? (
          <nav aria-label={t('shell.navLabel')} className="app-nav">
            <ul>
              {pages.map((p) => (
                <li key={p}>
                  <button
                    type="button"
                    className="nav-link"
                    aria-current={p === page ? 'page' : undefined}
                    onClick={() => onNavigate(p)}
                  >
                    {t(`shell.nav.${p}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <p className="signed-in">
          <span className="visually-hidden">{t('shell.signedInAs')} </span>
          {session.displayName}
          <span className="role">{t(`roles.${session.role}`)}</span>
        </p>
        <button
          type="button"
          className="button button-secondary lock-button"
          onClick={onLock}
          aria-keyshortcuts="Control+L Meta+L"
        >
          {t('shell.lock')}
          <kbd className="shortcut" aria-hidden="true">
            {lockShortcutLabel()}
          </kbd>
        </button>
      </header>
      <main className="app-main">{children}</main>
    </div>
  );
}

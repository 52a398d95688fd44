/**
 * The app's screens, the menu page each belongs to, and the place (shared/place.ts) each is remembered as, so
 * that an unlock takes the user back to it. The renderer keeps no place of its own: it tells the main side
 * where the user is, and asks once after an unlock.
 */
import type { Place } from '@shared/place';
import type { HistoryProblem } from '@shared/vault';
import { roleHolds, type Role } from '@shared/roles';
import { caseTabsFor, type CaseTab } from './features/case/caseTabs';
import { PROGRAMME_TABS, type ProgrammeTab } from './features/programme/programmeTabs';
import { reportTabsFor, type ReportTab } from './features/reports/reportTabs';
import { SETTINGS_PAGES, type SettingsPage } from './features/settings/settingsPages';
import type { SettingsNotice } from './features/settings/SettingsScreen';
import type { NewPassphraseReason } from './features/vault/NewPassphraseScreen';
import type { RecoveryReason } from './features/vault/RecoveryCodeScreen';
import { isOneOf } from './i18n/keys';
import { pagesFor, type Page } from './shell/AppShell';

export type Screen =
  | { name: 'loading' }
  | { name: 'setup' }
  /** `setAside`: the folder a broken vault's files were just moved into, told once on the screen. */
  | { name: 'restore-fresh'; setAside: string | null }
  | { name: 'unlock'; retryAfterMs: number }
  | { name: 'recovery-unlock' }
  | { name: 'broken'; problem: string | null }
  | { name: 'new-passphrase'; reason: NewPassphraseReason }
  /** The unlock found the database older than its history anchor: nothing else opens until it is resolved. */
  | { name: 'history-check'; problem: HistoryProblem }
  | { name: 'recovery-code'; code: string; reason: RecoveryReason }
  | { name: 'recovery-confirm'; code: string | null; reason: RecoveryReason }
  /** The psychologists' recovery code, shown once; `then`: where to go once it is written down. */
  | { name: 'private-key-code'; code: string; then: 'home' | 'settings' }
  | { name: 'home' }
  | { name: 'participants' }
  | { name: 'referrals' }
  /**
   * `openRecord`: the record the tab opens in its form (a note draft's id on the notes tab, a stage on the
   * assessments tab), chosen on the start page; not part of a remembered place.
   */
  | { name: 'participant'; id: string; from: ParticipantOrigin; tab?: CaseTab; openRecord?: string }
  | { name: 'participant-new' }
  | { name: 'programme'; tab: ProgrammeTab }
  | { name: 'reports'; tab: ReportTab }
  | { name: 'cohort'; id: string; from: ProgrammeTab; created: number | null; at?: string }
  | { name: 'search' }
  | { name: 'audit' }
  | { name: 'staff' }
  | { name: 'retention' }
  | { name: 'settings'; notice: SettingsNotice | null; section?: SettingsPage };

/** The menu pages a participant's file is opened from; its Back button returns there. */
export type ParticipantOrigin = 'participants' | 'referrals' | 'search' | 'home';

/** The menu page a screen belongs to; null for screens that must be finished first (no menu then). */
export function pageOf(screen: Screen): Page | null {
  switch (screen.name) {
    case 'home':
    case 'participants':
    case 'referrals':
    case 'search':
    case 'audit':
    case 'staff':
    case 'settings':
      return screen.name;
    case 'participant':
      return screen.from;
    case 'participant-new':
      return 'participants';
    case 'programme':
    case 'cohort':
      return 'programme';
    case 'reports':
      return 'reports';
    case 'retention':
      return 'home';
    default:
      return null;
  }
}

/** The screen a menu page opens. */
export function screenOf(page: Page): Screen {
  switch (page) {
    case 'settings':
      return { name: 'settings', notice: null };
    case 'programme':
      return { name: 'programme', tab: 'cohorts' };
    case 'reports':
      return { name: 'reports', tab: 'funder' };
    default:
      return { name: page };
  }
}

/**
 * Where a screen is, as the main side remembers it; null for screens that are not a place to come back to
 * (locked screens, a forced new passphrase, a recovery code). A half-filled new participant form is not kept:
 * the way back is the register.
 */
export function placeOf(screen: Screen): Place | null {
  switch (screen.name) {
    case 'home':
    case 'participants':
    case 'referrals':
    case 'search':
    case 'audit':
    case 'staff':
    case 'retention':
      return { page: screen.name };
    case 'participant-new':
      return { page: 'participants' };
    case 'settings':
      return screen.section ? { page: 'settings', section: screen.section } : { page: 'settings' };
    case 'programme':
      return { page: 'programme', tab: screen.tab };
    case 'reports':
      return { page: 'reports', tab: screen.tab };
    case 'participant':
      return { page: 'participant', id: screen.id, from: screen.from, ...(screen.tab ? { tab: screen.tab } : {}) };
    case 'cohort':
      return { page: 'cohort', id: screen.id, from: screen.from };
    default:
      return null;
  }
}

/**
 * The screen a place opens for a role, by the same rules as the menu and the file's tabs; null when the role
 * may not open it. A place inside the file already open keeps that file's way back.
 */
export function screenOfPlace(place: Place, role: Role, current?: Screen): Screen | null {
  const pages = pagesFor(role);
  switch (place.page) {
    case 'participant': {
      if (!pages.includes('participants')) return null;
      const tab = place.tab && isOneOf(caseTabsFor(role), place.tab) ? place.tab : undefined;
      const from = current?.name === 'participant' && current.id === place.id ? current.from : place.from;
      return { name: 'participant', id: place.id, from, ...(tab ? { tab } : {}) };
    }
    case 'cohort':
      if (!pages.includes('programme')) return null;
      return { name: 'cohort', id: place.id, from: isOneOf(PROGRAMME_TABS, place.from) ? place.from : 'cohorts', created: null };
    case 'programme':
      if (!pages.includes('programme')) return null;
      return { name: 'programme', tab: isOneOf(PROGRAMME_TABS, place.tab) ? place.tab : 'cohorts' };
    case 'reports': {
      const tabs = reportTabsFor(role);
      const tab = isOneOf(tabs, place.tab) ? place.tab : tabs[0];
      return tab ? { name: 'reports', tab } : null;
    }
    case 'settings': {
      const section = place.section && isOneOf(SETTINGS_PAGES, place.section) ? place.section : undefined;
      return { name: 'settings', notice: null, ...(section ? { section } : {}) };
    }
    case 'retention':
      return roleHolds(role, 'participants.delete') ? { name: 'retention' } : null;
    default:
      return pages.includes(place.page) ? screenOf(place.page) : null;
  }
}

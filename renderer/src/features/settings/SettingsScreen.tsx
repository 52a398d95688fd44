import { useEffect, useId, useRef, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

import { roleHolds, type Permission } from '@shared/roles';
import { LanguageChooser } from '../../components/LanguageChooser';
import { StatusMessage } from '../../components/ErrorMessage';
import { Screen } from '../../components/Screen';
import { Section, SubSections } from '../../components/Section';
import { useCan, useSession } from '../../shell/session';
import type { RecoveryReason } from '../vault/RecoveryCodeScreen';
import { BackupSection } from '../backup/BackupSection';
import { AutoLockSection } from './AutoLockSection';
import { ChangePassphraseSection } from './ChangePassphraseSection';
import { LastUserNameSection } from './LastUserNameSection';
import { RecoveryCodeSection } from './RecoveryCodeSection';
import { RotateKeySection } from './RotateKeySection';
import { PrivateKeySection } from './PrivateKeySection';
import { SETTINGS_PAGES, type SettingsPage } from './settingsPages';
import { VerifySection } from './VerifySection';
import { OrganisationSection } from './OrganisationSection';
import { RetentionSection } from '../retention/RetentionSection';
import { AttendanceSettingsSection } from '../attendance/AttendanceSettingsSection';
import { ReportSettingsSection } from '../reports/ReportSettingsSection';
import { HiddenItemsSection } from '../assessments/HiddenItemsSection';
import './settings.css';

/** What the settings page says when it is reached after confirming a new recovery code. */
export type SettingsNotice = 'renewed' | 'rotated';

/** What every section gets; a section uses what it needs. */
interface SectionProps {
  /** Whether the reader may change the vault's settings (the coordinator). */
  canEdit: boolean;
  onRecoveryCode: (code: string, reason: RecoveryReason) => void;
  /** A psychologists' recovery code to show once. */
  onPrivateKeyCode: (code: string) => void;
}

interface SettingsSection {
  page: SettingsPage;
  Section: ComponentType<SectionProps>;
  /** Shown only to a role holding this; everyone sees the section (read-only where they may not edit) without it. */
  shownTo?: Permission;
}

function LanguageSection() {
  const { t } = useTranslation();
  return (
    <Section title={t('settings.language.title')}>
      <p>{t('settings.language.intro')}</p>
      <LanguageChooser labelHidden />
    </Section>
  );
}

/**
 * Every settings card, in page order: a new card is one line here (settingsPages.ts lists the pages). A page
 * whose cards the reader may not see is left out of the list of pages.
 */
const SECTIONS: readonly SettingsSection[] = [
  { page: 'language', Section: LanguageSection },
  { page: 'lock', Section: AutoLockSection },
  { page: 'lock', Section: LastUserNameSection },
  { page: 'lock', Section: ChangePassphraseSection },
  {
    page: 'keys',
    Section: ({ onRecoveryCode }) => <RecoveryCodeSection onRecoveryCode={(code) => onRecoveryCode(code, 'renewed')} />,
    shownTo: 'vault.admin',
  },
  {
    page: 'keys',
    Section: ({ onRecoveryCode }) => <RotateKeySection onRecoveryCode={(code) => onRecoveryCode(code, 'rotated')} />,
    shownTo: 'vault.admin',
  },
  { page: 'keys', Section: VerifySection, shownTo: 'vault.admin' },
  {
    page: 'keys',
    Section: ({ onPrivateKeyCode }) => <PrivateKeySection onCode={onPrivateKeyCode} />,
    shownTo: 'psychosocial.private',
  },
  { page: 'backups', Section: BackupSection, shownTo: 'vault.admin' },
  { page: 'records', Section: RetentionSection },
  { page: 'records', Section: ReportSettingsSection, shownTo: 'reports.funder' },
  { page: 'programme', Section: AttendanceSettingsSection, shownTo: 'attendance.read' },
  { page: 'assessments', Section: HiddenItemsSection, shownTo: 'assessments.manage' },
  { page: 'organisation', Section: OrganisationSection },
];

interface SettingsScreenProps {
  notice: SettingsNotice | null;
  /** The settings page shown; null for the first one the reader has. */
  page: SettingsPage | null;
  onPage: (page: SettingsPage) => void;
  onRecoveryCode: (code: string, reason: RecoveryReason) => void;
  onPrivateKeyCode: (code: string) => void;
}

/**
 * Settings as a list of pages beside the one shown (general: the language; locking and sign-in; the recovery code and
 * encryption; backups; keeping records; the group programme), so that each is one step away and a page fits
 * a laptop screen. Everyone has language, locking and their own passphrase; the vault's keys, checks and
 * backups are the coordinator's.
 */
export function SettingsScreen({ notice, page, onPage, onRecoveryCode, onPrivateKeyCode }: SettingsScreenProps) {
  const { t } = useTranslation();
  const { role } = useSession();
  const canEdit = useCan('settings.write');
  const visible = SECTIONS.filter((section) => !section.shownTo || roleHolds(role, section.shownTo));
  const pages = SETTINGS_PAGES.filter((p) => visible.some((section) => section.page === p));
  const shown = page && pages.includes(page) ? page : (pages[0] ?? 'language');
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const chosen = useRef(false);

  // A page chosen from the list takes the focus to its heading, so that a screen reader reads where it is.
  useEffect(() => {
    if (chosen.current) heading.current?.focus();
  }, [shown]);

  return (
    <Screen name="settings" title={t('settings.title')} className="settings-screen">
      <StatusMessage tone="success">{notice ? t(`settings.notices.${notice}`) : null}</StatusMessage>
      <div className="settings-layout">
        <nav aria-label={t('settingsPages.navLabel')} className="settings-nav">
          <ul>
            {pages.map((p) => (
              <li key={p}>
                <button
                  type="button"
                  className="settings-nav-link"
                  aria-current={p === shown ? 'page' : undefined}
                  onClick={() => {
                    chosen.current = true;
                    onPage(p);
                  }}
                >
                  {t(`settingsPages.${p}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className="settings-page" aria-labelledby={headingId} data-settings-page={shown}>
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            {t(`settingsPages.${shown}`)}
          </h2>
          <SubSections>
            {visible
              .filter((section) => section.page === shown)
              .map(({ Section: Card }, index) => (
                <Card
                  key={`${shown}-${index}`}
                  canEdit={canEdit}
                  onRecoveryCode={onRecoveryCode}
                  onPrivateKeyCode={onPrivateKeyCode}
                />
              ))}
          </SubSections>
        </section>
      </div>
    </Screen>
  );
}

/**
 * The screen state machine. Everything the app knows about the open vault lives in this component's state and in
 * its query client; Root remounts it with a new key on every lock, and the client is cleared as it goes, so nothing
 * stays in memory after locking.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LockReason } from '@shared/api';
import type { Place } from '@shared/place';
import type { SessionInfo } from '@shared/vault';
import type { CaseTab } from './features/case/caseTabs';
import { roleHolds, type Permission } from '@shared/roles';
import { invoke } from './api/client';
import { createQueryClient } from './api/query';
import i18n from './i18n';
import { BrokenScreen } from './features/vault/BrokenScreen';
import { NewPassphraseScreen, type NewPassphraseReason } from './features/vault/NewPassphraseScreen';
import { RecoveryCodeScreen, type RecoveryReason } from './features/vault/RecoveryCodeScreen';
import { PrivateKeyCodeScreen } from './features/vault/PrivateKeyCodeScreen';
import { RecoveryConfirmScreen } from './features/vault/RecoveryConfirmScreen';
import { RecoveryUnlockScreen } from './features/vault/RecoveryUnlockScreen';
import { SetupScreen } from './features/vault/SetupScreen';
import { FreshRestoreScreen } from './features/backup/FreshRestoreScreen';
import { HistoryCheckScreen } from './features/backup/HistoryCheckScreen';
import { UnlockScreen } from './features/vault/UnlockScreen';
import { HomeScreen } from './features/home/HomeScreen';
import { RetentionScreen } from './features/retention/RetentionScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { StaffScreen } from './features/staff/StaffScreen';
import { AuditScreen } from './features/audit/AuditScreen';
import { CaseScreen } from './features/case/CaseScreen';
import { NewParticipantScreen } from './features/participants/NewParticipantScreen';
import { ReferralsScreen } from './features/referrals/ReferralsScreen';
import { RegistryScreen } from './features/registry/RegistryScreen';
import { SearchScreen } from './features/search/SearchScreen';
import { CohortPage } from './features/programme/CohortPage';
import { ProgrammeScreen, type ProgrammeTab } from './features/programme/ProgrammeScreen';
import { ReportsScreen } from './features/reports/ReportsScreen';
import type { SettingsPage } from './features/settings/settingsPages';
import { AppShell, pagesFor, type Page } from './shell/AppShell';
import { OpenPlaceProvider } from './shell/navigation';
import { pageOf, placeOf, screenOf, screenOfPlace, type ParticipantOrigin, type Screen } from './screens';
import { LockedLayout } from './shell/LockedLayout';
import { SessionProvider } from './shell/session';
import { useFlushOnLeave, useSessionGuards } from './shell/useSessionGuards';
import { flushDrafts } from './features/notes/drafts';
import { AccessNotices } from './features/staff/AccessNotices';

/** How a session was opened: only the screen that opened it knows, and the forced new-passphrase screen says why. */
type OpenedWith = 'passphrase' | 'recovery-code' | 'unknown';

export interface AppProps {
  /** Why the app was locked last, if it was locked by an event while open. */
  lockReason: LockReason | null;
  /** Tells Root that a session started, so that a lock event remounts the app. */
  onUnlocked: () => void;
  /** Asks Root to drop all state and show the unlock screen. */
  onLocked: (reason: LockReason | null) => void;
}

/** Why a new passphrase is required: a recovery-code unlock, or a passphrase that must be changed (a one-time one). */
function newPassphraseReason(openedWith: OpenedWith): NewPassphraseReason {
  if (openedWith === 'recovery-code') return 'recovery';
  return openedWith === 'passphrase' ? 'one-time' : 'required';
}

/**
 * The first screen of a session: a forced new passphrase, then a history found older than its anchor, then an
 * unconfirmed recovery code, then home.
 */
function firstScreenOf(session: SessionInfo, openedWith: OpenedWith): Screen {
  if (session.mustChangePassphrase) return { name: 'new-passphrase', reason: newPassphraseReason(openedWith) };
  if (session.historyProblem) return { name: 'history-check', problem: session.historyProblem };
  if (session.recoveryPending && roleHolds(session.role, 'vault.admin'))
    return { name: 'recovery-confirm', code: null, reason: 'pending' };
  return { name: 'home' };
}

/**
 * The first screen after an unlock: where the same user was when the vault locked (the main side remembers it
 * in memory only), if their role may still open it; otherwise the first screen of the session (Today).
 */
async function resumedScreen(session: SessionInfo, first: Screen): Promise<Screen> {
  if (first.name !== 'home') return first;
  // A psychologists' recovery code made at this unlock (with the key to the private notes) is shown first, once.
  if (roleHolds(session.role, 'psychosocial.private')) {
    const status = await invoke('compartment.status', {});
    if (status.ok && status.value.recoveryCode)
      return { name: 'private-key-code', code: status.value.recoveryCode, then: 'home' };
  }
  const result = await invoke('place.resume', {});
  return (result.ok && result.value ? screenOfPlace(result.value, session.role) : null) ?? first;
}

export function App({ lockReason, onUnlocked, onLocked }: AppProps) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [bootCount, setBootCount] = useState(0);
  /** The name the unlock screen offers, when the coordinator allows it (off by default). */
  const [lastUserName, setLastUserName] = useState<string | null>(null);
  // One client per mount, so one per unlocked session; its cached records are dropped when the lock unmounts it.
  const [queryClient] = useState(createQueryClient);
  useEffect(() => () => queryClient.clear(), [queryClient]);

  useEffect(() => {
    let current = true;
    void (async () => {
      const result = await invoke('vault.status', {});
      if (!current) return;
      if (!result.ok) return setScreen({ name: 'broken', problem: result.code });
      const status = result.value;
      await i18n.changeLanguage(status.locale);
      if (!current) return;
      if (status.state === 'uninitialized') return setScreen({ name: 'setup' });
      if (status.state === 'broken') return setScreen({ name: 'broken', problem: status.problem });
      if (status.state === 'unlocked' && status.session) {
        const next = await resumedScreen(status.session, firstScreenOf(status.session, 'unknown'));
        if (!current) return;
        setSession(status.session);
        onUnlocked();
        return setScreen(next);
      }
      setLastUserName(status.lastUserName);
      setScreen({ name: 'unlock', retryAfterMs: status.retryAfterMs });
    })();
    return () => {
      current = false;
    };
  }, [bootCount, onUnlocked]);

  const reboot = useCallback(() => {
    setScreen({ name: 'loading' });
    setBootCount((n) => n + 1);
  }, []);

  const enter = useCallback(
    (next: SessionInfo, openedWith: OpenedWith) => {
      setSession(next);
      onUnlocked();
      setScreen({ name: 'loading' });
      void resumedScreen(next, firstScreenOf(next, openedWith)).then(setScreen);
    },
    [onUnlocked],
  );

  // The main side keeps where the user is, in memory only, so that an unlock can come back here.
  const here = session ? placeOf(screen) : null;
  const hereKey = here ? JSON.stringify(here) : null;
  useEffect(() => {
    if (hereKey) void invoke('place.remember', JSON.parse(hereKey) as Place);
  }, [hereKey]);

  // Typed drafts reach the vault before it locks: the lock waits for the pending saves.
  const lock = useCallback(() => {
    void flushDrafts()
      .then(() => invoke('vault.lock', {}))
      .then(() => onLocked('manual'));
  }, [onLocked]);

  useSessionGuards(session !== null, lock);
  useFlushOnLeave(session !== null, flushDrafts);

  const showBroken = (problem: string) => setScreen({ name: 'broken', problem });
  const showRecoveryCode = (code: string, reason: RecoveryReason) => setScreen({ name: 'recovery-code', code, reason });
  const started = (code: string, next: SessionInfo) => {
    setSession(next);
    onUnlocked();
    showRecoveryCode(code, 'setup');
  };

  /** The screens before a session: setting up, unlocking, recovering, and a vault that cannot be opened. */
  function lockedScreen(): ReactNode {
    switch (screen.name) {
      case 'loading':
        return (
          <p className="loading" role="status">
            {t('common.loading')}
          </p>
        );
      case 'setup':
        return (
          <SetupScreen
            onDone={started}
            onVaultExists={reboot}
            onRestore={() => setScreen({ name: 'restore-fresh', setAside: null })}
          />
        );
      case 'restore-fresh':
        return <FreshRestoreScreen setAside={screen.setAside} onDone={started} onBack={() => setScreen({ name: 'setup' })} />;
      case 'recovery-unlock':
        return (
          <RecoveryUnlockScreen
            onUnlocked={(next) => enter(next, 'recovery-code')}
            onBack={() => setScreen({ name: 'unlock', retryAfterMs: 0 })}
            onBroken={showBroken}
          />
        );
      case 'broken':
        return (
          <BrokenScreen
            problem={screen.problem}
            onRetry={reboot}
            onSetAside={(folder) => setScreen({ name: 'restore-fresh', setAside: folder })}
          />
        );
      default:
        return (
          <UnlockScreen
            lockReason={lockReason}
            lastUserName={lastUserName}
            retryAfterMs={screen.name === 'unlock' ? screen.retryAfterMs : 0}
            onUnlocked={(next) => enter(next, 'passphrase')}
            onForgot={() => setScreen({ name: 'recovery-unlock' })}
            onBroken={showBroken}
          />
        );
    }
  }

  if (screen.name === 'loading' || !session) return <LockedLayout>{lockedScreen()}</LockedLayout>;

  const can = (permission: Permission) => roleHolds(session.role, permission);
  const mayOpen = (page: Page) => pagesFor(session.role).includes(page);
  const openParticipant = (id: string, from: ParticipantOrigin, tab?: CaseTab, openRecord?: string) =>
    setScreen({ name: 'participant', id, from, ...(tab ? { tab } : {}), ...(openRecord ? { openRecord } : {}) });
  const openSettings = (section?: SettingsPage) => setScreen({ name: 'settings', notice: null, ...(section ? { section } : {}) });
  const openPlace = (to: Place) => {
    const next = screenOfPlace(to, session.role, screen);
    if (next) setScreen(next);
  };
  const openCohort = (id: string, from: ProgrammeTab, created?: number) =>
    setScreen({ name: 'cohort', id, from, created: created ?? null });
  const home = (
    <HomeScreen
      onOpenSettings={() => openSettings()}
      onOpenRetention={() => setScreen({ name: 'retention' })}
      onOpenCohort={(id, at) => setScreen({ name: 'cohort', id, from: 'cohorts', created: null, ...(at ? { at } : {}) })}
      onOpenParticipant={(id, tab, openRecord) => openParticipant(id, 'home', tab, openRecord)}
    />
  );

  /** The screen of the open session; one the role may not open falls back to home. */
  function unlockedScreen(): ReactNode {
    switch (screen.name) {
      case 'new-passphrase':
        return <NewPassphraseScreen reason={screen.reason} onDone={(next) => enter(next, 'unknown')} />;
      case 'history-check':
        return <HistoryCheckScreen problem={screen.problem} onResolved={(next) => enter(next, 'unknown')} />;
      case 'recovery-code': {
        const { code, reason } = screen;
        return (
          <RecoveryCodeScreen
            code={code}
            reason={reason}
            onWritten={() => setScreen({ name: 'recovery-confirm', code, reason })}
          />
        );
      }
      case 'private-key-code':
        return (
          <PrivateKeyCodeScreen
            code={screen.code}
            onWritten={() =>
              setScreen(screen.then === 'settings' ? { name: 'settings', notice: null, section: 'keys' } : { name: 'home' })
            }
          />
        );
      case 'recovery-confirm': {
        const { reason } = screen;
        return (
          <RecoveryConfirmScreen
            code={screen.code}
            onShowAgain={(code) => showRecoveryCode(code, reason)}
            onConfirmed={(next) => {
              setSession(next);
              const fromSettings = reason === 'renewed' || reason === 'rotated';
              setScreen(
                fromSettings
                  ? { name: 'settings', notice: reason === 'rotated' ? 'rotated' : 'renewed', section: 'keys' }
                  : { name: 'home' },
              );
            }}
          />
        );
      }
      case 'staff':
        if (!can('users.manage')) return home;
        return (
          <StaffScreen
            onSession={(next) => {
              setSession(next);
              // A coordinator who gave up the role has no staff page any more.
              if (!roleHolds(next.role, 'users.manage')) setScreen({ name: 'home' });
            }}
            onOpenKeyChange={() => openSettings('keys')}
          />
        );
      case 'participants':
        return (
          <RegistryScreen
            onOpen={(id) => openParticipant(id, 'participants')}
            onCreate={() => setScreen({ name: 'participant-new' })}
          />
        );
      case 'referrals':
        if (!mayOpen('referrals')) return home;
        return <ReferralsScreen />;
      case 'participant-new':
        return (
          <NewParticipantScreen
            onCreated={(id) => openParticipant(id, 'participants')}
            onCancel={() => setScreen({ name: 'participants' })}
            onOpen={(id) => openParticipant(id, 'participants')}
          />
        );
      case 'participant': {
        const { from } = screen;
        const here = screen;
        return (
          <CaseScreen
            key={screen.id}
            participantId={screen.id}
            onBack={() => setScreen(screenOf(from))}
            tab={screen.tab ?? 'overview'}
            onTab={(tab) => setScreen({ ...here, tab })}
            {...(screen.openRecord ? { openRecord: screen.openRecord } : {})}
          />
        );
      }
      case 'programme':
        if (!mayOpen('programme')) return home;
        return (
          <ProgrammeScreen
            tab={screen.tab}
            onTab={(tab) => setScreen({ name: 'programme', tab })}
            onOpenCohort={(id, created) => openCohort(id, screen.tab, created)}
          />
        );
      case 'cohort': {
        if (!mayOpen('programme')) return home;
        const { from } = screen;
        return (
          <CohortPage
            key={screen.id}
            cohortId={screen.id}
            created={screen.created}
            openAt={screen.at}
            onBack={() => setScreen({ name: 'programme', tab: from })}
          />
        );
      }
      case 'reports':
        if (!mayOpen('reports')) return home;
        return <ReportsScreen tab={screen.tab} onTab={(tab) => setScreen({ name: 'reports', tab })} />;
      case 'search':
        if (!mayOpen('search')) return home;
        return <SearchScreen onOpen={(id) => openParticipant(id, 'search')} />;
      case 'audit':
        if (!mayOpen('audit')) return home;
        return <AuditScreen />;
      case 'retention':
        if (!can('participants.delete')) return home;
        return <RetentionScreen onBack={() => setScreen({ name: 'home' })} />;
      case 'settings':
        return (
          <SettingsScreen
            notice={screen.notice}
            page={screen.section ?? null}
            onPage={(section) => openSettings(section)}
            onRecoveryCode={showRecoveryCode}
            onPrivateKeyCode={(code) => setScreen({ name: 'private-key-code', code, then: 'settings' })}
          />
        );
      default:
        return home;
    }
  }

  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider session={session} setSession={setSession}>
        <OpenPlaceProvider openPlace={openPlace}>
          <AppShell page={pageOf(screen)} onNavigate={(p) => setScreen(screenOf(p))} onLock={lock}>
            {pageOf(screen) ? <AccessNotices /> : null}
            {unlockedScreen()}
          </AppShell>
        </OpenPlaceProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}

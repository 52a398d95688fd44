/**
 * The screen state machine. Everything the app knows about the open vault lives in this component's state;
 * Root remounts it with a new key on every lock, so nothing stays in memory after locking.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockReason } from '@shared/api';
import type { SessionInfo } from '@shared/vault';
import { roleHolds } from '@shared/roles';
import { invoke } from './api/client';
import i18n from './i18n';
import { BrokenScreen } from './features/vault/BrokenScreen';
import { NewPassphraseScreen, type NewPassphraseReason } from './features/vault/NewPassphraseScreen';
import { RecoveryCodeScreen, type RecoveryReason } from './features/vault/RecoveryCodeScreen';
import { RecoveryConfirmScreen } from './features/vault/RecoveryConfirmScreen';
import { RecoveryUnlockScreen } from './features/vault/RecoveryUnlockScreen';
import { SetupScreen } from './features/vault/SetupScreen';
import { FreshRestoreScreen } from './features/backup/FreshRestoreScreen';
import { UnlockScreen } from './features/vault/UnlockScreen';
import { HomeScreen } from './features/home/HomeScreen';
import { RetentionScreen } from './features/retention/RetentionScreen';
import { SettingsScreen, type SettingsNotice } from './features/settings/SettingsScreen';
import { StaffScreen } from './features/staff/StaffScreen';
import { AuditScreen } from './features/audit/AuditScreen';
import { CaseScreen } from './features/case/CaseScreen';
import { NewParticipantScreen } from './features/participants/NewParticipantScreen';
import { RegistryScreen } from './features/registry/RegistryScreen';
import { SearchScreen } from './features/search/SearchScreen';
import { CohortPage } from './features/programme/CohortPage';
import { ProgrammeScreen, type ProgrammeTab } from './features/programme/ProgrammeScreen';
import { AppShell, pagesFor, type Page } from './shell/AppShell';
import { LockedLayout } from './shell/LockedLayout';
import { useFlushOnLeave, useSessionGuards } from './shell/useSessionGuards';
import { flushDrafts } from './features/notes/drafts';

type Screen =
  | { name: 'loading' }
  | { name: 'setup' }
  /** `setAside`: the folder a broken vault's files were just moved into, told once on the screen. */
  | { name: 'restore-fresh'; setAside: string | null }
  | { name: 'unlock'; retryAfterMs: number }
  | { name: 'recovery-unlock' }
  | { name: 'broken'; problem: string | null }
  | { name: 'new-passphrase'; reason: NewPassphraseReason }
  | { name: 'recovery-code'; code: string; reason: RecoveryReason }
  | { name: 'recovery-confirm'; code: string | null; reason: RecoveryReason }
  | { name: 'home' }
  | { name: 'participants' }
  | { name: 'participant'; id: string; from: 'participants' | 'search' | 'home' }
  | { name: 'participant-new' }
  | { name: 'programme'; tab: ProgrammeTab }
  | { name: 'cohort'; id: string; from: ProgrammeTab; created: number | null }
  | { name: 'search' }
  | { name: 'audit' }
  | { name: 'staff' }
  | { name: 'retention' }
  | { name: 'settings'; notice: SettingsNotice | null };

/** The menu page a screen belongs to; null for screens that must be finished first (no menu then). */
function pageOf(screen: Screen): Page | null {
  switch (screen.name) {
    case 'home':
    case 'participants':
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
    case 'retention':
      return 'home';
    default:
      return null;
  }
}

/** The screen a menu page opens. */
function screenOf(page: Page): Screen {
  switch (page) {
    case 'settings':
      return { name: 'settings', notice: null };
    case 'programme':
      return { name: 'programme', tab: 'cohorts' };
    default:
      return { name: page };
  }
}

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

/** The first screen of a session: a forced new passphrase, then an unconfirmed recovery code, then home. */
function firstScreenOf(session: SessionInfo, openedWith: OpenedWith): Screen {
  if (session.mustChangePassphrase) return { name: 'new-passphrase', reason: newPassphraseReason(openedWith) };
  if (session.recoveryPending && roleHolds(session.role, 'vault.admin'))
    return { name: 'recovery-confirm', code: null, reason: 'pending' };
  return { name: 'home' };
}

export function App({ lockReason, onUnlocked, onLocked }: AppProps) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [bootCount, setBootCount] = useState(0);

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
        setSession(status.session);
        onUnlocked();
        return setScreen(firstScreenOf(status.session, 'unknown'));
      }
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
      setScreen(firstScreenOf(next, openedWith));
    },
    [onUnlocked],
  );

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

  if (screen.name === 'loading') {
    return (
      <LockedLayout>
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      </LockedLayout>
    );
  }

  if (!session) {
    return (
      <LockedLayout>
        {screen.name === 'setup' ? (
          <SetupScreen
            onDone={(code, next) => {
              setSession(next);
              onUnlocked();
              showRecoveryCode(code, 'setup');
            }}
            onVaultExists={reboot}
            onRestore={() => setScreen({ name: 'restore-fresh', setAside: null })}
          />
        ) : screen.name === 'restore-fresh' ? (
          <FreshRestoreScreen
            setAside={screen.setAside}
            onDone={(code, next) => {
              setSession(next);
              onUnlocked();
              showRecoveryCode(code, 'setup');
            }}
            onBack={() => setScreen({ name: 'setup' })}
          />
        ) : screen.name === 'recovery-unlock' ? (
          <RecoveryUnlockScreen
            onUnlocked={(next) => enter(next, 'recovery-code')}
            onBack={() => setScreen({ name: 'unlock', retryAfterMs: 0 })}
            onBroken={showBroken}
          />
        ) : screen.name === 'broken' ? (
          <BrokenScreen
            problem={screen.problem}
            onRetry={reboot}
            onSetAside={(folder) => setScreen({ name: 'restore-fresh', setAside: folder })}
          />
        ) : (
          <UnlockScreen
            lockReason={lockReason}
            retryAfterMs={screen.name === 'unlock' ? screen.retryAfterMs : 0}
            onUnlocked={(next) => enter(next, 'passphrase')}
            onForgot={() => setScreen({ name: 'recovery-unlock' })}
            onBroken={showBroken}
          />
        )}
      </LockedLayout>
    );
  }

  const page = pageOf(screen);
  const openParticipant = (id: string, from: 'participants' | 'search' | 'home') => setScreen({ name: 'participant', id, from });
  const openCohort = (id: string, from: ProgrammeTab, created?: number) =>
    setScreen({ name: 'cohort', id, from, created: created ?? null });
  return (
    <AppShell session={session} page={page} onNavigate={(p) => setScreen(screenOf(p))} onLock={lock}>
      {screen.name === 'new-passphrase' ? (
        <NewPassphraseScreen session={session} reason={screen.reason} onDone={(next) => enter(next, 'unknown')} />
      ) : screen.name === 'recovery-code' ? (
        <RecoveryCodeScreen
          code={screen.code}
          reason={screen.reason}
          onWritten={() => setScreen({ name: 'recovery-confirm', code: screen.code, reason: screen.reason })}
        />
      ) : screen.name === 'recovery-confirm' ? (
        <RecoveryConfirmScreen
          code={screen.code}
          session={session}
          onShowAgain={(code) => showRecoveryCode(code, screen.reason)}
          onConfirmed={(next) => {
            setSession(next);
            const fromSettings = screen.reason === 'renewed' || screen.reason === 'rotated';
            setScreen(
              fromSettings ? { name: 'settings', notice: screen.reason === 'rotated' ? 'rotated' : 'renewed' } : { name: 'home' },
            );
          }}
        />
      ) : screen.name === 'staff' && roleHolds(session.role, 'users.manage') ? (
        <StaffScreen
          session={session}
          onSession={(next) => {
            setSession(next);
            // A coordinator who gave up the role has no staff page any more.
            if (!roleHolds(next.role, 'users.manage')) setScreen({ name: 'home' });
          }}
        />
      ) : screen.name === 'participants' ? (
        <RegistryScreen
          session={session}
          onOpen={(id) => openParticipant(id, 'participants')}
          onCreate={() => setScreen({ name: 'participant-new' })}
        />
      ) : screen.name === 'participant-new' ? (
        <NewParticipantScreen
          session={session}
          onCreated={(id) => openParticipant(id, 'participants')}
          onCancel={() => setScreen({ name: 'participants' })}
          onOpen={(id) => openParticipant(id, 'participants')}
        />
      ) : screen.name === 'participant' ? (
        <CaseScreen key={screen.id} session={session} participantId={screen.id} onBack={() => setScreen(screenOf(screen.from))} />
      ) : screen.name === 'programme' && pagesFor(session.role).includes('programme') ? (
        <ProgrammeScreen
          session={session}
          tab={screen.tab}
          onTab={(tab) => setScreen({ name: 'programme', tab })}
          onOpenCohort={(id, created) => openCohort(id, screen.tab, created)}
        />
      ) : screen.name === 'cohort' && pagesFor(session.role).includes('programme') ? (
        <CohortPage
          key={screen.id}
          session={session}
          cohortId={screen.id}
          created={screen.created}
          onBack={() => setScreen({ name: 'programme', tab: screen.from })}
        />
      ) : screen.name === 'search' && pagesFor(session.role).includes('search') ? (
        <SearchScreen session={session} onOpen={(id) => openParticipant(id, 'search')} />
      ) : screen.name === 'audit' && pagesFor(session.role).includes('audit') ? (
        <AuditScreen session={session} />
      ) : screen.name === 'retention' && roleHolds(session.role, 'participants.delete') ? (
        <RetentionScreen onBack={() => setScreen({ name: 'home' })} />
      ) : screen.name === 'settings' ? (
        <SettingsScreen session={session} notice={screen.notice} onSession={setSession} onRecoveryCode={showRecoveryCode} />
      ) : (
        <HomeScreen
          session={session}
          onOpenSettings={() => setScreen({ name: 'settings', notice: null })}
          onOpenRetention={() => setScreen({ name: 'retention' })}
          onOpenCohort={(id) => openCohort(id, 'cohorts')}
          onOpenParticipant={(id) => openParticipant(id, 'home')}
        />
      )}
    </AppShell>
  );
}

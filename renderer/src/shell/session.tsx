/**
 * The signed-in session, reached by any component through context instead of being passed down as a prop. It is
 * provided only inside the unlocked app, so a component that reads it cannot be shown while locked.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { SessionInfo } from '@shared/vault';
import { roleHolds, type Permission } from '@shared/roles';

interface SessionContextValue {
  session: SessionInfo;
  /** Replaces the session after the user changed their own name, role or passphrase. */
  setSession: (session: SessionInfo) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ session, setSession, children }: SessionContextValue & { children: ReactNode }) {
  return <SessionContext.Provider value={{ session, setSession }}>{children}</SessionContext.Provider>;
}

function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the unlocked app');
  return value;
}

/** The signed-in user: id, name, role and what the session still asks of them. */
export function useSession(): SessionInfo {
  return useSessionContext().session;
}

/** Replaces the session (a changed own name, role or passphrase). */
export function useSetSession(): (session: SessionInfo) => void {
  return useSessionContext().setSession;
}

/** Whether the signed-in role holds a permission; the main side enforces the same through the same matrix. */
export function useCan(permission: Permission): boolean {
  return roleHolds(useSessionContext().session.role, permission);
}

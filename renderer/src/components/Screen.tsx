import { useEffect, useRef, type ReactNode } from 'react';

/** The `data-screen` names end-to-end tests wait for, one per screen. */
export type ScreenName =
  | 'setup'
  | 'restore-fresh'
  | 'recovery-code'
  | 'private-key-code'
  | 'recovery-confirm'
  | 'unlock'
  | 'recovery-unlock'
  | 'new-passphrase'
  | 'history-check'
  | 'home'
  | 'participants'
  | 'referrals'
  | 'participant'
  | 'participant-new'
  | 'programme'
  | 'cohort'
  | 'reports'
  | 'search'
  | 'audit'
  | 'settings'
  | 'staff'
  | 'retention'
  | 'broken';

interface ScreenProps {
  name: ScreenName;
  title: string;
  children: ReactNode;
  className?: string;
}

/** A screen's root: names it for tests and moves focus to its heading when it appears. */
export function Screen({ name, title, children, className }: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section data-screen={name} className={className ? `screen ${className}` : 'screen'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
